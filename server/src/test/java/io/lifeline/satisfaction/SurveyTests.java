package io.lifeline.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import io.lifeline.system.ApiProblem;
import org.junit.jupiter.api.Test;

/** The survey's rules that need no database: the seven-day window, what counts as low, what is valid. */
class SurveyTests {

	static final Instant FIRST = Instant.parse("2026-11-22T08:00:00Z");

	static Survey survey(int csat, Integer nps) {
		return new Survey(UUID.randomUUID(), csat, nps, null, FIRST, FIRST, FIRST.plus(SurveyService.CHANGEABLE));
	}

	@Test
	void anAnswerIsReplaceableForSevenDaysAfterTheFirstThenFinal() {
		Survey answer = survey(4, null);
		assertThat(answer.changeableAt(FIRST.plusSeconds(7 * 86400 - 1))).isTrue();
		assertThat(answer.changeableAt(FIRST.plusSeconds(7 * 86400))).isFalse();
	}

	@Test
	void lowIsTwoStarsOrLessOrADetractor() {
		assertThat(survey(2, null).low()).isTrue();
		assertThat(survey(3, null).low()).isFalse();
		assertThat(survey(5, 6).low()).isTrue();
		assertThat(survey(5, 7).low()).isFalse();
	}

	@Test
	void csatIsOneToFiveNpsZeroToTenAndABlankCommentIsNone() {
		assertThat(new SurveyAnswer(1, 0, "  ").validated().comment()).isNull();
		assertThat(new SurveyAnswer(5, 10, " ok ").validated().comment()).isEqualTo("ok");
		assertThatThrownBy(() -> new SurveyAnswer(0, null, null).validated()).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> new SurveyAnswer(null, null, null).validated()).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> new SurveyAnswer(3, 11, null).validated()).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> new SurveyAnswer(3, 5, "x".repeat(4001)).validated()).isInstanceOf(ApiProblem.class);
	}

}
