package io.lifeline.tickets;

import java.util.List;

import reactor.core.publisher.Mono;

/** Reads a new ticket's subject and description and says which tags, module and fault type it deserves. */
public interface TicketTriage {

	Mono<Result> triage(String subject, String description);

	/** Tags to add; module and fault type, each null when no rule set it. */
	record Result(List<String> tags, String module, String faultType) {

		public static final Result NONE = new Result(List.of(), null, null);

	}

}
