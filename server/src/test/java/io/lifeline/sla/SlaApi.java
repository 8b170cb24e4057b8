package io.lifeline.sla;

import java.util.List;
import java.util.Map;

import io.lifeline.identity.DemoUsers;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** SLA set-up and ticket moves over REST, for tests that watch alerts arrive. */
final class SlaApi {

	private SlaApi() {
	}

	static void policy(WebTestClient supervisor, String priority, String firstResponse, String warnBefore) {
		supervisor.put().uri("/api/sla-policies/" + priority).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("firstResponse", firstResponse, "nextResponse", "PT1H", "resolution", "PT8H",
					"warnBefore", warnBefore, "calendar", "24x7"))
			.exchange().expectStatus().isOk();
	}

	/** Opened by alice for carol and assigned to alice; emits the ticket. */
	static JsonNode openAssigned(WebTestClient agent, String priority, String subject) {
		JsonNode created = agent.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", subject, "description", "SLA test", "priority", priority, "customerId",
					DemoUsers.CAROL.id()))
			.exchange().expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		return patch(agent, created, Map.of("assigneeId", DemoUsers.ALICE.id()));
	}

	static JsonNode patch(WebTestClient agent, JsonNode ticket, Map<String, ?> change) {
		JsonNode current = get(agent, ticket.get("id").asString());
		return agent.patch().uri("/api/tickets/" + current.get("id").asString())
			.header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(change).exchange()
			.expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	static JsonNode get(WebTestClient client, String id) {
		return client.get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

	static List<String> timelineTypes(WebTestClient agent, String id) {
		JsonNode events = agent.get().uri("/api/tickets/" + id + "/timeline").exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		return events.valueStream().map(event -> event.get("type").asString()).toList();
	}

}
