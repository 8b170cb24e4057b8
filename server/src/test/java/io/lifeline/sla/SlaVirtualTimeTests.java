package io.lifeline.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import io.lifeline.tickets.Priority;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import reactor.test.scheduler.VirtualTimeScheduler;

/**
 * The policy arithmetic driven through the engine's in-memory timer in virtual time: clocks are computed from the
 * scheduler's clock, armed as the engine arms them, and must fire exactly at their business-time due instants.
 */
class SlaVirtualTimeTests {

	static final long WARNING = 1;

	static final long BREACH = 2;

	final VirtualTimeScheduler scheduler = VirtualTimeScheduler.create();

	/** Arms the warning and breach of the first-response clock the way the engine's deadline rows do. */
	void arm(DeadlineTimer timer, SlaClocks clocks) {
		SlaClock first = clocks.find(ClockKind.FIRST_RESPONSE).orElseThrow();
		if (first.isRunning()) {
			timer.arm(WARNING, first.warnAt().toEpochMilli());
			timer.arm(BREACH, first.dueAt().toEpochMilli());
		}
		else {
			timer.cancel(WARNING);
			timer.cancel(BREACH);
		}
	}

	Instant now() {
		return Instant.ofEpochMilli(scheduler.now(TimeUnit.MILLISECONDS));
	}

	DeadlineTimer timer() {
		return new DeadlineTimer(Duration.ofSeconds(1), 4096, scheduler, 16);
	}

	@Test
	void businessHoursAcrossAWeekendAndAHolidayInShanghai() {
		// Thursday 2026-12-31 17:30 Shanghai; 2027-01-01 (Friday) is a holiday: 30 min on Thursday, then Monday
		scheduler.advanceTimeTo(Instant.parse("2026-12-31T09:30:00Z"));
		SlaRules rules = new SlaRules(
				new SlaPolicy(Priority.P2, Duration.ofHours(1), null, Duration.ofHours(8), Duration.ofMinutes(15),
						"shanghai", SlaPolicy.Escalation.DEFAULT),
				BusinessHoursTests.weekdaysWithClosing("Asia/Shanghai", 18, LocalDate.of(2027, 1, 1)),
				Duration.ofMinutes(15));
		DeadlineTimer timer = timer();
		arm(timer, SlaClocks.opened(rules, now()));
		// Monday 2027-01-04: 09:15 local (01:15Z) is the warning, 09:30 (01:30Z) the breach
		StepVerifier.withVirtualTime(timer::fired, () -> scheduler, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.between(now(), Instant.parse("2027-01-04T01:15:00Z")).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys.length == 1 && keys[0] == WARNING)
			.expectNoEvent(Duration.ofMinutes(15).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys.length == 1 && keys[0] == BREACH)
			.thenCancel()
			.verify();
	}

	@Test
	void londonAcrossTheEndOfSummerTime() {
		// Friday 2026-10-23 16:30 BST (15:30Z), London closes 17:00; clocks go back on Sunday: Monday 09:00 is 09:00Z
		scheduler.advanceTimeTo(Instant.parse("2026-10-23T15:30:00Z"));
		SlaRules rules = new SlaRules(
				new SlaPolicy(Priority.P2, Duration.ofHours(1), null, Duration.ofHours(8), Duration.ofMinutes(15),
						"london", SlaPolicy.Escalation.DEFAULT),
				BusinessHoursTests.weekdays("Europe/London"), Duration.ofMinutes(15));
		DeadlineTimer timer = timer();
		arm(timer, SlaClocks.opened(rules, now()));
		StepVerifier.withVirtualTime(timer::fired, () -> scheduler, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.between(now(), Instant.parse("2026-10-26T09:15:00Z")).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys[0] == WARNING)
			.expectNoEvent(Duration.ofMinutes(15).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys[0] == BREACH)
			.thenCancel()
			.verify();
	}

	@Test
	void pendingPausesAndResumingFiresLaterByThePause() {
		scheduler.advanceTimeTo(Instant.parse("2026-11-23T01:00:00Z"));
		SlaRules rules = SlaClocksTests.P2;
		DeadlineTimer timer = timer();
		SlaClocks[] clocks = { SlaClocks.opened(rules, now()) };
		arm(timer, clocks[0]);
		StepVerifier.withVirtualTime(timer::fired, () -> scheduler, Long.MAX_VALUE)
			.expectSubscription()
			.thenAwait(Duration.ofMinutes(10))
			.then(() -> arm(timer, clocks[0] = clocks[0].paused(rules, now())))
			.expectNoEvent(Duration.ofHours(3))
			.then(() -> arm(timer, clocks[0] = clocks[0].resumed(rules, now())))
			// 50 minutes were left: the warning 35 minutes after resuming, the breach 15 minutes later
			.expectNoEvent(Duration.ofMinutes(35).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys[0] == WARNING)
			.expectNoEvent(Duration.ofMinutes(15).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys[0] == BREACH)
			.thenCancel()
			.verify();
	}

	@Test
	void raisingThePriorityBringsTheDeadlineForward() {
		scheduler.advanceTimeTo(Instant.parse("2026-11-23T01:00:00Z"));
		DeadlineTimer timer = timer();
		SlaClocks[] clocks = { SlaClocks.opened(SlaClocksTests.P2, now()) };
		arm(timer, clocks[0]);
		StepVerifier.withVirtualTime(timer::fired, () -> scheduler, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofMinutes(5))
			.then(() -> arm(timer, clocks[0] = clocks[0].retargeted(SlaClocksTests.P2, SlaClocksTests.P1, now())))
			// P1: 15 minutes, 5 used; warning 225 s before the due time
			.expectNoEvent(Duration.ofMinutes(10).minusSeconds(225).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys[0] == WARNING)
			.expectNoEvent(Duration.ofSeconds(225).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys[0] == BREACH)
			.thenCancel()
			.verify();
	}

	@Test
	void reopeningResumesResolutionWithTheTimeItHadUsed() {
		scheduler.advanceTimeTo(Instant.parse("2026-11-23T01:00:00Z"));
		SlaRules rules = SlaClocksTests.P2;
		SlaClocks solved = SlaClocks.opened(rules, now()).solved(rules, now().plus(Duration.ofHours(6)));
		scheduler.advanceTimeBy(Duration.ofDays(1));
		SlaClock resolution = solved.reopened(rules, now()).find(ClockKind.RESOLUTION).orElseThrow();
		DeadlineTimer timer = timer();
		timer.arm(BREACH, resolution.dueAt().toEpochMilli());
		StepVerifier.withVirtualTime(timer::fired, () -> scheduler, Long.MAX_VALUE)
			.expectSubscription()
			.expectNoEvent(Duration.ofHours(2).minusSeconds(1))
			.thenAwait(Duration.ofSeconds(1))
			.expectNextMatches(keys -> keys[0] == BREACH)
			.thenCancel()
			.verify();
	}

}
