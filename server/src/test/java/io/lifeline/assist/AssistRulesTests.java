package io.lifeline.assist;

import static io.lifeline.assist.AssistSessions.AGENT;
import static io.lifeline.assist.AssistSessions.CUSTOMER;
import static io.lifeline.assist.AssistSessions.OTHER_AGENT;
import static io.lifeline.assist.AssistSessions.OTHER_CUSTOMER;
import static io.lifeline.assist.AssistSessions.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.lifeline.identity.CurrentUser;
import io.lifeline.signaling.Scope;
import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.TicketStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssistRulesTests {

	private static final Map<String, CurrentUser> PEOPLE = Map.of("agent", AGENT, "otherAgent", OTHER_AGENT,
			"supervisor", SUPERVISOR, "customer", CUSTOMER, "otherCustomer", OTHER_CUSTOMER, "nobody", AGENT);

	@ParameterizedTest(name = "{0} asks on a {1} ticket assigned to {2}: {3}")
	@CsvSource({
			"agent,      OPEN,   agent,      0",
			"agent,      NEW,    nobody,     0",
			"otherAgent, OPEN,   nobody,     0",
			"supervisor, OPEN,   nobody,     0",
			"otherAgent, OPEN,   agent,      403",
			"customer,   OPEN,   nobody,     403",
			"agent,      SOLVED, agent,      409",
			"agent,      CLOSED, agent,      409" })
	void whoMayAsk(String who, TicketStatus status, String assignee, int outcome) {
		CurrentUser assigned = "nobody".equals(assignee) ? null : PEOPLE.get(assignee);
		assertOutcome(() -> AssistRules.requireMayRequest(PEOPLE.get(who), AssistSessions.ticket(status, assigned)),
				outcome);
	}

	@ParameterizedTest(name = "{0} consents: {1}")
	@CsvSource({ "customer, 0", "otherCustomer, 404", "agent, 403", "supervisor, 403" })
	void onlyTheTicketsCustomerConsents(String who, int outcome) {
		assertOutcome(() -> AssistRules.requireCustomer(PEOPLE.get(who), AssistSessions.requested(Scope.VIEW),
				"consent to"), outcome);
	}

	@ParameterizedTest(name = "{0} ends: {1}")
	@CsvSource({ "customer, 0", "agent, 0", "supervisor, 0", "otherAgent, 403", "otherCustomer, 404" })
	void eitherSideOrASupervisorEnds(String who, int outcome) {
		assertOutcome(() -> AssistRules.requireMayEnd(PEOPLE.get(who), AssistSessions.consented(Scope.VIEW)), outcome);
	}

	@ParameterizedTest(name = "a {0} ticket assigned to {1}: {2}")
	@CsvSource({ "OPEN, agent, ''", "PENDING, nobody, ''", "SOLVED, agent, ticket-closed",
			"CLOSED, agent, ticket-closed", "OPEN, otherAgent, reassigned", "ON_HOLD, supervisor, reassigned" })
	void aTicketChangeEndsTheSession(TicketStatus status, String assignee, String reason) {
		AssistSession session = AssistSessions.consented(Scope.VIEW);
		CurrentUser assigned = "nobody".equals(assignee) ? null : PEOPLE.get(assignee);
		assertThat(AssistRules.endedByTicket(status, assigned == null ? null : assigned.id(), session).orElse(""))
			.isEqualTo(reason);
	}

	private static void assertOutcome(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status) {
		if (status == 0) {
			assertThatCode(call).doesNotThrowAnyException();
		}
		else {
			assertThatThrownBy(call).isInstanceOf(ApiProblem.class)
				.satisfies(ex -> assertThat(((ApiProblem) ex).getStatusCode().value()).isEqualTo(status));
		}
	}

}
