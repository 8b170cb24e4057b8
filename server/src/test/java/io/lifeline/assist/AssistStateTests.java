package io.lifeline.assist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AssistStateTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource({
			"REQUESTED, CONSENTED DECLINED REVOKED ENDED EXPIRED",
			"CONSENTED, ACTIVE REVOKED ENDED EXPIRED FAILED",
			"ACTIVE,    REVOKED ENDED EXPIRED FAILED",
			"ENDED,     ''",
			"DECLINED,  ''",
			"EXPIRED,   ''",
			"REVOKED,   ''",
			"FAILED,    ''" })
	void allowedChanges(AssistState from, String to) {
		Set<AssistState> allowed = to.isBlank() ? EnumSet.noneOf(AssistState.class)
				: Arrays.stream(to.split(" ")).map(AssistState::valueOf).collect(Collectors.toSet());
		for (AssistState next : AssistState.values()) {
			assertThat(from.canBecome(next)).as("%s -> %s", from, next).isEqualTo(allowed.contains(next));
		}
	}

	@ParameterizedTest
	@EnumSource(AssistState.class)
	void onlyTheFirstThreeAreLiveAndOnlyLiveStatesMove(AssistState state) {
		assertThat(state.isLive()).isEqualTo(AssistState.LIVE.contains(state));
		if (!state.isLive()) {
			assertThat(EnumSet.allOf(AssistState.class)).noneMatch(state::canBecome);
		}
	}

}
