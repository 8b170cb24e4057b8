package io.lifeline.system;

import java.net.URI;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Refuses WebSocket handshakes from pages of other sites (cross-site WebSocket hijacking): a browser's
 * {@code Origin} must be one of the allowed origins, or, when none are configured, this server's own. Clients that
 * send no {@code Origin} are not browsers and authenticate like anyone else, in the protocol.
 */
class OriginCheckingWebSocketService extends HandshakeWebSocketService {

	private final List<String> allowedOrigins;

	OriginCheckingWebSocketService(RequestUpgradeStrategy upgradeStrategy, List<String> allowedOrigins) {
		super(upgradeStrategy);
		this.allowedOrigins = allowedOrigins.stream().map(OriginCheckingWebSocketService::normalize).toList();
	}

	@Override
	public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
		String origin = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ORIGIN);
		if (origin != null && !allowed(origin, exchange.getRequest().getURI())) {
			return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN,
					"Origin " + origin + " may not open WebSockets here"));
		}
		return super.handleRequest(exchange, handler);
	}

	boolean allowed(String origin, URI request) {
		String normalized = normalize(origin);
		if (!allowedOrigins.isEmpty()) {
			return allowedOrigins.contains(normalized);
		}
		String scheme = request.getScheme() == null ? "http" : request.getScheme().replace("ws", "http");
		return normalized.equals(normalize(scheme + "://" + request.getHost()
				+ (request.getPort() > 0 ? ":" + request.getPort() : "")));
	}

	/** {@code scheme://host[:port]}, lower case, without the scheme's default port. */
	static String normalize(String origin) {
		try {
			URI uri = URI.create(origin.strip().toLowerCase(java.util.Locale.ROOT));
			int port = uri.getPort();
			boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
					|| ("https".equals(uri.getScheme()) && port == 443);
			return uri.getScheme() + "://" + uri.getHost() + (defaultPort ? "" : ":" + port);
		}
		catch (IllegalArgumentException ex) {
			return "invalid:" + origin;
		}
	}

}
