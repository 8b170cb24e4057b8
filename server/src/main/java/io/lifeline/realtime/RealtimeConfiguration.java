package io.lifeline.realtime;

import io.lifeline.system.LifelineProperties;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RealtimeConfiguration {

	@Bean
	EventBus eventBus(RealtimeProperties properties, LifelineProperties lifeline, JsonMapper json) {
		if (properties.redis()) {
			return new RedisEventBus(properties.redisUrl(), properties.channel(), lifeline.nodeId(), json);
		}
		return new LocalEventBus();
	}

	@Bean
	StreamHub streamHub(EventBus bus, EventLog eventLog, JsonMapper json, RealtimeProperties properties) {
		return new StreamHub(bus, eventLog, json, properties, Schedulers.parallel());
	}

}
