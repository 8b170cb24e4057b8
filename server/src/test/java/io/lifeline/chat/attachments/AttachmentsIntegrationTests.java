package io.lifeline.chat.attachments;

import static io.lifeline.chat.attachments.AttachmentsApi.list;
import static io.lifeline.chat.attachments.AttachmentsApi.rows;
import static io.lifeline.chat.attachments.AttachmentsApi.ticket;
import static io.lifeline.chat.attachments.AttachmentsApi.upload;
import static io.lifeline.chat.attachments.AttachmentsApi.uploaded;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class AttachmentsIntegrationTests extends IntegrationTest {

	static final int MiB = 1024 * 1024;

	@Autowired
	DatabaseClient db;

	static Stream<Arguments> acceptedFiles() {
		return Stream.of(Arguments.of("site.png", Samples.png(), "image/png", "inline"),
				Arguments.of("crack.jpg", Samples.jpeg(), "image/jpeg", "inline"),
				Arguments.of("spinner.gif", Samples.gif(), "image/gif", "inline"),
				Arguments.of("plan.webp", Samples.webp(), "image/webp", "inline"),
				Arguments.of("contract.pdf", Samples.pdf(), "application/pdf", "inline"),
				Arguments.of("sync.log", Samples.log(), "text/plain", "attachment"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("acceptedFiles")
	void anAcceptedFileComesBackByteIdenticalWithSafeHeaders(String filename, byte[] data, String contentType,
			String disposition) {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		EntityExchangeResult<JsonNode> created = upload(carol, ticketId, filename, data).expectStatus()
			.isCreated()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(JsonNode.class)
			.returnResult();
		JsonNode attachment = created.getResponseBody();
		String id = attachment.get("id").asString();
		assertThat(attachment.get("filename").asString()).isEqualTo(filename);
		assertThat(attachment.get("contentType").asString()).isEqualTo(contentType);
		assertThat(attachment.get("size").asLong()).isEqualTo(data.length);
		assertThat(attachment.get("url").asString()).isEqualTo("/api/attachments/" + id);
		assertThat(attachment.get("internal").asBoolean()).isFalse();
		assertThat(created.getResponseHeaders().getLocation()).hasToString("/api/attachments/" + id);

		String expectedType = contentType.equals("text/plain") ? "text/plain;charset=UTF-8" : contentType;
		for (WebTestClient reader : List.of(carol, as("alice"))) {
			EntityExchangeResult<byte[]> download = reader.get().uri("/api/attachments/" + id).exchange()
				.expectStatus().isOk()
				.expectHeader().valueEquals("Content-Type", expectedType)
				.expectHeader().contentLength(data.length)
				.expectHeader().valueEquals("Content-Disposition", disposition + "; filename*=UTF-8''" + filename)
				.expectHeader().valueEquals("X-Content-Type-Options", "nosniff")
				.expectHeader().valueEquals("Cache-Control", "private, max-age=3600")
				.expectHeader().valueEquals("Content-Security-Policy",
						"default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
				.expectHeader().doesNotExist("Pragma")
				.expectHeader().doesNotExist("Expires")
				.expectBody(byte[].class)
				.returnResult();
			assertThat(download.getResponseBody()).isEqualTo(data);
		}
		JsonNode listed = list(carol, ticketId);
		assertThat(listed.size()).isOne();
		assertThat(listed.get(0)).isEqualTo(attachment);
	}

	@Test
	void aDownloadCanBeRevalidated() {
		WebTestClient carol = as("carol");
		String url = uploaded(carol, ticket(carol), "shot.png", Samples.png()).get("url").asString();
		String etag = carol.get().uri(url).exchange().expectStatus().isOk()
			.returnResult(byte[].class).getResponseHeaders().getETag();
		assertThat(etag).matches("\"[0-9a-f]{64}\"");
		carol.get().uri(url).header("If-None-Match", etag).exchange().expectStatus().isNotModified();
	}

	@Test
	void theListIsInUploadOrder() {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		List<String> ids = new ArrayList<>();
		for (String name : List.of("one.txt", "two.png", "three.pdf")) {
			byte[] data = switch (name.substring(name.indexOf('.') + 1)) {
				case "png" -> Samples.png();
				case "pdf" -> Samples.pdf();
				default -> Samples.log();
			};
			ids.add(uploaded(carol, ticketId, name, data).get("id").asString());
		}
		List<String> listed = new ArrayList<>();
		list(as("sam"), ticketId).forEach(a -> listed.add(a.get("id").asString()));
		assertThat(listed).containsExactlyElementsOf(ids);
	}

	static Stream<Arguments> refusedFiles() {
		return Stream.of(Arguments.of("page.png", Samples.html(), MediaType.IMAGE_PNG),
				Arguments.of("logo.png", Samples.svg(), MediaType.IMAGE_PNG),
				Arguments.of("logo.svg", Samples.svg(), MediaType.parseMediaType("image/svg+xml")),
				Arguments.of("notes.txt", Samples.html(), MediaType.TEXT_PLAIN),
				Arguments.of("logs.zip", Samples.zip(), MediaType.parseMediaType("application/zip")),
				Arguments.of("logs.txt", Samples.zip(), MediaType.TEXT_PLAIN),
				Arguments.of("setup.pdf", new byte[] { 'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0 },
						MediaType.APPLICATION_PDF));
	}

	@ParameterizedTest(name = "{0} as {2}")
	@MethodSource("refusedFiles")
	void whatTheBytesAreDecidesNotTheNameOrTheDeclaredType(String filename, byte[] data, MediaType declared) {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		upload(carol, ticketId, filename, data, declared, null).expectStatus().isEqualTo(415)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/unsupported-media-type");
		assertThat(rows(db, ticketId)).isZero();
	}

	@Test
	void tenMebibytesIsTheLimit() {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		upload(carol, ticketId, "huge.log", Samples.text(10 * MiB + 1)).expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.type").isEqualTo("/problems/too-large");
		assertThat(rows(db, ticketId)).isZero();

		byte[] exactly = Samples.text(10 * MiB);
		JsonNode attachment = uploaded(carol, ticketId, "big.log", exactly);
		assertThat(attachment.get("size").asLong()).isEqualTo(10 * MiB);
		assertThat(rows(db, ticketId)).isOne();
		byte[] back = carol.mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(11 * MiB)).build()
			.get().uri(attachment.get("url").asString()).exchange().expectStatus().isOk()
			.expectBody(byte[].class).returnResult().getResponseBody();
		assertThat(back).isEqualTo(exactly);
	}

	@Test
	void aRequestThatSaysItIsTooLargeIsRefusedUpFront() {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		// A complete request with a Content-Length: 11 MiB of body, announced as such.
		String boundary = "lifeline-boundary";
		byte[] head = Samples.utf8("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
				+ " filename=\"big.log\"\r\nContent-Type: text/plain\r\n\r\n");
		byte[] tail = Samples.utf8("\r\n--" + boundary + "--\r\n");
		byte[] file = Samples.text(11 * MiB);
		byte[] body = new byte[head.length + file.length + tail.length];
		System.arraycopy(head, 0, body, 0, head.length);
		System.arraycopy(file, 0, body, head.length, file.length);
		System.arraycopy(tail, 0, body, head.length + file.length, tail.length);
		carol.post().uri("/api/tickets/" + ticketId + "/attachments")
			.contentType(MediaType.parseMediaType("multipart/form-data; boundary=" + boundary))
			.bodyValue(body)
			.exchange()
			.expectStatus().isEqualTo(413)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(rows(db, ticketId)).isZero();
	}

	@Test
	void anotherCustomersTicketAndItsFilesAreNotFound() {
		WebTestClient dave = as("dave");
		String davesTicket = ticket(dave);
		String davesFile = uploaded(dave, davesTicket, "mine.png", Samples.png()).get("id").asString();
		WebTestClient carol = as("carol");
		upload(carol, davesTicket, "intruder.png", Samples.png()).expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		carol.get().uri("/api/attachments/" + davesFile).exchange().expectStatus().isNotFound()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		carol.get().uri("/api/tickets/" + davesTicket + "/attachments").exchange().expectStatus().isNotFound();
		assertThat(rows(db, davesTicket)).isOne();
	}

	@Test
	void absentThingsAreNotFound() {
		WebTestClient alice = as("alice");
		alice.get().uri("/api/attachments/" + UUID.randomUUID()).exchange().expectStatus().isNotFound();
		alice.get().uri("/api/attachments/not-an-id").exchange().expectStatus().isNotFound();
		upload(alice, UUID.randomUUID().toString(), "a.png", Samples.png()).expectStatus().isNotFound();
		upload(alice, "not-an-id", "a.png", Samples.png()).expectStatus().isNotFound();
	}

	@Test
	void customersMayNotUploadInternalFiles() {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		upload(carol, ticketId, "secret.png", Samples.png(), MediaType.IMAGE_PNG, "true").expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(rows(db, ticketId)).isZero();
		upload(carol, ticketId, "open.png", Samples.png(), MediaType.IMAGE_PNG, "false").expectStatus().isCreated()
			.expectBody().jsonPath("$.internal").isEqualTo(false);
	}

	@Test
	void staffInternalFilesNeverReachTheCustomer() {
		WebTestClient carol = as("carol");
		WebTestClient alice = as("alice");
		String ticketId = ticket(carol);
		String carols = uploaded(carol, ticketId, "screen.png", Samples.png()).get("id").asString();
		JsonNode internal = upload(alice, ticketId, "notes.log", Samples.log(), MediaType.TEXT_PLAIN, "true")
			.expectStatus().isCreated()
			.expectBody(JsonNode.class).returnResult().getResponseBody();
		assertThat(internal.get("internal").asBoolean()).isTrue();
		String id = internal.get("id").asString();

		carol.get().uri("/api/attachments/" + id).exchange().expectStatus().isNotFound();
		assertThat(ids(list(carol, ticketId))).containsExactly(carols);
		as("sam").get().uri("/api/attachments/" + id).exchange().expectStatus().isOk();
		assertThat(ids(list(alice, ticketId))).containsExactly(carols, id);
	}

	@Test
	void anAgentsUploadReachesTheCustomerOnlyWithAMessage() {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		String draft = uploaded(as("bob"), ticketId, "fix.pdf", Samples.pdf()).get("id").asString();
		carol.get().uri("/api/attachments/" + draft).exchange().expectStatus().isNotFound();
		assertThat(list(carol, ticketId).size()).isZero();
		db.sql("update attachments set message_id = gen_random_uuid() where id = :id")
			.bind("id", UUID.fromString(draft)).then().block();
		carol.get().uri("/api/attachments/" + draft).exchange().expectStatus().isOk();
		assertThat(ids(list(carol, ticketId))).containsExactly(draft);
	}

	@Test
	void fileNamesAreMadeSafe() {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		JsonNode passwd = uploaded(carol, ticketId, "../../etc/passwd", Samples.log());
		assertThat(passwd.get("filename").asString()).isEqualTo("passwd.txt");
		JsonNode page = uploaded(carol, ticketId, "..\\..\\inetpub\\index.html", Samples.log());
		assertThat(page.get("filename").asString()).isEqualTo("index.html.txt");
		JsonNode spoof = uploaded(carol, ticketId, "Größe\u202Egnp.exe", Samples.png());
		assertThat(spoof.get("filename").asString()).isEqualTo("Größegnp.exe.png");
		carol.get().uri(spoof.get("url").asString()).exchange().expectStatus().isOk()
			.expectHeader().valueEquals("Content-Disposition",
					"inline; filename*=UTF-8''Gr%C3%B6%C3%9Fegnp.exe.png");
	}

	@Test
	void badUploadsAreClearErrors() {
		WebTestClient carol = as("carol");
		String ticketId = ticket(carol);
		String uri = "/api/tickets/" + ticketId + "/attachments";

		MultipartBodyBuilder noFile = new MultipartBodyBuilder();
		noFile.part("internal", "false");
		carol.post().uri(uri).bodyValue(noFile.build()).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("file");

		MultipartBodyBuilder twoFiles = new MultipartBodyBuilder();
		twoFiles.part("file", Samples.png()).filename("a.png");
		twoFiles.part("file", Samples.png()).filename("b.png");
		carol.post().uri(uri).bodyValue(twoFiles.build()).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("file");

		MultipartBodyBuilder unknown = new MultipartBodyBuilder();
		unknown.part("file", Samples.png()).filename("a.png");
		unknown.part("caption", "hello");
		carol.post().uri(uri).bodyValue(unknown.build()).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("caption");

		MultipartBodyBuilder badFlag = new MultipartBodyBuilder();
		badFlag.part("file", Samples.png()).filename("a.png");
		badFlag.part("internal", "yes");
		carol.post().uri(uri).bodyValue(badFlag.build()).exchange().expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("internal");

		upload(carol, ticketId, "empty.txt", new byte[0]).expectStatus().isBadRequest()
			.expectBody().jsonPath("$.errors[0].field").isEqualTo("file");

		carol.post().uri(uri).contentType(MediaType.IMAGE_PNG).bodyValue(Samples.png()).exchange()
			.expectStatus().isEqualTo(415)
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(rows(db, ticketId)).isZero();
	}

	@Test
	void everyRouteNeedsALogin() {
		client.get().uri("/api/attachments/" + UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
		client.get().uri("/api/tickets/" + UUID.randomUUID() + "/attachments").exchange()
			.expectStatus().isUnauthorized();
	}

	private static List<String> ids(JsonNode list) {
		List<String> ids = new ArrayList<>();
		list.forEach(a -> ids.add(a.get("id").asString()));
		return ids;
	}

}
