package io.lifeline.signaling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Join tokens: {@code base64url(claims JSON) "." base64url(HMAC-SHA256(secret, first part))}. The server issues them
 * after consent; signaling, sharing the secret, verifies them and knows nothing else about who may join what.
 */
public final class JoinTokens {

	public static final int MIN_SECRET_BYTES = 32;

	static final int MAX_TOKEN_LENGTH = 4096;

	private static final String ALGORITHM = "HmacSHA256";

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SecretKeySpec key;

	private final Clock clock;

	public JoinTokens(byte[] secret, Clock clock) {
		if (secret.length < MIN_SECRET_BYTES) {
			throw new IllegalArgumentException("The signaling secret must be at least " + MIN_SECRET_BYTES + " bytes");
		}
		this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
		this.clock = clock;
	}

	public String issue(JoinClaims claims) {
		Body body = new Body(claims.sessionId(), claims.participantId(), claims.role().wire(),
				Scope.wires(claims.scopes()), claims.tokenId(), claims.expiresAt().toEpochMilli(),
				claims.sessionEndsAt().toEpochMilli());
		String payload = ENCODER.encodeToString(JSON.writeValueAsBytes(body));
		return payload + "." + ENCODER.encodeToString(sign(payload));
	}

	/** The claims of a genuine token that is still good now. */
	public JoinClaims verify(String token) throws InvalidJoinToken {
		if (token == null || token.length() > MAX_TOKEN_LENGTH) {
			throw new InvalidJoinToken("malformed token", null);
		}
		int dot = token.indexOf('.');
		if (dot <= 0 || dot != token.lastIndexOf('.')) {
			throw new InvalidJoinToken("malformed token", null);
		}
		String payload = token.substring(0, dot);
		byte[] signature;
		try {
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidJoinToken("malformed token", null);
		}
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			throw new InvalidJoinToken("bad signature", null);
		}
		JoinClaims claims = read(payload);
		if (!clock.instant().isBefore(claims.expiresAt())) {
			throw new InvalidJoinToken("token expired", claims);
		}
		return claims;
	}

	private static JoinClaims read(String payload) throws InvalidJoinToken {
		try {
			Body body = JSON.readValue(DECODER.decode(payload), Body.class);
			return new JoinClaims(body.sid(), body.pid(), ParticipantRole.of(body.role()), Scope.setOf(body.scopes()),
					body.jti(), Instant.ofEpochMilli(body.exp()), Instant.ofEpochMilli(body.end()));
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			// Signed by us, yet unreadable: only a change of format can do this.
			throw new InvalidJoinToken("unreadable token", null);
		}
	}

	private byte[] sign(String payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(key);
			return mac.doFinal(payload.getBytes(StandardCharsets.US_ASCII));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

	/** The token's JSON: short names keep it short. */
	private record Body(String sid, String pid, String role, List<String> scopes, String jti, long exp, long end) {
	}

}
