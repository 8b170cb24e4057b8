package io.lifeline.assist;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.lifeline.signaling.Scope;
import io.lifeline.system.ApiProblem;

/** Scope lists from request bodies: known names, no repeats, {@code view} always among them. */
final class ScopeList {

	private ScopeList() {
	}

	/** The scopes named, checked; a 400 problem on {@code field} otherwise. */
	static Set<Scope> parse(String field, List<String> names) {
		if (names == null || names.isEmpty()) {
			throw ApiProblem.badRequest(field, "must list at least view");
		}
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		for (String name : names) {
			try {
				if (!scopes.add(Scope.of(name))) {
					throw ApiProblem.badRequest(field, "names " + name + " twice");
				}
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.badRequest(field, ex.getMessage());
			}
		}
		if (!scopes.contains(Scope.VIEW)) {
			throw ApiProblem.badRequest(field, "must include view: every other scope works on the shared view");
		}
		return scopes;
	}

	/** Checked scopes that must also lie within {@code allowed}. */
	static Set<Scope> within(String field, List<String> names, Set<Scope> allowed, String allowedWhat) {
		Set<Scope> scopes = parse(field, names);
		if (!allowed.containsAll(scopes)) {
			throw ApiProblem.badRequest(field, "may only name scopes " + allowedWhat + ": " + Scope.wires(allowed));
		}
		return scopes;
	}

}
