package io.lifeline.signaling;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a customer lets an agent do in a session: {@code view} the shared screen (always part of a consent),
 * {@code pointer} (point and draw on it), {@code control} (co-browse inside the portal page).
 */
public enum Scope {

	VIEW("view"), POINTER("pointer"), CONTROL("control");

	private final String wire;

	Scope(String wire) {
		this.wire = wire;
	}

	@JsonValue
	public String wire() {
		return wire;
	}

	/** The scope a wire name stands for; an {@link IllegalArgumentException} for anything else. */
	@JsonCreator
	public static Scope of(String wire) {
		for (Scope scope : values()) {
			if (scope.wire.equals(wire)) {
				return scope;
			}
		}
		throw new IllegalArgumentException("'" + wire + "' is not one of view, pointer, control");
	}

	public static Set<Scope> setOf(Collection<String> wires) {
		Set<Scope> scopes = EnumSet.noneOf(Scope.class);
		wires.forEach(wire -> scopes.add(of(wire)));
		return scopes;
	}

	/** Wire names in declaration order: view, pointer, control. */
	public static List<String> wires(Collection<Scope> scopes) {
		return Arrays.stream(values()).filter(scopes::contains).map(Scope::wire).toList();
	}

	/** The scopes both sets hold. */
	public static Set<Scope> common(Set<Scope> a, Set<Scope> b) {
		Set<Scope> both = EnumSet.noneOf(Scope.class);
		both.addAll(a);
		both.retainAll(b);
		return both;
	}

}
