package io.lifeline.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Signaling alone, as its own process would run it (in memory, one node), over real sockets: pairing, relay, the
 * rules, the limits and control.
 */
class SignalingServerTests {

	private static final String SECRET = "signaling-server-test-secret-0123456789";

	private static SignalingServer server;

	private static Signaling signaling;

	private static String base;

	private final JoinTokens tokens = new JoinTokens(SECRET.getBytes(StandardCharsets.UTF_8), Clock.systemUTC());

	@BeforeAll
	static void start() {
		server = new SignalingServer(StandaloneSettings.from(Map.of("PORT", "0", "SIGNALING_HOST", "127.0.0.1",
				"LIFELINE_SIGNALING_SECRET", SECRET)), Clock.systemUTC());
		signaling = server.signaling();
		base = "http://127.0.0.1:" + server.port();
	}

	@AfterAll
	static void stop() {
		server.close();
	}

	@Test
	void theTwoSidesArePairedAndRelayedToEachOtherAlone() {
		String session = UUID.randomUUID().toString();
		String other = UUID.randomUUID().toString();
		try (SignalTestClient customer = SignalTestClient.join(base, token(session, ParticipantRole.CUSTOMER, Scope.VIEW));
				SignalTestClient agent = SignalTestClient.open(base);
				SignalTestClient stranger = SignalTestClient.join(base, token(other, ParticipantRole.AGENT, Scope.VIEW))) {
			agent.send(join(token(session, ParticipantRole.AGENT, Scope.VIEW)));
			JsonNode joined = agent.next("joined");
			assertThat(joined.get("role").asString()).isEqualTo("agent");
			assertThat(joined.get("peerPresent").asBoolean()).isTrue();
			assertThat(customer.next("peer-joined").get("role").asString()).isEqualTo("agent");

			customer.send("{\"type\":\"offer\",\"sdp\":\"v=0 offer\"}");
			assertThat(agent.next("offer").get("sdp").asString()).isEqualTo("v=0 offer");
			agent.send("{\"type\":\"answer\",\"sdp\":\"v=0 answer\"}");
			assertThat(customer.next("answer").get("sdp").asString()).isEqualTo("v=0 answer");
			assertThat(stranger.drain()).isEmpty();
		}
	}

	@Test
	void nothingIsRelayedBeforeTheOtherSideJoined() {
		try (SignalTestClient customer = SignalTestClient.join(base,
				token(UUID.randomUUID().toString(), ParticipantRole.CUSTOMER, Scope.VIEW))) {
			customer.send("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
			assertThat(customer.next("error").get("code").asString()).isEqualTo("not-allowed");
		}
	}

	@Test
	void theAgentMayNotOfferNorPointWithoutTheScope() {
		String session = UUID.randomUUID().toString();
		try (SignalTestClient customer = SignalTestClient.join(base, token(session, ParticipantRole.CUSTOMER, Scope.VIEW));
				SignalTestClient agent = SignalTestClient.join(base, token(session, ParticipantRole.AGENT, Scope.VIEW))) {
			agent.send("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
			assertThat(agent.next("error").get("code").asString()).isEqualTo("not-allowed");
			agent.send("{\"type\":\"pointer\",\"x\":0.5,\"y\":0.5}");
			assertThat(agent.next("error").get("code").asString()).isEqualTo("scope-missing");
			agent.send("{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"c\"}}");
			assertThat(customer.next("candidate").get("candidate").get("candidate").asString()).isEqualTo("c");
			assertThat(customer.drain()).noneMatch(m -> m.path("type").asString().matches("offer|pointer"));
		}
	}

	@Test
	void aTokenIsGoodForOneJoinOnly() {
		String token = token(UUID.randomUUID().toString(), ParticipantRole.CUSTOMER, Scope.VIEW);
		try (SignalTestClient first = SignalTestClient.join(base, token);
				SignalTestClient replay = SignalTestClient.open(base)) {
			replay.send(join(token));
			assertThat(replay.next("error").get("code").asString()).isEqualTo("token-used");
			assertThat(replay.awaitClose().getCode()).isEqualTo(1008);
		}
	}

	@Test
	void aForgedTokenIsRefused() {
		JoinTokens forger = new JoinTokens("not-the-secret-but-long-enough-0123456789".getBytes(StandardCharsets.UTF_8),
				Clock.systemUTC());
		String forged = forger.issue(claims(UUID.randomUUID().toString(), ParticipantRole.AGENT, Scope.VIEW));
		try (SignalTestClient client = SignalTestClient.open(base)) {
			client.send(join(forged));
			assertThat(client.next("error").get("code").asString()).isEqualTo("bad-token");
			assertThat(client.awaitClose().getCode()).isEqualTo(1008);
		}
	}

	@Test
	void aMessageBeforeJoiningIsRefusedAndCloses() {
		try (SignalTestClient client = SignalTestClient.open(base)) {
			client.send("{\"type\":\"offer\",\"sdp\":\"v=0\"}");
			assertThat(client.next("error").get("code").asString()).isEqualTo("not-consented");
			assertThat(client.awaitClose().getCode()).isEqualTo(1008);
		}
	}

	@Test
	void malformedAndOversizedMessagesCloseTheSocket() {
		try (SignalTestClient client = SignalTestClient.open(base)) {
			client.send("{\"type\":");
			assertThat(client.next("error").get("code").asString()).isEqualTo("malformed");
			assertThat(client.awaitClose().getCode()).isEqualTo(1008);
		}
		try (SignalTestClient client = SignalTestClient.open(base)) {
			client.send("{\"type\":\"offer\",\"sdp\":\"" + "x".repeat(SignalingLimits.DEFAULT_MAX_MESSAGE_BYTES) + "\"}");
			assertThat(client.next("error").get("code").asString()).isEqualTo("too-large");
			assertThat(client.awaitClose().getCode()).isEqualTo(1009);
		}
	}

	@Test
	void aFloodIsRateLimited() {
		String session = UUID.randomUUID().toString();
		try (SignalTestClient customer = SignalTestClient.join(base, token(session, ParticipantRole.CUSTOMER, Scope.VIEW));
				SignalTestClient agent = SignalTestClient.join(base, token(session, ParticipantRole.AGENT, Scope.VIEW))) {
			for (int i = 0; i < SignalingLimits.DEFAULT_BURST + 20; i++) {
				customer.send("{\"type\":\"candidate\",\"candidate\":{\"candidate\":\"c" + i + "\"}}");
			}
			assertThat(customer.next("error").get("code").asString()).isEqualTo("rate-limited");
			assertThat(customer.awaitClose().getCode()).isEqualTo(1008);
			assertThat(agent.next("peer-left")).isNotNull();
		}
	}

	@Test
	void closingASessionTellsAndClosesBothSocketsAndRefusesLaterJoins() {
		String session = UUID.randomUUID().toString();
		String late = token(session, ParticipantRole.AGENT, Scope.VIEW);
		try (SignalTestClient customer = SignalTestClient.join(base, token(session, ParticipantRole.CUSTOMER, Scope.VIEW));
				SignalTestClient agent = SignalTestClient.join(base, token(session, ParticipantRole.AGENT, Scope.VIEW))) {
			signaling.control().close(session, Closure.revoked()).block();
			assertThat(customer.next("revoked")).isNotNull();
			assertThat(agent.next("revoked")).isNotNull();
			assertThat(customer.awaitClose()).isEqualTo(new CloseStatus(4000, "revoked"));
			assertThat(agent.awaitClose().getCode()).isEqualTo(4000);
		}
		try (SignalTestClient again = SignalTestClient.open(base)) {
			again.send(join(late));
			assertThat(again.next("error").get("code").asString()).isEqualTo("not-consented");
		}
	}

	@Test
	void narrowingTakesAScopeAwayAtOnce() {
		String session = UUID.randomUUID().toString();
		try (SignalTestClient customer = SignalTestClient.join(base,
				token(session, ParticipantRole.CUSTOMER, Scope.VIEW, Scope.POINTER));
				SignalTestClient agent = SignalTestClient.join(base,
						token(session, ParticipantRole.AGENT, Scope.VIEW, Scope.POINTER))) {
			agent.send("{\"type\":\"pointer\",\"x\":0.25,\"y\":0.75,\"mark\":\"click\"}");
			assertThat(customer.next("pointer").get("mark").asString()).isEqualTo("click");
			signaling.control().narrow(session, Set.of(Scope.VIEW)).block();
			assertThat(agent.next("scopes").get("grantedScopes")).hasSize(1);
			assertThat(customer.next("scopes").get("grantedScopes").get(0).asString()).isEqualTo("view");
			agent.send("{\"type\":\"pointer\",\"x\":0.25,\"y\":0.75}");
			assertThat(agent.next("error").get("code").asString()).isEqualTo("scope-missing");
		}
	}

	@Test
	void aSocketClosesWhenItsSessionsTimeIsUp() {
		String session = UUID.randomUUID().toString();
		JoinClaims shortLived = new JoinClaims(session, "u", ParticipantRole.CUSTOMER, Set.of(Scope.VIEW),
				UUID.randomUUID().toString(), Instant.now().plusSeconds(60), Instant.now().plusMillis(300));
		try (SignalTestClient customer = SignalTestClient.join(base, tokens.issue(shortLived))) {
			assertThat(customer.next("ended").get("reason").asString()).isEqualTo("expired");
			assertThat(customer.awaitClose().getCode()).isEqualTo(4002);
		}
	}

	private String token(String session, ParticipantRole role, Scope... scopes) {
		return tokens.issue(claims(session, role, scopes));
	}

	private static JoinClaims claims(String session, ParticipantRole role, Scope... scopes) {
		return new JoinClaims(session, role.wire() + "-user", role, Set.of(scopes), UUID.randomUUID().toString(),
				Instant.now().plus(Duration.ofMinutes(1)), Instant.now().plus(Duration.ofMinutes(30)));
	}

	private static String join(String token) {
		return "{\"type\":\"join\",\"token\":\"" + token + "\"}";
	}


}
