package io.lifeline.chat;

import java.time.Clock;

import io.lifeline.realtime.EventLog;
import io.lifeline.realtime.RedisConnections;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

	/** In Redis when the nodes share one (entries outlive no crashed node), else in this node's memory. */
	@Bean
	PresenceStore presenceStore(ObjectProvider<RedisConnections> redis) {
		RedisConnections connections = redis.getIfAvailable();
		return connections != null ? new RedisPresenceStore(connections.commands()) : new LocalPresenceStore();
	}

	@Bean
	PresenceTracker presenceTracker(PresenceStore store, EventLog events, Clock clock) {
		return new PresenceTracker(store, events, clock);
	}

}
