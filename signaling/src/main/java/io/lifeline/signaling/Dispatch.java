package io.lifeline.signaling;

import java.util.Set;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What signaling nodes tell each other about a session, through the {@link SignalBus}: every node hears every
 * dispatch and acts on the sockets of that session it holds.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({ @JsonSubTypes.Type(value = Dispatch.Relay.class, name = "relay"),
		@JsonSubTypes.Type(value = Dispatch.Arrived.class, name = "arrived"),
		@JsonSubTypes.Type(value = Dispatch.Left.class, name = "left"),
		@JsonSubTypes.Type(value = Dispatch.Close.class, name = "close"),
		@JsonSubTypes.Type(value = Dispatch.Narrow.class, name = "narrow") })
public sealed interface Dispatch {

	String sessionId();

	/** A message for the sockets of one side. */
	record Relay(String sessionId, ParticipantRole to, String message) implements Dispatch {
	}

	/** A socket joined on one side: the other side hears {@code peer-joined}, an older socket of the same side goes. */
	record Arrived(String sessionId, ParticipantRole role, String socketId) implements Dispatch {
	}

	/** The current socket of one side left: the other side hears {@code peer-left}. */
	record Left(String sessionId, ParticipantRole role, String socketId) implements Dispatch {
	}

	/** The session is over: both sides are told why and closed. */
	record Close(String sessionId, Closure closure) implements Dispatch {
	}

	/** The customer narrowed the scopes: both sides are told, the agent loses what was taken away. */
	record Narrow(String sessionId, Set<Scope> scopes) implements Dispatch {
	}

}
