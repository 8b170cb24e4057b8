package io.lifeline.sla;

/** Where a ticket stands against its SLA targets. */
public enum SlaState {

	/** Every running clock is outside its warning window. */
	OK,
	/** A running clock is within {@code warnBefore} of its due time. */
	AT_RISK,
	/** A running clock is past its due time, or the ticket was solved after its resolution target. */
	BREACHED,
	/** Waiting on the customer (PENDING): the clocks do not run. */
	PAUSED,
	/** Solved or closed within target. */
	MET

}
