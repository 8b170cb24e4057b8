package io.lifeline.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import io.lifeline.system.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketCursorTests {

	@Test
	void roundTripsByNumber() {
		assertThat(TicketCursor.parse(TicketCursor.after(1042), false)).isEqualTo(new TicketCursor.Position(null, 1042));
		assertThat(TicketCursor.parse(null, false)).isNull();
	}

	@Test
	void roundTripsByTimeToBreach() {
		Instant due = Instant.parse("2026-11-22T08:15:00.123Z");
		assertThat(TicketCursor.parse(TicketCursor.afterDue(due, 1042), true))
			.isEqualTo(new TicketCursor.Position(due, 1042));
		assertThat(TicketCursor.parse(TicketCursor.afterDue(null, 7), true))
			.isEqualTo(new TicketCursor.Position(null, 7));
	}

	@Test
	void refusesACursorOfTheOtherSort() {
		assertThatThrownBy(() -> TicketCursor.parse(TicketCursor.after(1042), true)).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> TicketCursor.parse(TicketCursor.afterDue(null, 1), false))
			.isInstanceOf(ApiProblem.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage!", "bjpub3Q", "MTA0Mg", "ZDox" })
	void refusesWhatItDidNotHandOut(String cursor) {
		assertThatThrownBy(() -> TicketCursor.parse(cursor, false)).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> TicketCursor.parse(cursor, true)).isInstanceOf(ApiProblem.class);
	}

}
