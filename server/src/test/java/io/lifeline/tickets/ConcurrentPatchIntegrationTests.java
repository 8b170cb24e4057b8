package io.lifeline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.lifeline.identity.DemoUsers;
import io.lifeline.realtime.Streams;
import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/** The event log stays gap-free when many writers race for the same ticket. */
class ConcurrentPatchIntegrationTests extends IntegrationTest {

	static final int WRITERS = 50;

	@Autowired
	DatabaseClient db;

	@Test
	void fiftyRacingPatchesOfOneVersionLetExactlyOneThrough() {
		String token = login("alice");
		WebClient http = WebClient.builder().baseUrl(baseUrl()).defaultHeader("Authorization", "Bearer " + token)
			.build();
		JsonNode ticket = TicketsIntegrationTests.create(as("alice"),
				Map.of("subject", "Race", "description", "d", "customerId", DemoUsers.CAROL.id()));
		String id = ticket.get("id").asString();

		List<Integer> statuses = Flux.range(0, WRITERS)
			.flatMap(i -> http.patch()
				.uri("/api/tickets/" + id)
				.header("If-Match", "1")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("tags", List.of("writer-" + i)))
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())),
					WRITERS)
			.collectList()
			.block(Duration.ofSeconds(60));

		assertThat(statuses).hasSize(WRITERS);
		assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
		assertThat(statuses.stream().filter(s -> s == 409)).hasSize(WRITERS - 1);
		assertThat(seqs(Streams.ticket(java.util.UUID.fromString(id)))).containsExactly(1L, 2L);
	}

	@Test
	void fiftyRacingPatchesOfSuccessiveVersionsLeaveContiguousSequences() {
		String token = login("alice");
		WebClient http = WebClient.builder().baseUrl(baseUrl()).defaultHeader("Authorization", "Bearer " + token)
			.build();
		List<String> ids = Flux.range(0, 5)
			.map(i -> TicketsIntegrationTests.create(as("bob"),
					Map.of("subject", "Race " + i, "description", "d", "customerId", DemoUsers.DAVE.id()))
				.get("id").asString())
			.collectList()
			.block();

		// Every writer retries on 409 with the version it is told about, so all of them land eventually.
		Flux.range(0, WRITERS)
			.flatMap(i -> patchUntilApplied(http, ids.get(i % ids.size()), i), WRITERS)
			.then()
			.block(Duration.ofSeconds(120));

		for (String id : ids) {
			assertThat(seqs(Streams.ticket(java.util.UUID.fromString(id))))
				.containsExactlyElementsOf(LongStream.rangeClosed(1, 1 + WRITERS / ids.size()).boxed().toList());
		}
		List<Long> all = seqs(Streams.TICKETS);
		assertThat(all).containsExactlyElementsOf(LongStream.rangeClosed(1, all.size()).boxed().toList());
	}

	private reactor.core.publisher.Mono<Void> patchUntilApplied(WebClient http, String id, int writer) {
		return http.get()
			.uri("/api/tickets/" + id)
			.retrieve()
			.bodyToMono(JsonNode.class)
			.flatMap(current -> http.patch()
				.uri("/api/tickets/" + id)
				.header("If-Match", current.get("version").asString())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("tags", List.of("writer-" + writer)))
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())))
			.flatMap(status -> status == 200 ? reactor.core.publisher.Mono.<Void>empty()
					: reactor.core.publisher.Mono.error(new IllegalStateException("status " + status)))
			.retry(200);
	}

	private List<Long> seqs(String stream) {
		return db.sql("select seq from events where stream = :stream order by seq")
			.bind("stream", stream)
			.map(row -> row.get("seq", Long.class))
			.all()
			.collectList()
			.block();
	}

}
