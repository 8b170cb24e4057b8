package io.lifeline.chat.attachments;

import java.util.Map;
import java.util.UUID;

import io.lifeline.identity.DemoUsers;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The HTTP calls attachment tests make. */
final class AttachmentsApi {

	private AttachmentsApi() {
	}

	/** A new ticket of the given customer, opened by them; its id. */
	static String ticket(WebTestClient customer) {
		return customer.post()
			.uri("/api/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "Attachments " + UUID.randomUUID(), "description", "see files"))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
	}

	/** A new ticket of Carol's, opened by an agent. */
	static String carolsTicket(WebTestClient agent) {
		return agent.post()
			.uri("/api/tickets")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("subject", "Attachments " + UUID.randomUUID(), "description", "see files",
					"customerId", DemoUsers.CAROL.id()))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody()
			.get("id")
			.asString();
	}

	static WebTestClient.ResponseSpec upload(WebTestClient client, String ticketId, String filename, byte[] data) {
		return upload(client, ticketId, filename, data, MediaType.APPLICATION_OCTET_STREAM, null);
	}

	/** Uploads {@code data} as part {@code file}, declared as {@code declared}; {@code internal} only when given. */
	static WebTestClient.ResponseSpec upload(WebTestClient client, String ticketId, String filename, byte[] data,
			MediaType declared, String internal) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("file", data).filename(filename).contentType(declared);
		if (internal != null) {
			body.part("internal", internal);
		}
		return client.post().uri("/api/tickets/" + ticketId + "/attachments").bodyValue(body.build()).exchange();
	}

	/** Uploads and expects a 201; the created attachment. */
	static JsonNode uploaded(WebTestClient client, String ticketId, String filename, byte[] data) {
		return upload(client, ticketId, filename, data).expectStatus()
			.isCreated()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	static JsonNode list(WebTestClient client, String ticketId) {
		return client.get()
			.uri("/api/tickets/" + ticketId + "/attachments")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
	}

	static long rows(DatabaseClient db, String ticketId) {
		return db.sql("select count(*) as n from attachments where ticket_id = :id")
			.bind("id", UUID.fromString(ticketId))
			.map(row -> row.get("n", Long.class))
			.one()
			.block();
	}

}
