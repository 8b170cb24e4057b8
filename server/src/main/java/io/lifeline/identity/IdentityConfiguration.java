package io.lifeline.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import io.lifeline.system.DatabaseProperties;
import io.lifeline.system.DemoProperties;
import io.lifeline.system.SettingProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

	private static final Logger log = LoggerFactory.getLogger(IdentityConfiguration.class);

	@Bean
	TokenService tokenService(SecurityProperties security, DemoProperties demo, DatabaseProperties database,
			Clock clock) {
		return new TokenService(tokenKey(security, demo.enabledFor(database)), clock, security.tokenTtl());
	}

	@Bean
	ReactiveJwtDecoder jwtDecoder(TokenService tokens) {
		return tokens.decoder();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	LoginThrottle loginThrottle(SecurityProperties security, Clock clock) {
		return new LoginThrottle(security.login(), clock);
	}

	private static SecretKey tokenKey(SecurityProperties security, boolean demo) {
		byte[] secret;
		if (security.hasTokenSecret()) {
			secret = security.tokenSecret().getBytes(StandardCharsets.UTF_8);
		}
		else if (demo) {
			log.warn("No LIFELINE_TOKEN_SECRET: demo mode signs tokens with a random key that lives as long as "
					+ "this process");
			secret = new byte[SecurityProperties.MIN_SECRET_BYTES];
			new SecureRandom().nextBytes(secret);
		}
		else {
			throw new SettingProblem("No LIFELINE_TOKEN_SECRET: login tokens need a signing key outside demo mode.",
					"Set LIFELINE_TOKEN_SECRET to a random value of at least " + SecurityProperties.MIN_SECRET_BYTES
							+ " bytes (for example: openssl rand -hex 32), the same on every node.");
		}
		return new SecretKeySpec(secret, "HmacSHA256");
	}

}
