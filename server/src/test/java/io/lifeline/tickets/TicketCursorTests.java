package io.lifeline.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeline.system.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TicketCursorTests {

	@Test
	void roundTrips() {
		assertThat(TicketCursor.parse(TicketCursor.after(1042))).isEqualTo(1042L);
		assertThat(TicketCursor.parse(null)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage!", "bjpub3Q", "MTA0Mg" })
	void refusesWhatItDidNotHandOut(String cursor) {
		assertThatThrownBy(() -> TicketCursor.parse(cursor)).isInstanceOf(ApiProblem.class);
	}

}
