package io.lifeline.realtime.stomp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeartbeatsTests {

	@ParameterizedTest(name = "client {0}: send every {1}, expect every {2}")
	@CsvSource(delimiter = ';', value = { "0,0;0;0", "5000,5000;10000;10000", "20000,30000;30000;20000",
			"0,1000;10000;0", "1000,0;0;10000" })
	void negotiatesTheLargerOfWhatBothSidesCanDo(String client, long send, long expect) {
		Heartbeats beats = Heartbeats.negotiate(client, 10_000, 10_000);
		assertThat(beats.sendEvery()).isEqualTo(send);
		assertThat(beats.expectEvery()).isEqualTo(expect);
	}

	@ParameterizedTest
	@ValueSource(strings = { "soon", "1,2,3", "-1,0", "1;2", "," })
	void refusesAMalformedHeader(String header) {
		assertThatIllegalArgumentException().isThrownBy(() -> Heartbeats.negotiate(header, 10_000, 10_000));
	}

}
