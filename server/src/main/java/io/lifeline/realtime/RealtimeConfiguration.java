package io.lifeline.realtime;

import io.lifeline.system.LifelineProperties;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

@Configuration(proxyBeanMethods = false)
class RealtimeConfiguration {

	@Bean
	@ConditionalOnExpression("'${lifeline.realtime.redis-url:}' != ''")
	RedisConnections redisConnections(RealtimeProperties properties) {
		return new RedisConnections(properties.redisUrl());
	}

	@Bean
	EventBus eventBus(RealtimeProperties properties, LifelineProperties lifeline, JsonMapper json,
			ObjectProvider<RedisConnections> redis) {
		RedisConnections connections = redis.getIfAvailable();
		if (connections != null) {
			return new RedisEventBus(connections, properties.channel(), lifeline.nodeId(), json);
		}
		return new LocalEventBus();
	}

	@Bean
	AllTicketsRelay allTicketsRelay(DatabaseClient db, EventBus bus, JsonMapper json) {
		return new AllTicketsRelay(db, bus, json, Schedulers.parallel());
	}

	/** Where live events are handed to this node's subscribers, off the database's event loops. */
	@Bean(destroyMethod = "dispose")
	Scheduler deliveryScheduler() {
		return Schedulers.newSingle("lifeline-delivery");
	}

	@Bean
	StreamHub streamHub(EventBus bus, EventLog eventLog, JsonMapper json, RealtimeProperties properties,
			Scheduler deliveryScheduler) {
		return new StreamHub(bus, eventLog, json, properties, Schedulers.parallel(), deliveryScheduler);
	}

}
