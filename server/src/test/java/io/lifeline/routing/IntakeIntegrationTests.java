package io.lifeline.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class IntakeIntegrationTests extends IntegrationTest {

	@Test
	void theIntakeIsStoredAsTheTicketsProblemSnapshot() {
		JsonNode ticket = create(as("carol"), Map.of("subject", "Budget report wrong", "description", "totals in USD",
				"intake", Map.of("module", "reports", "version", "5.2.1", "environment", "Windows 11 / Edge 131",
						"steps", "1. Open the cost report\n2. Look at the totals")));
		assertThat(ticket.get("intake").get("module").asString()).isEqualTo("reports");
		assertThat(ticket.get("intake").get("environment").asString()).isEqualTo("Windows 11 / Edge 131");
		JsonNode read = as("alice").get().uri("/api/tickets/" + ticket.get("id").asString()).exchange()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(read.get("intake").get("steps").asString()).startsWith("1. Open");
		as("carol").post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "s", "description", "d", "intake", Map.of("version", "x".repeat(101))))
			.exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field")
			.isEqualTo("intake.version");
	}

	@Test
	void keywordRulesSetTagsModuleAndFaultTypeInEitherLanguage() {
		WebTestClient sam = as("sam");
		sam.put().uri("/api/triage/rules").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(
					Map.of("keywords", List.of("login", "登录"), "tags", List.of("login"), "module", "accounts",
							"faultType", "login"),
					Map.of("keywords", List.of("闪退", "crash"), "tags", List.of("crash", "mobile"), "module", "mobile",
							"faultType", "crash")))
			.exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(2);
		as("alice").get().uri("/api/triage/rules").exchange().expectStatus().isOk();
		as("alice").put().uri("/api/triage/rules").contentType(MediaType.APPLICATION_JSON).bodyValue(List.of())
			.exchange().expectStatus().isForbidden();
		sam.put().uri("/api/triage/rules").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(List.of(Map.of("keywords", List.of(" ")))).exchange().expectStatus().isBadRequest();

		JsonNode chinese = create(as("carol"),
				Map.of("subject", "应用闪退", "description", "每次打开都闪退", "tags", List.of("urgent")));
		assertThat(chinese.get("tags").toString()).isEqualTo("[\"urgent\",\"crash\",\"mobile\"]");
		assertThat(chinese.get("intake").get("module").asString()).isEqualTo("mobile");
		assertThat(chinese.get("intake").get("faultType").asString()).isEqualTo("crash");

		JsonNode chosen = create(as("carol"), Map.of("subject", "Login page blank", "description", "after update",
				"intake", Map.of("module", "portal")));
		assertThat(chosen.get("tags").toString()).isEqualTo("[\"login\"]");
		assertThat(chosen.get("intake").get("module").asString()).isEqualTo("portal");
		assertThat(chosen.get("intake").get("faultType").asString()).isEqualTo("login");

		JsonNode plain = create(as("carol"), Map.of("subject", "Question about invoices", "description", "hello"));
		assertThat(plain.get("tags").size()).isZero();
		assertThat(plain.has("intake")).isFalse();
	}

	private static JsonNode create(WebTestClient client, Map<String, ?> body) {
		return client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
	}

}
