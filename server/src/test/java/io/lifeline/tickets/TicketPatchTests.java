package io.lifeline.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.lifeline.system.ApiProblem;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class TicketPatchTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void absentFieldsAreLeftAloneAndNullUnassigns() {
		TicketPatch patch = parse("{\"status\":\"OPEN\",\"assigneeId\":null}");
		assertThat(patch.status()).isEqualTo(TicketStatus.OPEN);
		assertThat(patch.priority()).isNull();
		assertThat(patch.assigneeId()).contains(Optional.empty());
		assertThat(patch.tags()).isNull();
	}

	@Test
	void readsEveryField() {
		UUID agent = UUID.randomUUID();
		TicketPatch patch = parse("{\"priority\":\"P1\",\"assigneeId\":\"" + agent + "\",\"tags\":[\"a\",\"b\",\"a\"]}");
		assertThat(patch.priority()).isEqualTo(Priority.P1);
		assertThat(patch.assigneeId()).contains(Optional.of(agent));
		assertThat(patch.tags()).isEqualTo(List.of("a", "b"));
		assertThat(patch.changesMoreThanStatus()).isTrue();
	}

	@Test
	void reportsEveryBadFieldAtOnce() {
		assertThatThrownBy(() -> parse("{\"status\":1,\"priority\":\"P9\",\"subject\":\"x\",\"tags\":{}}"))
			.isInstanceOfSatisfying(ApiProblem.class, problem -> {
				@SuppressWarnings("unchecked")
				List<ApiProblem.FieldError> errors = (List<ApiProblem.FieldError>) problem.getBody()
					.getProperties()
					.get("errors");
				assertThat(errors).extracting(ApiProblem.FieldError::field)
					.containsExactlyInAnyOrder("subject", "status", "priority", "tags");
			});
	}

	@Test
	void refusesNonObjectsAndEmptyPatches() {
		assertThatThrownBy(() -> parse("[]")).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> parse("{}")).isInstanceOf(ApiProblem.class);
		assertThatThrownBy(() -> parse("{\"tags\":[\"" + "x".repeat(41) + "\"]}")).isInstanceOf(ApiProblem.class);
	}

	private TicketPatch parse(String body) {
		return TicketPatch.parse(json.readTree(body));
	}

}
