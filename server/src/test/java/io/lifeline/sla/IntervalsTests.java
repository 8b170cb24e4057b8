package io.lifeline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.r2dbc.postgresql.codec.Interval;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IntervalsTests {

	@ParameterizedTest
	@ValueSource(strings = { "PT0S", "PT3M45S", "PT15M", "PT24H", "PT72H", "PT8760H", "PT1H30M0.5S" })
	void roundTripsEveryDurationExactly(String iso) {
		Duration duration = Duration.parse(iso);
		assertThat(Intervals.toDuration(Intervals.of(duration))).isEqualTo(duration);
	}

	@ParameterizedTest
	@ValueSource(strings = { "3 days", "1 day 02:00:00", "72:00:00" })
	void readsDaysBackIn(String postgres) {
		assertThat(Intervals.toDuration(Interval.parse(postgres)).toHours()).isIn(72L, 26L);
	}

}
