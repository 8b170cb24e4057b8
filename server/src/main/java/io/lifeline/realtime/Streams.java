package io.lifeline.realtime;

import java.util.UUID;

/** Names of the event streams; each has its own gap-free sequence. */
public final class Streams {

	/** Every ticket event an agent may see. */
	public static final String TICKETS = "tickets";

	private static final String TICKET_PREFIX = TICKETS + ".";

	private Streams() {
	}

	/** Every event of one ticket. */
	public static String ticket(UUID ticketId) {
		return TICKET_PREFIX + ticketId;
	}

}
