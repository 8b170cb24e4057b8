package io.lifeline.assist;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The life of an assist session:
 * <pre>
 * REQUESTED -> CONSENTED, DECLINED, REVOKED, ENDED, EXPIRED   (unanswered: expired; timeout means no)
 * CONSENTED -> ACTIVE, REVOKED, ENDED, EXPIRED, FAILED        (ACTIVE on the first join)
 * ACTIVE    -> REVOKED, ENDED, EXPIRED, FAILED
 * ENDED, DECLINED, EXPIRED, REVOKED, FAILED -> nothing
 * </pre>
 * Only the three live states hold a ticket's one session; a new assist needs a new request and a new consent.
 */
enum AssistState {

	REQUESTED, CONSENTED, ACTIVE, ENDED, DECLINED, EXPIRED, REVOKED, FAILED;

	private static final Map<AssistState, Set<AssistState>> NEXT = Map.of(
			REQUESTED, EnumSet.of(CONSENTED, DECLINED, REVOKED, ENDED, EXPIRED),
			CONSENTED, EnumSet.of(ACTIVE, REVOKED, ENDED, EXPIRED, FAILED),
			ACTIVE, EnumSet.of(REVOKED, ENDED, EXPIRED, FAILED),
			ENDED, EnumSet.noneOf(AssistState.class),
			DECLINED, EnumSet.noneOf(AssistState.class),
			EXPIRED, EnumSet.noneOf(AssistState.class),
			REVOKED, EnumSet.noneOf(AssistState.class),
			FAILED, EnumSet.noneOf(AssistState.class));

	static final Set<AssistState> LIVE = EnumSet.of(REQUESTED, CONSENTED, ACTIVE);

	boolean canBecome(AssistState next) {
		return NEXT.get(this).contains(next);
	}

	boolean isLive() {
		return LIVE.contains(this);
	}

	/** Consented, and so joinable: CONSENTED or ACTIVE. */
	boolean isConsented() {
		return this == CONSENTED || this == ACTIVE;
	}

}
