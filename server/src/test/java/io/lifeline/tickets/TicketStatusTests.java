package io.lifeline.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class TicketStatusTests {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "NEW,OPEN,true", "NEW,SOLVED,true", "NEW,CLOSED,true", "OPEN,PENDING,true", "OPEN,NEW,false",
			"PENDING,OPEN,true", "ON_HOLD,PENDING,true", "SOLVED,OPEN,true", "SOLVED,CLOSED,true",
			"SOLVED,PENDING,false", "CLOSED,OPEN,false", "CLOSED,NEW,false", "CLOSED,SOLVED,false" })
	void transitions(TicketStatus from, TicketStatus to, boolean allowed) {
		assertThat(from.canBecome(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@EnumSource(TicketStatus.class)
	void nothingGoesBackToNewOrStaysWhereItIs(TicketStatus status) {
		assertThat(status.canBecome(TicketStatus.NEW)).isFalse();
		assertThat(status.canBecome(status)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(TicketStatus.class)
	void closedIsFinal(TicketStatus status) {
		assertThat(TicketStatus.CLOSED.canBecome(status)).isFalse();
	}

}
