package io.lifeline.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The load generator's own GC pauses: a pause here delays reading frames and would show up as server latency, so
 * the report says how long the longest one was.
 */
final class GcWatch {

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong totalMillis = new AtomicLong();

	private final AtomicLong maxMillis = new AtomicLong();

	GcWatch() {
		for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
			if (bean instanceof NotificationEmitter emitter) {
				emitter.addNotificationListener((notification, handback) -> {
					if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
						return;
					}
					GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
						.from((CompositeData) notification.getUserData());
					if (info.getGcAction().contains("Pause") || info.getGcAction().contains("end of")) {
						if (info.getGcName().contains("Concurrent")) {
							return;
						}
						long millis = info.getGcInfo().getDuration();
						count.incrementAndGet();
						totalMillis.addAndGet(millis);
						maxMillis.accumulateAndGet(millis, Math::max);
					}
				}, null, null);
			}
		}
	}

	void reset() {
		count.set(0);
		totalMillis.set(0);
		maxMillis.set(0);
	}

	String summary() {
		return Report.fmt("%d pauses, %d ms in all, longest %d ms", count.get(), totalMillis.get(), maxMillis.get());
	}

	long maxMillis() {
		return maxMillis.get();
	}

}
