package io.lifeline.system;

/** Query parameters read the same way everywhere: absent means the default, anything unreadable is a 400. */
public final class QueryParams {

	private QueryParams() {
	}

	/** A whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
	public static int intBetween(String name, String value, int fallback, int min, int max) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			int number = Integer.parseInt(value.strip());
			if (number >= min && number <= max) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw ApiProblem.badRequest(name, "must be a whole number from " + min + " to " + max);
	}

	/** A whole number of at least {@code min}, or null when absent. */
	public static Long longAtLeast(String name, String value, long min) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long number = Long.parseLong(value.strip());
			if (number >= min) {
				return number;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw ApiProblem.badRequest(name, "must be a whole number of " + min + " or more");
	}

}
