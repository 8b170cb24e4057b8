package io.lifeline.system;

import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;

/**
 * Renders errors that never reach a controller (no such route, wrong method, a filter's refusal) as problem+json,
 * like everything else, instead of Boot's default error body.
 */
@Component
@Order(-2)
class ErrorResponseWebExceptionHandler implements WebExceptionHandler {

	private final ProblemWriter writer;

	ErrorResponseWebExceptionHandler(ProblemWriter writer) {
		this.writer = writer;
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
		if (ex instanceof ErrorResponse error) {
			exchange.getResponse().getHeaders().putAll(error.getHeaders());
			return writer.write(exchange.getResponse(), ApiExceptionHandler.normalized(error.getBody()));
		}
		return Mono.error(ex);
	}

}
