package io.lifeline.system;

/** A setting is missing or wrong; startup stops and says which, and what to do (see {@link SettingFailureAnalyzer}). */
public class SettingProblem extends IllegalStateException {

	private final String action;

	public SettingProblem(String description, String action) {
		super(description);
		this.action = action;
	}

	public String action() {
		return action;
	}

}
