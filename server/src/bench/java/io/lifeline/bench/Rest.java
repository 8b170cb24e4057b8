package io.lifeline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few REST calls the bench makes: log in, open a ticket, PATCH it. */
final class Rest {

	record Login(String token, String userId, String username) {
	}

	/** A PATCH's outcome: the status, the ticket's version after it (or the current one on 409), how long it took. */
	record Patched(int status, long version, long micros) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private final String base;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Rest(String base) {
		this.base = base;
	}

	boolean healthy() {
		try {
			HttpResponse<String> response = http.send(
					HttpRequest.newBuilder(URI.create(base + "/actuator/health")).timeout(Duration.ofSeconds(2)).build(),
					HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	Login login(String username, String password) throws IOException, InterruptedException {
		JsonNode body = call("POST", "/api/auth/login", null,
				JSON.writeValueAsString(java.util.Map.of("username", username, "password", password)), 200);
		return new Login(body.get("token").asString(), body.get("user").get("id").asString(), username);
	}

	/** Opens a ticket as an agent for a customer; returns its id and version. */
	String[] createTicket(String token, String customerId, String subject) throws IOException, InterruptedException {
		JsonNode body = call("POST", "/api/tickets", token, JSON.writeValueAsString(java.util.Map.of("subject", subject,
				"description", "Opened by the real-time benchmark", "priority", "P4", "customerId", customerId)), 201);
		return new String[] { body.get("id").asString(), body.get("version").asString() };
	}

	/** The all-tickets stream's last seq, as a member of staff reads it with the ticket list. */
	long headSeq(String token) throws IOException, InterruptedException {
		return call("GET", "/api/tickets?limit=1", token, "", 200).get("headSeq").asLong();
	}

	CompletableFuture<Patched> patch(String token, String ticketId, long version, String json) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/tickets/" + ticketId))
			.timeout(TIMEOUT)
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.header("If-Match", Long.toString(version))
			.method("PATCH", HttpRequest.BodyPublishers.ofString(json))
			.build();
		long started = System.nanoTime();
		return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
			long micros = (System.nanoTime() - started) / 1_000;
			int status = response.statusCode();
			long newVersion = -1;
			if (status == 200) {
				newVersion = JSON.readTree(response.body()).get("version").asLong();
			}
			else if (status == 409) {
				JsonNode current = JSON.readTree(response.body()).get("current");
				newVersion = current == null ? -1 : current.get("version").asLong();
			}
			return new Patched(status, newVersion, micros);
		});
	}

	/** POSTs a JSON body (or none) with a user's token; the response, which must have the expected status. */
	JsonNode post(String path, String token, Object body, int expected) throws IOException, InterruptedException {
		return call("POST", path, token, body == null ? "" : JSON.writeValueAsString(body), expected);
	}

	private JsonNode call(String method, String path, String token, String json, int expected)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(TIMEOUT)
			.header("Content-Type", "application/json")
			.method(method, HttpRequest.BodyPublishers.ofString(json));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != expected) {
			throw new IOException(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
		}
		return JSON.readTree(response.body());
	}

}
