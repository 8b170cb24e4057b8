package io.lifeline.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lifeline.system.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IfMatchTests {

	@ParameterizedTest
	@ValueSource(strings = { "7", "\"7\"", "W/\"7\"", " 7 " })
	void readsTheVersionInEveryCommonForm(String header) {
		assertThat(IfMatch.version(header)).isEqualTo(7);
	}

	@Test
	void aMissingHeaderIsPreconditionRequired() {
		assertThatThrownBy(() -> IfMatch.version(null)).isInstanceOfSatisfying(ApiProblem.class,
				problem -> assertThat(problem.getStatusCode().value()).isEqualTo(428));
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "abc", "\"7", "-1", "1.5", "99999999999999999999" })
	void anythingElseIsABadRequest(String header) {
		assertThatThrownBy(() -> IfMatch.version(header)).isInstanceOfSatisfying(ApiProblem.class,
				problem -> assertThat(problem.getStatusCode().value()).isEqualTo(400));
	}

}
