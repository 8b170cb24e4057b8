package io.lifeline.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class IceServersTests {

	private final Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);

	@Test
	void turnCredentialsAreCoturnsTimeLimitedHmac() {
		IceServers servers = new IceServers(List.of("stun:stun.example.org:3478"),
				List.of("turn:turn.example.org:3478?transport=udp"), "north", Duration.ofHours(1), clock);
		List<IceServer> forUser = servers.forUser("u-42");
		assertThat(forUser).hasSize(2);
		assertThat(forUser.get(0)).isEqualTo(new IceServer(List.of("stun:stun.example.org:3478"), null, null));
		IceServer turn = forUser.get(1);
		assertThat(turn.username()).isEqualTo("1800003600:u-42");
		// echo -n "1800003600:u-42" | openssl dgst -sha1 -hmac north -binary | base64
		assertThat(turn.credential()).isEqualTo("5c6bX1E2I1IEExk3Zs5vdmRKuQo=");
	}

	@Test
	void nothingConfiguredMeansNoServers() {
		assertThat(new IceServers(List.of(), List.of(), null, Duration.ofHours(1), clock).forUser("u")).isEmpty();
	}

	@Test
	void turnWithoutASecretIsAConfigurationError() {
		assertThatThrownBy(() -> new IceServers(List.of(), List.of("turn:x"), "", Duration.ofHours(1), clock))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
