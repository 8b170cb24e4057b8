package io.lifeline.signaling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelayRulesTests {

	@ParameterizedTest(name = "{0} with [{1}] sends {2}: {3}")
	@CsvSource({
			"CUSTOMER, view,                 OFFER,     ok",
			"AGENT,    view pointer control, OFFER,     not-allowed",
			"AGENT,    view,                 ANSWER,    ok",
			"CUSTOMER, view,                 ANSWER,    not-allowed",
			"CUSTOMER, view,                 CANDIDATE, ok",
			"AGENT,    view,                 CANDIDATE, ok",
			"AGENT,    view,                 BYE,       ok",
			"AGENT,    view pointer,         POINTER,   ok",
			"AGENT,    view,                 POINTER,   scope-missing",
			"CUSTOMER, view pointer,         POINTER,   not-allowed",
			"AGENT,    view control,         CONTROL,   ok",
			"AGENT,    view pointer,         CONTROL,   scope-missing",
			"CUSTOMER, view control,         CONTROL,   not-allowed",
			"AGENT,    view,                 JOIN,      not-allowed" })
	void whoMaySendWhat(ParticipantRole from, String scopes, InboundMessage.Kind kind, String outcome) {
		Set<Scope> granted = Scope.setOf(Arrays.asList(scopes.split(" ")));
		Optional<RelayRules.Refusal> refusal = RelayRules.check(from, granted, kind);
		assertThat(refusal.map(r -> r.code().wire()).orElse("ok")).isEqualTo(outcome);
	}

}
