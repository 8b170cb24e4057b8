package io.lifeline.system;

import reactor.core.Disposable;

import org.springframework.context.SmartLifecycle;

/**
 * A reactive flow a component keeps running in the background while the application runs: subscribed on start,
 * disposed on stop, before the beans it uses go away.
 */
public abstract class BackgroundFlow implements SmartLifecycle {

	private volatile Disposable running;

	/** Subscribes the flow; it should log and carry on after errors, not end. */
	protected abstract Disposable run();

	@Override
	public void start() {
		running = run();
	}

	@Override
	public void stop() {
		Disposable current = running;
		if (current != null) {
			current.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		return running != null && !running.isDisposed();
	}

}
