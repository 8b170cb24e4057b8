package io.lifeline.system;

import reactor.core.publisher.Mono;

import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronization;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/** Runs something once the current reactive transaction has committed; at once when there is none. */
public final class AfterCommit {

	private AfterCommit() {
	}

	public static Mono<Void> run(Runnable action) {
		return TransactionSynchronizationManager.forCurrentTransaction()
			.flatMap(transaction -> {
				if (!transaction.isSynchronizationActive()) {
					return Mono.<Void>fromRunnable(action);
				}
				transaction.registerSynchronization(new TransactionSynchronization() {
					@Override
					public Mono<Void> afterCommit() {
						return Mono.fromRunnable(action);
					}
				});
				return Mono.<Void>empty();
			})
			.onErrorResume(NoTransactionException.class, ex -> Mono.fromRunnable(action));
	}

}
