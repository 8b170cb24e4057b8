package io.lifeline.assist;

import static io.lifeline.assist.AssistSessions.AGENT;
import static io.lifeline.assist.AssistSessions.CUSTOMER;
import static io.lifeline.assist.AssistSessions.NOW;
import static io.lifeline.assist.AssistSessions.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.lifeline.signaling.Scope;
import io.lifeline.tickets.TicketStatus;
import org.junit.jupiter.api.Test;

class AssistJoinsTests {

	private final AssistSession consented = AssistSessions.consented(Scope.VIEW);

	@Test
	void aParticipantJoinsAConsentedSessionAndActivatesIt() {
		Step step = AssistJoins.decide(CUSTOMER, consented, AssistSessions.ticket(TicketStatus.OPEN, AGENT),
				NOW.plusSeconds(30));
		assertThat(step.refusal()).isNull();
		assertThat(step.session().state()).isEqualTo(AssistState.ACTIVE);
		assertThat(step.entries()).singleElement().satisfies(entry -> {
			assertThat(entry.event()).isEqualTo(AssistEvents.JOINED);
			assertThat(entry.extra()).containsKeys("participant", "role");
		});
	}

	@Test
	void someoneElseIsRefusedOnRecord() {
		Step step = AssistJoins.decide(SUPERVISOR, consented, AssistSessions.ticket(TicketStatus.OPEN, AGENT),
				NOW.plusSeconds(30));
		assertThat(step.refusal().getStatusCode().value()).isEqualTo(403);
		assertThat(step.entries()).extracting(Step.Entry::event).containsExactly(AssistEvents.REFUSED);
		assertThat(step.session().state()).isEqualTo(AssistState.CONSENTED);
	}

	@Test
	void anExpiredConsentIsRefused() {
		Step step = AssistJoins.decide(AGENT, consented, AssistSessions.ticket(TicketStatus.OPEN, AGENT),
				consented.expiresAt().plus(Duration.ofMillis(1)));
		assertThat(step.refusal().getStatusCode().value()).isEqualTo(409);
		assertThat(step.entries()).extracting(Step.Entry::event).containsExactly(AssistEvents.REFUSED);
	}

	@Test
	void anUnansweredRequestCannotBeJoined() {
		Step step = AssistJoins.decide(AGENT, AssistSessions.requested(Scope.VIEW),
				AssistSessions.ticket(TicketStatus.OPEN, AGENT), NOW.plusSeconds(1));
		assertThat(step.refusal().getStatusCode().value()).isEqualTo(409);
	}

	@Test
	void aClosedTicketEndsTheSessionInsteadOfAdmitting() {
		Step step = AssistJoins.decide(AGENT, consented, AssistSessions.ticket(TicketStatus.SOLVED, AGENT),
				NOW.plusSeconds(30));
		assertThat(step.refusal().getStatusCode().value()).isEqualTo(409);
		assertThat(step.session().state()).isEqualTo(AssistState.ENDED);
		assertThat(step.session().endReason()).isEqualTo(AssistSession.TICKET_CLOSED);
		assertThat(step.entries()).extracting(Step.Entry::event)
			.containsExactly(AssistEvents.ENDED, AssistEvents.REFUSED);
	}

}
