package io.lifeline.system;

import java.time.Clock;
import java.time.Instant;

import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/time} → {@code {now}}: browsers estimate their offset from the server's clock with it and count
 * SLA deadlines down themselves, with no per-second traffic.
 */
@RestController
class TimeController {

	private final Clock clock;

	TimeController(Clock clock) {
		this.clock = clock;
	}

	@GetMapping("/api/time")
	Mono<ServerTime> now() {
		return Mono.fromSupplier(() -> new ServerTime(clock.instant()));
	}

	record ServerTime(Instant now) {
	}

}
