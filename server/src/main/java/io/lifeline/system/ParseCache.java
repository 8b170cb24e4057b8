package io.lifeline.system;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers what recently seen texts parsed to, for stored values read far more often than they change (a ticket's
 * SLA clocks are read with every chat message). The parsed values must be immutable: they are shared.
 * <p>
 * Two generations of at most {@code capacity} entries each: a text found in the older one moves to the younger, and
 * when the younger is full the older is dropped, so texts in use stay and memory stays bounded.
 */
public final class ParseCache<V> {

	private final int capacity;

	private final Function<String, V> parse;

	private volatile Map<String, V> young = new ConcurrentHashMap<>();

	private volatile Map<String, V> old = Map.of();

	public ParseCache(int capacity, Function<String, V> parse) {
		this.capacity = capacity;
		this.parse = parse;
	}

	public V parse(String text) {
		V value = young.get(text);
		if (value != null) {
			return value;
		}
		value = old.get(text);
		if (value == null) {
			value = parse.apply(text);
		}
		remember(text, value);
		return value;
	}

	private void remember(String text, V value) {
		Map<String, V> current = young;
		if (current.size() >= capacity) {
			synchronized (this) {
				if (young == current) {
					old = current;
					young = new ConcurrentHashMap<>();
				}
			}
		}
		young.put(text, value);
	}

}
