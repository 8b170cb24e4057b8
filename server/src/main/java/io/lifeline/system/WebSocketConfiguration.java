package io.lifeline.system;

import io.lifeline.identity.SecurityProperties;
import reactor.netty.http.server.WebsocketServerSpec;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.socket.server.support.WebSocketHandlerAdapter;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;

/** WebSocket handshakes for every endpoint ({@code /ws}, {@code /signal}): origin check and frame size. */
@Configuration(proxyBeanMethods = false)
class WebSocketConfiguration {

	/**
	 * The transport's own frame limit sits well above the protocols' (64 KiB for STOMP), so that an oversized frame
	 * reaches the protocol and gets a proper ERROR instead of a bare close.
	 */
	static final int MAX_WEBSOCKET_FRAME = 1024 * 1024;

	@Bean
	WebSocketHandlerAdapter webSocketHandlerAdapter(SecurityProperties security) {
		ReactorNettyRequestUpgradeStrategy upgrade = new ReactorNettyRequestUpgradeStrategy(
				() -> WebsocketServerSpec.builder().maxFramePayloadLength(MAX_WEBSOCKET_FRAME));
		return new WebSocketHandlerAdapter(new OriginCheckingWebSocketService(upgrade, security.allowedOrigins()));
	}

}
