package io.lifeline.realtime.stomp;

import java.util.Map;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Ticket changes over REST, for tests that watch them arrive over STOMP. */
final class TicketsApi {

	private TicketsApi() {
	}

	static String create(WebTestClient client, Map<String, ?> body) {
		return client.post().uri("/api/tickets").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody().get("id").asString();
	}

	/** Reads the ticket's version and applies the change over it. */
	static JsonNode patch(WebTestClient client, String id, Map<String, ?> body) {
		JsonNode current = client.get().uri("/api/tickets/" + id).exchange().expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		return client.patch().uri("/api/tickets/" + id).header("If-Match", current.get("version").asString())
			.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
			.expectStatus().isOk()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
	}

}
