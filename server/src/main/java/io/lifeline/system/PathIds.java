package io.lifeline.system;

import java.util.UUID;

/** Ids taken from a URL path or a destination. */
public final class PathIds {

	private PathIds() {
	}

	/** The id, or 404: a malformed id is one we never handed out, so it gets the same answer as an absent thing. */
	public static UUID parse(String id, String what) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw ApiProblem.notFound(what + " " + id);
		}
	}

}
