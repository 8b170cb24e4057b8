package io.lifeline.assist;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.lifeline.identity.SecurityProperties;
import io.lifeline.realtime.RedisConnections;
import io.lifeline.signaling.IceServers;
import io.lifeline.signaling.JoinTokens;
import io.lifeline.signaling.LocalSessionDirectory;
import io.lifeline.signaling.LocalSignalBus;
import io.lifeline.signaling.LocalTokenClaims;
import io.lifeline.signaling.RedisSessionDirectory;
import io.lifeline.signaling.RedisSignalBus;
import io.lifeline.signaling.RedisTokenClaims;
import io.lifeline.signaling.Signaling;
import io.lifeline.signaling.SignalingControl;
import io.lifeline.signaling.SignalingLimits;
import io.lifeline.system.SettingProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

/**
 * Signaling inside this process, at {@code /signal}: across nodes through the Redis the realtime layer uses when
 * there is one, in memory otherwise. Join tokens are signed with a key every node derives alike.
 */
@Configuration(proxyBeanMethods = false)
class AssistConfiguration {

	private static final Logger log = LoggerFactory.getLogger(AssistConfiguration.class);

	static final String ENDPOINT = "/signal";

	/** How long signaling remembers a session's sockets, closure and scopes after their last change. */
	static final Duration DIRECTORY_KEEP = Duration.ofHours(1);

	@Bean
	JoinTokens joinTokens(AssistProperties assist, SecurityProperties security, Clock clock) {
		return new JoinTokens(signalingSecret(assist, security), clock);
	}

	@Bean
	IceServers iceServers(AssistProperties assist, Clock clock) {
		if (!assist.turnUrls().isEmpty() && (assist.turnSecret() == null || assist.turnSecret().isBlank())) {
			throw new SettingProblem("LIFELINE_TURN_URLS is set but LIFELINE_TURN_SECRET is not.",
					"Set LIFELINE_TURN_SECRET to coturn's static-auth-secret, or leave LIFELINE_TURN_URLS empty.");
		}
		return new IceServers(assist.stunUrls(), assist.turnUrls(), assist.turnSecret(), assist.turnCredentialTtl(),
				clock);
	}

	@Bean(destroyMethod = "close")
	Signaling signaling(AssistProperties assist, JoinTokens tokens, ObjectProvider<RedisConnections> redis,
			AssistRefusals refusals, JsonMapper json, Clock clock) {
		RedisConnections connections = redis.getIfAvailable();
		Signaling signaling = connections == null
				? new Signaling(SignalingLimits.defaults(), tokens, new LocalTokenClaims(clock),
						new LocalSessionDirectory(clock, DIRECTORY_KEEP), new LocalSignalBus(), refusals, clock)
				: new Signaling(SignalingLimits.defaults(), tokens, new RedisTokenClaims(connections.commands()),
						new RedisSessionDirectory(connections.commands(), DIRECTORY_KEEP),
						new RedisSignalBus(connections.commands(), connections.pubSub(), assist.signalChannel(), json),
						refusals, clock);
		signaling.start();
		return signaling;
	}

	@Bean
	SignalingControl signalingControl(Signaling signaling) {
		return signaling.control();
	}

	@Bean
	HandlerMapping signalHandlerMapping(Signaling signaling) {
		return new SimpleUrlHandlerMapping(Map.of(ENDPOINT, signaling.handler()), Ordered.HIGHEST_PRECEDENCE);
	}

	/** As configured; else derived from the login-token secret (the same on every node); else random. */
	private static byte[] signalingSecret(AssistProperties assist, SecurityProperties security) {
		if (assist.signalingSecret() != null) {
			byte[] secret = assist.signalingSecret().getBytes(StandardCharsets.UTF_8);
			if (secret.length < JoinTokens.MIN_SECRET_BYTES) {
				throw new SettingProblem("LIFELINE_SIGNALING_SECRET is shorter than " + JoinTokens.MIN_SECRET_BYTES
						+ " bytes.", "Set it to a random value, for example: openssl rand -hex 32.");
			}
			return secret;
		}
		if (security.hasTokenSecret()) {
			return hmac(security.tokenSecret().getBytes(StandardCharsets.UTF_8), "lifeline signaling join tokens");
		}
		log.warn("No LIFELINE_SIGNALING_SECRET nor LIFELINE_TOKEN_SECRET: join tokens are signed with a random key "
				+ "that only this process knows");
		byte[] secret = new byte[JoinTokens.MIN_SECRET_BYTES];
		new SecureRandom().nextBytes(secret);
		return secret;
	}

	private static byte[] hmac(byte[] key, String purpose) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
