package io.lifeline.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.lifeline.signaling.SignalTestClient;
import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

/** Timeouts, shortened: requests lapse after 1 s, consents after 3 s. */
@TestPropertySource(properties = { "lifeline.assist.request-timeout=PT1S", "lifeline.assist.consent-duration=PT3S",
		"lifeline.assist.claim-interval=PT0.1S" })
class AssistExpiryIntegrationTests extends IntegrationTest {

	private AssistApi api;

	@BeforeEach
	void api() {
		api = new AssistApi(this::as);
	}

	@Test
	void anUnansweredRequestExpiresOnceAndCannotBeConsentedTo() {
		String ticket = api.ticket("carol");
		String id = api.request(ticket, "view").get("id").asString();
		JsonNode expired = api.awaitState(id, "EXPIRED");
		assertThat(expired.get("endReason").asString()).isEqualTo("unanswered");
		api.post("carol", "/api/assist-sessions/" + id + "/consent", Map.of("scopes", List.of("view")), 409);
		assertThat(api.timeline(ticket)).filteredOn(type -> type.startsWith("assist."))
			.containsExactly("assist.requested", "assist.expired");
	}

	@Test
	void anExpiredConsentClosesTheSocketsAndDeniesJoining() {
		JsonNode session = api.consented("view");
		String id = session.get("id").asString();
		String laterToken = api.join("carol", id).get("token").asString();
		try (SignalTestClient agent = SignalTestClient.join(baseUrl(), api.join("alice", id).get("token").asString())) {
			assertThat(agent.next("ended").get("reason").asString()).isEqualTo("expired");
			assertThat(agent.awaitClose().getCode()).isEqualTo(4002);
		}
		assertThat(api.awaitState(id, "EXPIRED").get("endReason").asString()).isEqualTo("consent-expired");
		api.post("alice", "/api/assist-sessions/" + id + "/join", null, 409);
		try (SignalTestClient late = SignalTestClient.open(baseUrl())) {
			late.send("{\"type\":\"join\",\"token\":\"" + laterToken + "\"}");
			assertThat(late.next("error").get("code").asString()).isIn("not-consented", "bad-token");
		}
		List<String> timeline = api.timeline(session.get("ticketId").asString());
		assertThat(AssistApi.count(timeline, "assist.expired")).isEqualTo(1);
	}

}
