package io.lifeline.assist;

import static io.lifeline.assist.AssistSessions.AGENT;
import static io.lifeline.assist.AssistSessions.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import io.lifeline.identity.Actor;
import io.lifeline.signaling.Closure;
import io.lifeline.signaling.ParticipantRole;
import io.lifeline.signaling.Scope;
import io.lifeline.system.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssistSessionTests {

	@Test
	void aRequestLapsesAfterTheAnswerTimeAndAConsentAfterItsDuration() {
		AssistSession requested = AssistSessions.requested(Scope.VIEW, Scope.POINTER);
		assertThat(requested.state()).isEqualTo(AssistState.REQUESTED);
		assertThat(requested.expiresAt()).isEqualTo(NOW.plusSeconds(60));
		AssistSession consented = requested.consented(List.of(Scope.VIEW), NOW.plusSeconds(10), Duration.ofMinutes(30));
		assertThat(consented.state()).isEqualTo(AssistState.CONSENTED);
		assertThat(consented.consentedAt()).isEqualTo(NOW.plusSeconds(10));
		assertThat(consented.expiresAt()).isEqualTo(NOW.plusSeconds(10).plus(Duration.ofMinutes(30)));
		assertThat(consented.grantedScopes()).containsExactly(Scope.VIEW);
	}

	@Test
	void scopesAreAlwaysInOneOrder() {
		assertThat(AssistSessions.requested(Scope.CONTROL, Scope.VIEW, Scope.POINTER).requestedScopes())
			.containsExactly(Scope.VIEW, Scope.POINTER, Scope.CONTROL);
	}

	@Test
	void theFirstJoinActivatesAndLaterOnesChangeNothing() {
		AssistSession active = AssistSessions.consented(Scope.VIEW).activated();
		assertThat(active.state()).isEqualTo(AssistState.ACTIVE);
		assertThat(active.activated()).isSameAs(active);
	}

	@Test
	void aFinishedSessionCannotMoveAgain() {
		AssistSession declined = AssistSessions.requested(Scope.VIEW)
			.finished(AssistState.DECLINED, Actor.of(AGENT), AssistSession.DECLINED, NOW);
		assertThatThrownBy(() -> declined.consented(List.of(Scope.VIEW), NOW, Duration.ofMinutes(1)))
			.isInstanceOf(ApiProblem.class)
			.satisfies(ex -> assertThat(((ApiProblem) ex).getStatusCode().value()).isEqualTo(409));
		assertThatThrownBy(() -> declined.finished(AssistState.ENDED, null, "ended", NOW)).isInstanceOf(ApiProblem.class);
	}

	@Test
	void onlyAConsentedSessionIsNarrowedOrActivated() {
		AssistSession requested = AssistSessions.requested(Scope.VIEW, Scope.POINTER);
		assertThatThrownBy(() -> requested.narrowed(List.of(Scope.VIEW))).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(requested::activated).isInstanceOf(ApiProblem.class);
	}

	@Test
	void theSidesAreTheTicketsCustomerAndTheRequestingAgent() {
		AssistSession session = AssistSessions.requested(Scope.VIEW);
		assertThat(session.roleOf(AssistSessions.CUSTOMER.id())).contains(ParticipantRole.CUSTOMER);
		assertThat(session.roleOf(AGENT.id())).contains(ParticipantRole.AGENT);
		assertThat(session.roleOf(AssistSessions.OTHER_AGENT.id())).isEmpty();
		assertThat(session.roleOf(AssistSessions.SUPERVISOR.id())).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "REVOKED, revoked, REVOKED, revoked", "ENDED, reassigned, ENDED, reassigned",
			"EXPIRED, consent-expired, EXPIRED, expired" })
	void signalingIsToldHowTheSessionEnded(AssistState end, String why, Closure.Kind kind, String reason) {
		AssistSession finished = AssistSessions.consented(Scope.VIEW).finished(end, null, why, NOW);
		assertThat(finished.closure()).isEqualTo(new Closure(kind, reason));
	}

}
