package io.lifeline.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.spec.SecretKeySpec;

import io.lifeline.identity.Role;
import io.lifeline.identity.TestTokens;
import io.lifeline.support.SettableClock;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

import org.springframework.web.reactive.socket.WebSocketMessage;

/** Heart-beats, silence, CONNECT deadlines and token expiry, on virtual time: no sleeping, no flakiness. */
class StompSessionTests {

	private static final SecretKeySpec KEY = new SecretKeySpec(
			"stomp-session-tests-0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256");

	@Test
	void theServerBeatsWhileIdleAndDropsAClientThatFellSilent() {
		StepVerifier.withVirtualTime(() -> {
			Fixture fixture = new Fixture(VirtualTimeScheduler.get(), Duration.ofHours(8));
			fixture.connect("5000,5000");
			return fixture.frames;
		})
			.assertNext(frame -> assertThat(frame).startsWith("CONNECTED").contains("heart-beat:10000,10000"))
			.expectNoEvent(Duration.ofSeconds(10))
			.expectNext("\n")
			.thenAwait(Duration.ofSeconds(10))
			.expectNext("\n")
			.thenAwait(Duration.ofMillis(StompProperties.DEFAULT_TICK.toMillis()))
			.assertNext(frame -> assertThat(frame).startsWith("ERROR").contains("No heart-beat from the client"))
			.verifyComplete();
	}

	@Test
	void aClientThatBeatsStaysConnected() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		Fixture fixture = new Fixture(time, Duration.ofHours(8));
		List<String> frames = fixture.collect();
		fixture.connect("5000,5000");
		for (int second = 0; second < 120; second += 9) {
			time.advanceTimeBy(Duration.ofSeconds(9));
			fixture.session.receive("\n".getBytes(StandardCharsets.UTF_8)).block();
		}
		assertThat(frames).noneMatch(frame -> frame.startsWith("ERROR"));
		assertThat(frames.stream().filter("\n"::equals)).hasSizeGreaterThanOrEqualTo(11);
		assertThat(fixture.session.closed()).isFalse();
	}

	@Test
	void anExpiredTokenEndsTheSession() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		Fixture fixture = new Fixture(time, Duration.ofMinutes(1));
		List<String> frames = fixture.collect();
		fixture.connect("0,0");
		time.advanceTimeBy(Duration.ofSeconds(59));
		assertThat(fixture.session.closed()).isFalse();
		time.advanceTimeBy(Duration.ofSeconds(2));
		assertThat(frames.getLast()).startsWith("ERROR").contains("Token expired");
		assertThat(fixture.session.closed()).isTrue();
	}

	@Test
	void aConnectionThatNeverConnectsIsClosed() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		Fixture fixture = new Fixture(time, Duration.ofHours(8));
		List<String> frames = fixture.collect();
		time.advanceTimeBy(StompProperties.DEFAULT_CONNECT_TIMEOUT.plusSeconds(1));
		assertThat(frames).singleElement().asString().startsWith("ERROR").contains("No CONNECT frame");
	}

	/** A session wired to virtual time, a token service on the same clock, and the session monitor. */
	private static final class Fixture {

		final StompSession session;

		final Flux<String> frames;

		private final String token;

		Fixture(VirtualTimeScheduler time, Duration tokenTtl) {
			Clock clock = SettableClock.following(time);
			StompProperties limits = StompProperties.defaults();
			StompServices services = new StompServices(TestTokens.service(KEY, clock, tokenTtl), null, List.of(), List.of(),
					List.of(), limits, "Lifeline/test", time, clock);
			this.session = new StompSession(services, () -> { });
			new SessionMonitor(limits, time, clock).register(session);
			this.frames = session.outbound().map(Fixture::text);
			this.token = TestTokens.issue(KEY, clock, tokenTtl, UUID.randomUUID(), "alice", Role.AGENT);
		}

		void connect(String heartbeat) {
			session.receive(("CONNECT\naccept-version:1.2\nheart-beat:" + heartbeat + "\npasscode:" + token + "\n\n\0")
				.getBytes(StandardCharsets.UTF_8)).subscribe();
		}

		List<String> collect() {
			List<String> collected = new CopyOnWriteArrayList<>();
			frames.subscribe(collected::add);
			return collected;
		}

		static String text(WebSocketMessage message) {
			return message.getPayloadAsText(StandardCharsets.UTF_8);
		}

	}

}
