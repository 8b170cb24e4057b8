package io.lifeline.system;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/**
 * The one place that turns exceptions into RFC 9457 problems: every problem gets a {@code type} and a
 * {@code title}, and bad input says which field is wrong and why, never a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Map<Integer, String> SLUGS = Map.of(400, "invalid-request", 401, "unauthorized", 403,
			"forbidden", 404, "not-found", 405, "method-not-allowed", 406, "not-acceptable", 409, "conflict", 413,
			"too-large", 415, "unsupported-media-type", 429, "rate-limited");

	@Override
	protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		List<ApiProblem.FieldError> errors = ex.getFieldErrors()
			.stream()
			.map(error -> new ApiProblem.FieldError(error.getField(), error.getDefaultMessage()))
			.toList();
		ProblemDetail problem = ApiProblem.badRequest(describe(errors), errors).getBody();
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		ApiProblem problem = switch (rootJacksonCause(ex)) {
			case UnrecognizedPropertyException unknown -> ApiProblem.badRequest(path(unknown),
					"unknown field; allowed: " + unknown.getKnownPropertyIds().stream().map(String::valueOf)
						.sorted().collect(Collectors.joining(", ")));
			case InvalidFormatException format -> ApiProblem.badRequest(path(format), invalidValue(format));
			case MismatchedInputException mismatch -> ApiProblem.badRequest(path(mismatch),
					"has the wrong type or shape");
			case StreamReadException malformed -> ApiProblem.badRequest("The body is not well-formed JSON: "
					+ malformed.getOriginalMessage(), List.of());
			case null -> ApiProblem.badRequest(ex.getReason() == null ? "The request could not be read"
					: ex.getReason(), List.of());
			default -> ApiProblem.badRequest("The body could not be read", List.of());
		};
		return handleExceptionInternal(ex, problem.getBody(), headers, HttpStatus.BAD_REQUEST, exchange);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode status, ServerWebExchange exchange) {
		Object resolved = (body == null && ex instanceof ErrorResponse error) ? error.getBody() : body;
		if (resolved instanceof ProblemDetail problem) {
			resolved = normalized(problem);
		}
		return super.handleExceptionInternal(ex, resolved, headers, status, exchange);
	}

	static ProblemDetail normalized(ProblemDetail problem) {
		if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
			problem.setType(ApiProblem.type(SLUGS.getOrDefault(problem.getStatus(), "error")));
		}
		if (problem.getTitle() == null) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			problem.setTitle(status == null ? "Error" : status.getReasonPhrase());
		}
		if (problem.getDetail() == null) {
			problem.setDetail(problem.getTitle());
		}
		return problem;
	}

	private static JacksonException rootJacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
			if (cause instanceof DecodingException && cause.getCause() == null) {
				return null;
			}
		}
		return null;
	}

	private static String path(JacksonException ex) {
		String path = ex.getPath()
			.stream()
			.map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
			.collect(Collectors.joining("."))
			.replace(".[", "[");
		return path.isEmpty() ? "body" : path;
	}

	private static String invalidValue(InvalidFormatException ex) {
		Class<?> target = ex.getTargetType();
		if (target != null && target.isEnum()) {
			return "'" + ex.getValue() + "' is not one of " + Arrays.toString(target.getEnumConstants());
		}
		return "'" + ex.getValue() + "' is not a valid value";
	}

	private static String describe(List<ApiProblem.FieldError> errors) {
		return errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
	}

}
