package io.lifeline.tickets;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lifeline.system.ApiProblem;

/** Reads the ticket version a PATCH was based on from {@code If-Match}: {@code 3}, {@code "3"} or {@code W/"3"}. */
final class IfMatch {

	private static final Pattern VERSION = Pattern.compile("^(?:W/)?(?:\"(\\d{1,18})\"|(\\d{1,18}))$");

	private IfMatch() {
	}

	static long version(String header) {
		if (header == null || header.isBlank()) {
			throw ApiProblem.preconditionRequired(
					"Send If-Match with the version of the ticket you read, so concurrent changes are not lost");
		}
		Matcher matcher = VERSION.matcher(header.strip());
		if (!matcher.matches()) {
			throw ApiProblem.badRequest("If-Match", "must be the ticket's version, like \"3\"");
		}
		return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
	}

}
