package io.lifeline.system;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An RFC 9457 problem a feature raises on purpose. WebFlux renders it as {@code application/problem+json}; the
 * factory methods are the vocabulary of the contract's status codes.
 */
public class ApiProblem extends ErrorResponseException {

	private ApiProblem(HttpStatus status, String slug, String title, String detail) {
		super(status, problem(status, slug, title, detail), null);
	}

	public static ApiProblem badRequest(String detail, List<FieldError> errors) {
		return new ApiProblem(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail)
			.with("errors", errors);
	}

	public static ApiProblem badRequest(String field, String message) {
		return badRequest(field + ": " + message, List.of(new FieldError(field, message)));
	}

	public static ApiProblem unauthorized(String detail) {
		return new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
	}

	public static ApiProblem forbidden(String detail) {
		return new ApiProblem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
	}

	/** Absent, or not the caller's to see: the two look the same from outside. */
	public static ApiProblem notFound(String what) {
		return new ApiProblem(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " does not exist");
	}

	public static ApiProblem versionConflict(String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, "version-conflict", "Version conflict", detail);
	}

	public static ApiProblem illegalTransition(String detail) {
		return new ApiProblem(HttpStatus.CONFLICT, "illegal-state-change", "Illegal state change", detail);
	}

	public static ApiProblem preconditionRequired(String detail) {
		return new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, "precondition-required", "Precondition required",
				detail);
	}

	public static ApiProblem tooLarge(String detail) {
		return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "Content too large", detail);
	}

	public static ApiProblem unsupportedMediaType(String detail) {
		return new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
				detail);
	}

	public static ApiProblem tooManyRequests(String detail, long retryAfterSeconds) {
		ApiProblem problem = new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
				detail).with("retryAfterSeconds", retryAfterSeconds);
		problem.getHeaders().set("Retry-After", Long.toString(retryAfterSeconds));
		return problem;
	}

	public ApiProblem with(String property, Object value) {
		getBody().setProperty(property, value);
		return this;
	}

	static URI type(String slug) {
		return URI.create("/problems/" + slug);
	}

	static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/** One entry of a validation problem's {@code errors}. */
	public record FieldError(String field, String message) {
	}

}
