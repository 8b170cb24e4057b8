package io.lifeline.assist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import io.lifeline.signaling.Scope;
import io.lifeline.system.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ScopeListTests {

	@Test
	void readsKnownScopes() {
		assertThat(ScopeList.parse("scopes", List.of("pointer", "view"))).containsExactlyInAnyOrder(Scope.VIEW,
				Scope.POINTER);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "pointer", "view view", "view screen", "View" })
	void refusesEmptyUnknownRepeatedOrViewless(String names) {
		List<String> list = names.isEmpty() ? List.of() : Arrays.asList(names.split(" "));
		assertThatThrownBy(() -> ScopeList.parse("scopes", list)).isInstanceOf(ApiProblem.class)
			.satisfies(ex -> assertThat(((ApiProblem) ex).getStatusCode().value()).isEqualTo(400));
	}

	@Test
	void aConsentGrantsNoMoreThanWasRequested() {
		assertThatThrownBy(() -> ScopeList.within("scopes", List.of("view", "control"), Set.of(Scope.VIEW, Scope.POINTER),
				"that were requested")).isInstanceOf(ApiProblem.class).hasMessageContaining("that were requested");
	}

}
