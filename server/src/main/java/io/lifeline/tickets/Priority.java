package io.lifeline.tickets;

/** How urgent a ticket is; each has its own SLA policy. P1 is a production outage. */
public enum Priority {

	P1, P2, P3, P4

}
