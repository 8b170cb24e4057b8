package io.lifeline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import io.lifeline.tickets.Priority;
import org.junit.jupiter.api.Test;

class SlaClocksTests {

	static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

	static SlaRules rules(Priority priority, Duration first, Duration next, Duration resolution, Duration warn) {
		return new SlaRules(new SlaPolicy(priority, first, next, resolution, warn, "24x7", SlaPolicy.Escalation.DEFAULT),
				BusinessCalendar.aroundTheClock(), Duration.ofMinutes(15));
	}

	static final SlaRules P2 = rules(Priority.P2, Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(8),
			Duration.ofMinutes(15));

	static final SlaRules P1 = rules(Priority.P1, Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(4),
			Duration.ofSeconds(225));

	@Test
	void openingRunsFirstResponseAndResolution() {
		SlaClocks clocks = SlaClocks.opened(P2, T0);
		assertThat(clocks.find(ClockKind.FIRST_RESPONSE).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(3600));
		assertThat(clocks.find(ClockKind.FIRST_RESPONSE).orElseThrow().warnAt()).isEqualTo(T0.plusSeconds(2700));
		assertThat(clocks.find(ClockKind.RESOLUTION).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(8 * 3600));
		assertThat(clocks.find(ClockKind.ACKNOWLEDGE)).isEmpty();
		assertThat(clocks.nextDueAt()).contains(T0.plusSeconds(3600));
	}

	@Test
	void aP1WaitsToBeAcknowledged() {
		SlaClocks clocks = SlaClocks.opened(P1, T0);
		SlaClock acknowledge = clocks.find(ClockKind.ACKNOWLEDGE).orElseThrow();
		assertThat(acknowledge.dueAt()).isEqualTo(T0.plusSeconds(900));
		assertThat(acknowledge.warnAt()).isNull();
		SlaClock met = clocks.acknowledged(P1, T0.plusSeconds(60)).find(ClockKind.ACKNOWLEDGE).orElseThrow();
		assertThat(met.metAt()).isEqualTo(T0.plusSeconds(60));
		assertThat(met.isRunning()).isFalse();
	}

	@Test
	void pendingPausesEveryClockAndResumingKeepsWhatWasUsed() {
		SlaClocks paused = SlaClocks.opened(P2, T0).paused(P2, T0.plusSeconds(600));
		assertThat(paused.nextDueAt()).isEmpty();
		assertThat(paused.find(ClockKind.FIRST_RESPONSE).orElseThrow().remaining()).isEqualTo(Duration.ofMinutes(50));
		SlaClocks resumed = paused.resumed(P2, T0.plusSeconds(7200));
		assertThat(resumed.find(ClockKind.FIRST_RESPONSE).orElseThrow().dueAt())
			.isEqualTo(T0.plusSeconds(7200 + 3000));
		assertThat(resumed.find(ClockKind.RESOLUTION).orElseThrow().dueAt())
			.isEqualTo(T0.plusSeconds(7200 + 8 * 3600 - 600));
	}

	@Test
	void nextResponseRestartsAtEachCustomerMessageAfterTheFirstResponse() {
		SlaClocks opened = SlaClocks.opened(P2, T0);
		assertThat(opened.customerWrote(P2, T0.plusSeconds(60), false)).isEqualTo(opened);
		SlaClocks answered = opened.agentReplied(P2, T0.plusSeconds(120));
		assertThat(answered.find(ClockKind.FIRST_RESPONSE).orElseThrow().metAt()).isEqualTo(T0.plusSeconds(120));
		SlaClocks waiting = answered.customerWrote(P2, T0.plusSeconds(300), false);
		SlaClock next = waiting.find(ClockKind.NEXT_RESPONSE).orElseThrow();
		assertThat(next.dueAt()).isEqualTo(T0.plusSeconds(300 + 7200));
		assertThat(next.cycle()).isZero();
		assertThat(waiting.customerWrote(P2, T0.plusSeconds(400), false)).isEqualTo(waiting);
		SlaClocks again = waiting.agentReplied(P2, T0.plusSeconds(500)).customerWrote(P2, T0.plusSeconds(900), false);
		assertThat(again.find(ClockKind.NEXT_RESPONSE).orElseThrow().cycle()).isEqualTo(1);
		assertThat(again.find(ClockKind.NEXT_RESPONSE).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(900 + 7200));
	}

	@Test
	void aPriorityChangeRetargetsRunningClocksKeepingTheTimeUsed() {
		SlaClocks p2 = SlaClocks.opened(P2, T0);
		SlaClocks p1 = p2.retargeted(P2, P1, T0.plusSeconds(600));
		assertThat(p1.policy()).isEqualTo("P1");
		// 10 minutes used of the new 15: due 5 minutes after the change
		assertThat(p1.find(ClockKind.FIRST_RESPONSE).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(900));
		assertThat(p1.find(ClockKind.ACKNOWLEDGE).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(600 + 900));
		SlaClocks backToP2 = p1.retargeted(P1, P2, T0.plusSeconds(700));
		assertThat(backToP2.find(ClockKind.ACKNOWLEDGE).orElseThrow().isRunning()).isFalse();
		assertThat(backToP2.find(ClockKind.FIRST_RESPONSE).orElseThrow().dueAt()).isEqualTo(T0.plusSeconds(3600));
	}

	@Test
	void solvingMeetsResolutionAndReopeningResumesIt() {
		SlaClocks solved = SlaClocks.opened(P2, T0).solved(P2, T0.plusSeconds(3600));
		assertThat(solved.nextDueAt()).isEmpty();
		assertThat(SlaView.of(solved, T0.plusSeconds(3600), true, false).state()).isEqualTo(SlaState.MET);
		SlaClocks reopened = solved.reopened(P2, T0.plusSeconds(10_000));
		assertThat(reopened.find(ClockKind.RESOLUTION).orElseThrow().dueAt())
			.isEqualTo(T0.plusSeconds(10_000 + 7 * 3600));
		assertThat(reopened.find(ClockKind.FIRST_RESPONSE).orElseThrow().isRunning()).isFalse();
	}

	@Test
	void theViewIsReadOffTheDueTimesAndTheClock() {
		SlaClocks clocks = SlaClocks.opened(P2, T0);
		assertThat(SlaView.of(clocks, T0, false, false).state()).isEqualTo(SlaState.OK);
		assertThat(SlaView.of(clocks, T0.plusSeconds(2700), false, false).state()).isEqualTo(SlaState.AT_RISK);
		assertThat(SlaView.of(clocks, T0.plusSeconds(3601), false, false).state()).isEqualTo(SlaState.BREACHED);
		assertThat(SlaView.of(clocks.paused(P2, T0), T0, false, true).state()).isEqualTo(SlaState.PAUSED);
		SlaView view = SlaView.of(clocks, T0, false, false);
		assertThat(view.firstResponseDueAt()).isEqualTo(T0.plusSeconds(3600));
		assertThat(view.resolutionDueAt()).isEqualTo(T0.plusSeconds(8 * 3600));
		assertThat(view.nextResponseDueAt()).isNull();
		SlaClocks late = clocks.solved(P2, T0.plusSeconds(9 * 3600));
		assertThat(SlaView.of(late, T0.plusSeconds(9 * 3600), true, false).state()).isEqualTo(SlaState.BREACHED);
	}

}
