package io.lifeline.routing;

/** What an agent says they are doing; OFFLINE too whenever they have no live connection. */
public enum AgentStatus {

	AVAILABLE, BUSY, AWAY, OFFLINE

}
