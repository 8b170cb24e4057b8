package io.lifeline.tickets;

import java.util.List;

import io.lifeline.system.ApiProblem;

/**
 * What the new-ticket form collects up front, stored with the ticket and shown as its problem snapshot:
 * {@code {module, version, environment, steps, faultType}}, each optional. Keyword rules may fill in
 * {@code module} and {@code faultType} when the customer left them empty.
 */
public record Intake(String module, String version, String environment, String steps, String faultType) {

	static final int MAX_SHORT = 100;

	static final int MAX_STEPS = 5_000;

	static final Intake EMPTY = new Intake(null, null, null, null, null);

	/** Trimmed, blanks as null; field errors for anything too long. */
	static Intake normalize(Intake intake, List<ApiProblem.FieldError> errors) {
		if (intake == null) {
			return EMPTY;
		}
		return new Intake(field("intake.module", intake.module, MAX_SHORT, errors),
				field("intake.version", intake.version, MAX_SHORT, errors),
				field("intake.environment", intake.environment, MAX_SHORT * 3, errors),
				field("intake.steps", intake.steps, MAX_STEPS, errors),
				field("intake.faultType", intake.faultType, MAX_SHORT, errors));
	}

	/** This intake with module and fault type taken from triage where the customer gave none. */
	public Intake orElse(String module, String faultType) {
		return new Intake(this.module == null ? module : this.module, version, environment, steps,
				this.faultType == null ? faultType : this.faultType);
	}

	boolean isEmpty() {
		return module == null && version == null && environment == null && steps == null && faultType == null;
	}

	private static String field(String name, String value, int max, List<ApiProblem.FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > max) {
			errors.add(new ApiProblem.FieldError(name, "at most " + max + " characters"));
		}
		return stripped;
	}

}
