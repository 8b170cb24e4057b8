package io.lifeline.signaling;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The STUN and TURN servers a participant's browser is given. TURN credentials are the time-limited kind coturn's
 * {@code use-auth-secret} checks: username {@code <expiry epoch seconds>:<user id>}, credential
 * {@code base64(HMAC-SHA1(secret, username))}; no TURN password is ever stored or shared.
 */
public final class IceServers {

	private final List<String> stunUrls;

	private final List<String> turnUrls;

	private final byte[] turnSecret;

	private final Duration credentialTtl;

	private final Clock clock;

	public IceServers(List<String> stunUrls, List<String> turnUrls, String turnSecret, Duration credentialTtl,
			Clock clock) {
		this.stunUrls = List.copyOf(stunUrls);
		this.turnUrls = List.copyOf(turnUrls);
		this.turnSecret = turnSecret == null ? new byte[0] : turnSecret.getBytes(StandardCharsets.UTF_8);
		this.credentialTtl = credentialTtl;
		this.clock = clock;
		if (!this.turnUrls.isEmpty() && this.turnSecret.length == 0) {
			throw new IllegalArgumentException("TURN URLs need the TURN secret (coturn's static-auth-secret)");
		}
	}

	/** The servers for one user: STUN as configured, TURN with credentials good for the configured time. */
	public List<IceServer> forUser(String userId) {
		List<IceServer> servers = new ArrayList<>(2);
		if (!stunUrls.isEmpty()) {
			servers.add(new IceServer(stunUrls, null, null));
		}
		if (!turnUrls.isEmpty()) {
			String username = (clock.instant().plus(credentialTtl).getEpochSecond()) + ":" + userId;
			servers.add(new IceServer(turnUrls, username, credential(username)));
		}
		return servers;
	}

	String credential(String username) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(turnSecret, "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA1 is not available", ex);
		}
	}

}
