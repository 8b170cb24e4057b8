package io.lifeline.sla;

import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One clock as stored with its ticket. A running clock has {@code runningSince} and the {@code dueAt} /
 * {@code warnAt} worked out from it in its calendar when it (re)started; {@code consumed} is the business time it
 * ran before that. {@code cycle} counts restarts (a next-response clock restarts at every customer message), so
 * alerts fire once per cycle.
 */
public record SlaClock(ClockKind clock, Duration target, Duration consumed, Instant runningSince, Instant dueAt,
		Instant warnAt, Instant metAt, boolean paused, int cycle) {

	static SlaClock started(ClockKind kind, Duration target, int cycle) {
		return new SlaClock(kind, target, Duration.ZERO, null, null, null, null, false, cycle);
	}

	@JsonIgnore
	public boolean isRunning() {
		return runningSince != null;
	}

	@JsonIgnore
	boolean isMet() {
		return metAt != null;
	}

	/** Neither met nor stopped: running or paused. */
	@JsonIgnore
	boolean isLive() {
		return isRunning() || paused;
	}

	/** Business time left, as of when it last stopped running (paused clocks). */
	Duration remaining() {
		return target.minus(consumed);
	}

	/** Runs from {@code at}: due when its remaining target has passed in the calendar. */
	SlaClock run(Instant at, BusinessCalendar calendar, Duration warnBefore) {
		Instant due = calendar.plus(at, remaining());
		Instant warn = warnBefore == null ? null : calendar.plus(at, remaining().minus(warnBefore));
		return new SlaClock(clock, target, consumed, at, due, warn, null, false, cycle);
	}

	/** Stops running at {@code at}, adding the business time it ran to {@code consumed}. */
	private SlaClock halt(Instant at, BusinessCalendar calendar, Instant metAt, boolean paused) {
		Duration used = isRunning() ? consumed.plus(calendar.between(runningSince, at)) : consumed;
		return new SlaClock(clock, target, used, null, null, null, metAt, paused, cycle);
	}

	SlaClock pause(Instant at, BusinessCalendar calendar) {
		return isRunning() ? halt(at, calendar, null, true) : this;
	}

	SlaClock meet(Instant at, BusinessCalendar calendar) {
		return isLive() ? halt(at, calendar, at, false) : this;
	}

	SlaClock stop(Instant at, BusinessCalendar calendar) {
		return isLive() ? halt(at, calendar, null, false) : this;
	}

	/** A new target from {@code at} on: the time run so far is kept, the rest is measured against the new target. */
	SlaClock retarget(Duration newTarget, Instant at, BusinessCalendar oldCalendar, BusinessCalendar calendar,
			Duration warnBefore) {
		if (isRunning()) {
			SlaClock halted = halt(at, oldCalendar, null, false);
			return new SlaClock(clock, newTarget, halted.consumed, null, null, null, null, false, cycle).run(at,
					calendar, warnBefore);
		}
		return new SlaClock(clock, newTarget, consumed, runningSince, dueAt, warnAt, metAt, paused, cycle);
	}

	/** Runs again after SOLVED (reopen): the time it ran before counts. */
	SlaClock reopen(Instant at, BusinessCalendar calendar, Duration warnBefore) {
		return new SlaClock(clock, target, consumed, null, null, null, null, false, cycle).run(at, calendar,
				warnBefore);
	}

	/** A clock state as clients see it. */
	SlaClockView view(Instant now) {
		String state;
		if (isRunning()) {
			state = now.isBefore(dueAt) ? "RUNNING" : "BREACHED";
		}
		else if (paused) {
			state = "PAUSED";
		}
		else {
			state = !isMet() ? "STOPPED" : consumed.compareTo(target) > 0 ? "BREACHED" : "MET";
		}
		return new SlaClockView(clock, state, dueAt, warnAt, paused ? remaining() : null, metAt);
	}

}
