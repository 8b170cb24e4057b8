package io.lifeline.realtime;

/** Who may see an event: everyone with access to its stream, or staff only (internal notes). */
public enum Audience {

	ALL, AGENTS

}
