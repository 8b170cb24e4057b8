package io.lifeline.assist;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Every {@code claim-interval}, on every node, claims the sessions due to expire ({@link AssistEndings#expireDue}).
 * Claims skip rows another node holds, so each expiry fires once; one claim runs at a time per node.
 */
@Component
class AssistExpiry implements SmartInitializingSingleton, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AssistExpiry.class);

	private final AssistEndings endings;

	private final AssistProperties properties;

	private volatile Disposable ticking;

	AssistExpiry(AssistEndings endings, AssistProperties properties) {
		this.endings = endings;
		this.properties = properties;
	}

	@Override
	public void afterSingletonsInstantiated() {
		ticking = Flux.interval(properties.claimInterval(), Schedulers.parallel())
			.onBackpressureDrop()
			.concatMap(tick -> endings.expireDue().onErrorResume(ex -> {
				log.warn("Claiming assist sessions due to expire failed; the next tick retries", ex);
				return Mono.empty();
			}), 0)
			.subscribe();
	}

	@Override
	public void destroy() {
		Disposable current = ticking;
		if (current != null) {
			current.dispose();
		}
	}

}
