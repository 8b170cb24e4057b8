package io.lifeline.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.lifeline.signaling.JoinClaims;
import io.lifeline.signaling.JoinTokens;
import io.lifeline.signaling.ParticipantRole;
import io.lifeline.signaling.Scope;
import io.lifeline.signaling.SignalTestClient;
import io.lifeline.signaling.SignalingLimits;
import io.lifeline.support.IntegrationTest;
import io.lifeline.support.StompTestClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.reactive.socket.CloseStatus;

/** Consented remote assistance through the API and {@code /signal} of one server. */
class AssistIntegrationTests extends IntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private AssistApi api;

	@BeforeEach
	void api() {
		api = new AssistApi(this::as);
	}


	@Test
	void onlyTheTicketsCustomerConsentsToScopesThatWereRequested() {
		String id = api.request(api.ticket("carol"), "view", "pointer").get("id").asString();
		String consent = "/api/assist-sessions/" + id + "/consent";
		Map<String, List<String>> view = Map.of("scopes", List.of("view"));
		api.post("dave", consent, view, 404);
		api.post("bob", consent, view, 403);
		api.post("sam", consent, view, 403);
		api.post("carol", consent, Map.of("scopes", List.of("view", "control")), 400);
		api.post("carol", consent, Map.of("scopes", List.of("pointer")), 400);
		JsonNode consented = api.post("carol", consent, Map.of("scopes", List.of("view", "pointer")), 200);
		assertThat(consented.get("state").asString()).isEqualTo("CONSENTED");
		assertThat(consented.get("grantedScopes")).extracting(JsonNode::asString).containsExactly("view", "pointer");
		assertThat(Instant.parse(consented.get("expiresAt").asString()))
			.isAfter(Instant.now().plusSeconds(29 * 60));
		api.post("carol", consent, view, 409);
	}

	@Test
	void agentsAskOneAtATimeAndCustomersDoNotAsk() {
		String ticket = api.ticket("carol");
		api.post("carol", "/api/tickets/" + ticket + "/assist-sessions",
				Map.of("scopes", List.of("view"), "reason", "r"), 403);
		api.post("alice", "/api/tickets/" + ticket + "/assist-sessions", Map.of("scopes", List.of("pointer"), "reason",
				"r"), 400);
		JsonNode session = api.request(ticket, "view");
		assertThat(session.get("state").asString()).isEqualTo("REQUESTED");
		assertThat(session.get("ticketNumber").asLong()).isPositive();
		assertThat(session.get("agentName").asString()).isEqualTo("Alice Chen");
		assertThat(session.get("customerName").asString()).startsWith("Carol");
		api.post("alice", "/api/tickets/" + ticket + "/assist-sessions", Map.of("scopes", List.of("view"), "reason",
				"again"), 409);
		api.post("carol", "/api/assist-sessions/" + session.get("id").asString() + "/decline", null, 200);
		assertThat(api.request(ticket, "view").get("state").asString()).isEqualTo("REQUESTED");
	}

	@Test
	void theCustomerSeesTheRequestLive() {
		String ticket = api.ticket("carol");
		try (StompTestClient carol = StompTestClient.connect(baseUrl(), login("carol"))) {
			carol.subscribeAndWait("t", "/topic/tickets." + ticket, Map.of());
			api.request(ticket, "view", "pointer");
			JsonNode event = JSON.readTree(carol.next(frame -> frame.body().contains("assist.requested")).body());
			assertThat(event.get("data").get("reason").asString()).isEqualTo("To see the export error");
			assertThat(event.get("data").get("actor").get("displayName").asString()).isEqualTo("Alice Chen");
		}
	}

	@Test
	void consentedParticipantsSignalAndARevokeClosesBothSocketsAtOnce() {
		String ticket = api.ticket("carol");
		String id = api.request(ticket, "view", "pointer").get("id").asString();
		api.post("carol", "/api/assist-sessions/" + id + "/shown", null, 200);
		api.post("carol", "/api/assist-sessions/" + id + "/consent", Map.of("scopes", List.of("view", "pointer")), 200);
		JsonNode agentGrant = api.join("alice", id);
		assertThat(agentGrant.get("role").asString()).isEqualTo("agent");
		assertThat(agentGrant.get("signalingUrl").asString()).isEqualTo(baseUrl().replace("http", "ws") + "/signal");
		assertThat(agentGrant.get("iceServers").isArray()).isTrue();
		assertThat(api.session(id).get("state").asString()).isEqualTo("ACTIVE");
		JsonNode customerGrant = api.join("carol", id);

		try (SignalTestClient agent = SignalTestClient.join(baseUrl(), agentGrant.get("token").asString());
				SignalTestClient customer = SignalTestClient.join(baseUrl(), customerGrant.get("token").asString())) {
			agent.next("peer-joined");
			agent.send("{\"type\":\"offer\",\"sdp\":\"v=0 agent\"}");
			assertThat(agent.next("error").get("code").asString()).isEqualTo("not-allowed");
			customer.send("{\"type\":\"offer\",\"sdp\":\"v=0 customer\"}");
			assertThat(agent.next("offer").get("sdp").asString()).isEqualTo("v=0 customer");
			agent.send("{\"type\":\"answer\",\"sdp\":\"v=0 answer\"}");
			assertThat(customer.next("answer").get("sdp").asString()).isEqualTo("v=0 answer");
			agent.send("{\"type\":\"pointer\",\"x\":0.1,\"y\":0.9,\"mark\":\"draw\"}");
			assertThat(customer.next("pointer").get("mark").asString()).isEqualTo("draw");

			JsonNode revoked = api.post("carol", "/api/assist-sessions/" + id + "/revoke", null, 200);
			assertThat(revoked.get("state").asString()).isEqualTo("REVOKED");
			assertThat(customer.next("revoked")).isNotNull();
			assertThat(agent.next("revoked")).isNotNull();
			assertThat(customer.awaitClose()).isEqualTo(new CloseStatus(4000, "revoked"));
			assertThat(agent.awaitClose().getCode()).isEqualTo(4000);
		}
		api.post("alice", "/api/assist-sessions/" + id + "/join", null, 409);
		assertThat(api.awaitTimeline(ticket, types -> types.contains("assist.refused")))
			.filteredOn(type -> type.startsWith("assist."))
			.containsExactly("assist.requested", "assist.shown", "assist.consented", "assist.joined", "assist.joined",
					"assist.revoked", "assist.refused");
	}

	@Test
	void nothingIsSignalledBeforeConsentNorWithATokenFromBeforeARevoke() {
		String id = api.request(api.ticket("carol"), "view").get("id").asString();
		api.post("alice", "/api/assist-sessions/" + id + "/join", null, 409);
		try (SignalTestClient early = SignalTestClient.open(baseUrl())) {
			early.send("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
			assertThat(early.next("error").get("code").asString()).isEqualTo("not-consented");
			assertThat(early.awaitClose().getCode()).isEqualTo(1008);
		}
		api.post("carol", "/api/assist-sessions/" + id + "/consent", Map.of("scopes", List.of("view")), 200);
		String unused = api.join("carol", id).get("token").asString();
		api.post("carol", "/api/assist-sessions/" + id + "/revoke", null, 200);
		try (SignalTestClient late = SignalTestClient.open(baseUrl())) {
			late.send("{\"type\":\"join\",\"token\":\"" + unused + "\"}");
			assertThat(late.next("error").get("code").asString()).isEqualTo("not-consented");
		}
	}

	@Test
	void aReplayedForgedOrSomeoneElsesJoinIsRefusedAndRecorded() {
		JsonNode session = api.consented("view");
		String id = session.get("id").asString();
		String ticket = session.get("ticketId").asString();
		api.post("dave", "/api/assist-sessions/" + id + "/join", null, 404);
		api.post("bob", "/api/assist-sessions/" + id + "/join", null, 403);
		api.post("sam", "/api/assist-sessions/" + id + "/join", null, 403);
		String token = api.join("carol", id).get("token").asString();
		try (SignalTestClient first = SignalTestClient.join(baseUrl(), token);
				SignalTestClient replay = SignalTestClient.open(baseUrl());
				SignalTestClient forged = SignalTestClient.open(baseUrl())) {
			replay.send("{\"type\":\"join\",\"token\":\"" + token + "\"}");
			assertThat(replay.next("error").get("code").asString()).isEqualTo("token-used");
			JoinTokens forger = new JoinTokens("someone-elses-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
					Clock.systemUTC());
			String foreign = forger.issue(new JoinClaims(id, session.get("agentId").asString(), ParticipantRole.AGENT,
					Set.of(Scope.VIEW, Scope.CONTROL), UUID.randomUUID().toString(), Instant.now().plusSeconds(60),
					Instant.now().plusSeconds(600)));
			forged.send("{\"type\":\"join\",\"token\":\"" + foreign + "\"}");
			assertThat(forged.next("error").get("code").asString()).isEqualTo("bad-token");
			assertThat(first.drain()).noneMatch(message -> message.path("type").asString().equals("peer-joined"));
		}
		List<String> timeline = api.awaitTimeline(ticket, types -> AssistApi.count(types, "assist.refused") >= 3);
		assertThat(AssistApi.count(timeline, "assist.refused")).isEqualTo(3);
		assertThat(api.get("carol", "/api/tickets/" + ticket + "/timeline", 200))
			.noneMatch(event -> event.get("type").asString().equals("assist.refused"));
	}

	@Test
	void solvingOrReassigningTheTicketEndsTheSessionAndClosesItsSockets() {
		for (Map<String, ?> change : List.of(Map.of("status", "SOLVED"),
				Map.of("assigneeId", io.lifeline.identity.DemoUsers.BOB.id().toString()))) {
			JsonNode session = api.consented("view");
			String id = session.get("id").asString();
			try (SignalTestClient agent = SignalTestClient.join(baseUrl(), api.join("alice", id).get("token").asString())) {
				api.patchTicket(session.get("ticketId").asString(), change);
				String reason = change.containsKey("status") ? "ticket-closed" : "reassigned";
				assertThat(agent.next("ended").get("reason").asString()).isEqualTo(reason);
				assertThat(agent.awaitClose().getCode()).isEqualTo(4001);
				JsonNode ended = api.awaitState(id, "ENDED");
				assertThat(ended.get("endReason").asString()).isEqualTo(reason);
				assertThat(ended.get("endedBy").get("displayName").asString()).isEqualTo("Alice Chen");
			}
			api.post("alice", "/api/assist-sessions/" + id + "/join", null, 409);
		}
	}

	@Test
	void aSupervisorSeesLiveSessionsAndEndsAny() {
		JsonNode session = api.consented("view");
		String id = session.get("id").asString();
		api.get("alice", "/api/assist-sessions?state=live", 403);
		api.get("sam", "/api/assist-sessions?state=ended", 400);
		JsonNode live = api.get("sam", "/api/assist-sessions?state=live", 200);
		assertThat(live).anySatisfy(each -> {
			assertThat(each.get("id").asString()).isEqualTo(id);
			assertThat(each.get("ticketNumber").asLong()).isEqualTo(session.get("ticketNumber").asLong());
			assertThat(each.get("agentName").asString()).isEqualTo("Alice Chen");
		});
		try (SignalTestClient customer = SignalTestClient.join(baseUrl(), api.join("carol", id).get("token").asString())) {
			JsonNode ended = api.post("sam", "/api/assist-sessions/" + id + "/end", null, 200);
			assertThat(ended.get("state").asString()).isEqualTo("ENDED");
			assertThat(ended.get("endedBy").get("role").asString()).isEqualTo("SUPERVISOR");
			assertThat(customer.next("ended").get("reason").asString()).isEqualTo("ended");
			assertThat(customer.awaitClose().getCode()).isEqualTo(4001);
		}
		assertThat(api.get("sam", "/api/assist-sessions?state=live", 200))
			.noneMatch(each -> each.get("id").asString().equals(id));
		assertThat(api.get("carol", "/api/tickets/" + session.get("ticketId").asString() + "/assist-sessions", 200))
			.singleElement()
			.satisfies(each -> assertThat(each.get("state").asString()).isEqualTo("ENDED"));
		api.get("dave", "/api/tickets/" + session.get("ticketId").asString() + "/assist-sessions", 404);
	}

	@Test
	void theCustomerNarrowsScopesAndTheAgentLosesThemAtOnce() {
		JsonNode session = api.consented("view", "pointer");
		String id = session.get("id").asString();
		try (SignalTestClient agent = SignalTestClient.join(baseUrl(), api.join("alice", id).get("token").asString());
				SignalTestClient customer = SignalTestClient.join(baseUrl(),
						api.join("carol", id).get("token").asString())) {
			api.as("carol").put().uri("/api/assist-sessions/" + id + "/scopes")
				.bodyValue(Map.of("scopes", List.of("view", "control"))).exchange().expectStatus().isBadRequest();
			api.as("alice").put().uri("/api/assist-sessions/" + id + "/scopes")
				.bodyValue(Map.of("scopes", List.of("view"))).exchange().expectStatus().isForbidden();
			api.as("carol").put().uri("/api/assist-sessions/" + id + "/scopes")
				.bodyValue(Map.of("scopes", List.of("view"))).exchange().expectStatus().isOk();
			assertThat(agent.next("scopes").get("grantedScopes")).extracting(JsonNode::asString).containsExactly("view");
			assertThat(customer.next("scopes")).isNotNull();
			agent.send("{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}");
			assertThat(agent.next("error").get("code").asString()).isEqualTo("scope-missing");
		}
		assertThat(api.timeline(session.get("ticketId").asString())).contains("assist.scopes-changed");
	}

	@Test
	void badMessagesGetAnErrorAndAClose() {
		JsonNode session = api.consented("view");
		String id = session.get("id").asString();
		try (SignalTestClient customer = SignalTestClient.join(baseUrl(), api.join("carol", id).get("token").asString());
				SignalTestClient agent = SignalTestClient.join(baseUrl(), api.join("alice", id).get("token").asString())) {
			customer.send("{\"type\":\"candidate\",\"candidate\":{\"candidate\":\""
					+ "x".repeat(SignalingLimits.DEFAULT_MAX_MESSAGE_BYTES) + "\"}}");
			assertThat(customer.next("error").get("code").asString()).isEqualTo("too-large");
			assertThat(customer.awaitClose().getCode()).isEqualTo(1009);
			agent.send("{\"type\":\"pointer\",\"x\":2}");
			assertThat(agent.next("error").get("code").asString()).isEqualTo("malformed");
			assertThat(agent.awaitClose().getCode()).isEqualTo(1008);
		}
		String other = api.consented("view").get("id").asString();
		try (SignalTestClient flood = SignalTestClient.join(baseUrl(), api.join("carol", other).get("token").asString())) {
			for (int i = 0; i <= SignalingLimits.DEFAULT_BURST + 10; i++) {
				flood.send("{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"c" + i + "\"}}");
			}
			assertThat(flood.next(message -> "rate-limited".equals(message.path("code").asString()),
					SignalTestClient.WAIT)).isNotNull();
			assertThat(flood.awaitClose().getCode()).isEqualTo(1008);
		}
	}

}
