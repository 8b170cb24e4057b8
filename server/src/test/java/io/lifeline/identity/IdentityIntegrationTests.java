package io.lifeline.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class IdentityIntegrationTests extends IntegrationTest {

	@Test
	void loginIssuesATokenAndNamesTheUser() {
		client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("username", "alice", "password", "demo"))
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.token").isNotEmpty()
			.jsonPath("$.expiresAt").value(String.class, at -> assertThat(at).endsWith("Z"))
			.jsonPath("$.user.username").isEqualTo("alice")
			.jsonPath("$.user.displayName").isEqualTo("Alice Chen")
			.jsonPath("$.user.role").isEqualTo("AGENT")
			.jsonPath("$.user.id").isEqualTo(DemoUsers.ALICE.id().toString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "sam", "carol", "dave", "bob" })
	void everyDemoUserCanLogInAndReadThemself(String username) {
		as(username).get()
			.uri("/api/me")
			.exchange()
			.expectStatus().isOk()
			.expectBody()
			.jsonPath("$.username").isEqualTo(username)
			.jsonPath("$.role").value(String.class, role -> assertThat(role).isIn("AGENT", "SUPERVISOR", "CUSTOMER"));
	}

	@Test
	void wrongPasswordAndUnknownUserGetTheSameAnswer() {
		byte[] wrongPassword = failedLogin("bob", "not-demo");
		byte[] unknownUser = failedLogin("nobody-" + UUID.randomUUID().toString().substring(0, 8), "demo");
		assertThat(new String(unknownUser)).isEqualTo(new String(wrongPassword));
		assertThat(new String(wrongPassword)).contains("\"status\":401").contains("Wrong username or password");
	}

	@Test
	void theMeEndpointNeedsAToken() {
		client.get()
			.uri("/api/me")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader().valueEquals("WWW-Authenticate", "Bearer")
			.expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.type").isNotEmpty();
	}

	@Test
	void aForgedTokenIsRefused() {
		String token = login("carol");
		String[] parts = token.split("\\.");
		// Same header and signature, but a payload that claims to be a supervisor.
		String forgedPayload = java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(java.util.Base64.getUrlDecoder().decode(parts[1]))
				.replace("CUSTOMER", "SUPERVISOR")
				.getBytes());
		client.get()
			.uri("/api/me")
			.header("Authorization", "Bearer " + parts[0] + "." + forgedPayload + "." + parts[2])
			.exchange()
			.expectStatus().isUnauthorized();
		client.get()
			.uri("/api/me")
			.header("Authorization", "Bearer not-a-token")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void badLoginBodiesAreClearErrors() {
		post("{\"username\":\"alice\"}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
		post("{\"username\":\"alice\",\"password\":\"demo\",\"admin\":true}").expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("admin");
		post("{\"username\":").expectStatus().isBadRequest()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("JSON"));
		post("[1,2]").expectStatus().isBadRequest();
		client.post()
			.uri("/api/auth/login")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("alice:demo")
			.exchange()
			.expectStatus().isEqualTo(415)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isNotEmpty();
	}

	@Test
	void repeatedFailuresForOneUsernameAreThrottled() {
		String username = "target-" + UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < SecurityProperties.Login.DEFAULT_MAX_FAILURES_PER_USERNAME; i++) {
			failedLogin(username, "guess-" + i);
		}
		post("{\"username\":\"" + username + "\",\"password\":\"demo\"}")
			.expectStatus().isEqualTo(429)
			.expectHeader().exists("Retry-After")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(429);
	}

	@Test
	void everyApiRouteIsGuarded() {
		client.get().uri("/api/tickets").exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/sla-policies").exchange().expectStatus().isUnauthorized();
		as("carol").get().uri("/api/sla-policies").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		as("alice").get().uri("/api/sla-policies").exchange().expectStatus().isOk();
	}

	@Test
	void healthIsPublicAndUp() {
		client.get().uri("/actuator/health").exchange().expectStatus().isOk()
			.expectBody().jsonPath("$.status").isEqualTo("UP");
	}

	private byte[] failedLogin(String username, String password) {
		return post("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().returnResult().getResponseBody();
	}

	private WebTestClient.ResponseSpec post(String json) {
		return client.post().uri("/api/auth/login").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
	}

}
