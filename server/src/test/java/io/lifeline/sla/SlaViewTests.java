package io.lifeline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlaViewTests {

	private static final Instant OPENED = Instant.parse("2026-11-22T08:00:00Z");

	/** A P1: first response due 08:15, resolution due 12:00, warned 3m45s before either. */
	private static final SlaView.SlaClocks P1 = new SlaView.SlaClocks(OPENED.plus(Duration.ofMinutes(15)),
			OPENED.plus(Duration.ofHours(4)), null, null, Duration.ofSeconds(225));

	@ParameterizedTest(name = "at {0}: {1}")
	@CsvSource({ "2026-11-22T08:00:00Z,OK", "2026-11-22T08:11:14Z,OK", "2026-11-22T08:11:15Z,AT_RISK",
			"2026-11-22T08:15:00Z,AT_RISK", "2026-11-22T08:15:01Z,BREACHED" })
	void aRunningFirstResponseClock(Instant now, SlaState expected) {
		assertThat(SlaView.of("P1", now, false, false, P1).state()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "at {0}: {1}")
	@CsvSource({ "2026-11-22T11:00:00Z,OK", "2026-11-22T11:57:00Z,AT_RISK", "2026-11-22T12:00:01Z,BREACHED" })
	void onceRespondedOnlyResolutionCounts(Instant now, SlaState expected) {
		SlaView.SlaClocks responded = new SlaView.SlaClocks(P1.firstResponseDueAt(), P1.resolutionDueAt(),
				OPENED.plusSeconds(60), null, P1.warnBefore());
		SlaView view = SlaView.of("P1", now, false, false, responded);
		assertThat(view.state()).isEqualTo(expected);
		assertThat(view.firstResponseDueAt()).isNull();
	}

	@ParameterizedTest(name = "solved at {0}: {1}")
	@CsvSource({ "2026-11-22T09:00:00Z,MET", "2026-11-22T12:30:00Z,BREACHED" })
	void aSolvedTicketMetOrMissedItsTarget(Instant solvedAt, SlaState expected) {
		SlaView.SlaClocks solved = new SlaView.SlaClocks(P1.firstResponseDueAt(), P1.resolutionDueAt(),
				OPENED.plusSeconds(60), solvedAt, P1.warnBefore());
		assertThat(SlaView.of("P1", Instant.parse("2026-11-23T00:00:00Z"), true, false, solved).state())
			.isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "2026-11-22T08:20:00Z" })
	void pendingPausesTheClocks(Instant now) {
		assertThat(SlaView.of("P1", now, false, true, P1).state()).isEqualTo(SlaState.PAUSED);
	}

}
