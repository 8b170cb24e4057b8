package io.lifeline.system;

import java.util.LinkedHashMap;
import java.util.Map;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

/** Writes a problem straight to a response, for errors raised outside controllers (security, routing). */
@Component
public class ProblemWriter {

	private final JsonMapper json;

	ProblemWriter(JsonMapper json) {
		this.json = json;
	}

	public Mono<Void> write(ServerHttpResponse response, ProblemDetail problem) {
		if (response.isCommitted()) {
			return Mono.empty();
		}
		response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		DataBuffer body = response.bufferFactory().wrap(json.writeValueAsBytes(asMap(problem)));
		return response.writeWith(Mono.just(body));
	}

	static Map<String, Object> asMap(ProblemDetail problem) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("type", problem.getType().toString());
		map.put("title", problem.getTitle());
		map.put("status", problem.getStatus());
		map.put("detail", problem.getDetail());
		if (problem.getInstance() != null) {
			map.put("instance", problem.getInstance().toString());
		}
		if (problem.getProperties() != null) {
			map.putAll(problem.getProperties());
		}
		return map;
	}

}
