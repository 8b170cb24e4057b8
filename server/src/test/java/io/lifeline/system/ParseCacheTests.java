package io.lifeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ParseCacheTests {

	private final List<String> parsed = new ArrayList<>();

	private final ParseCache<Integer> cache = new ParseCache<>(2, text -> {
		parsed.add(text);
		return Integer.parseInt(text);
	});

	@Test
	void aTextIsParsedOnceWhileItIsInUse() {
		assertThat(cache.parse("1")).isEqualTo(1);
		assertThat(cache.parse("1")).isEqualTo(1);
		assertThat(cache.parse("2")).isEqualTo(2);
		for (int i = 3; i < 10; i++) {
			cache.parse(Integer.toString(i));
			assertThat(cache.parse("1")).isEqualTo(1);
		}
		assertThat(parsed).containsOnlyOnce("1", "2");
	}

	@Test
	void textsNoLongerReadAreForgottenAfterTwoGenerations() {
		cache.parse("1");
		for (int i = 2; i < 7; i++) {
			cache.parse(Integer.toString(i));
		}
		cache.parse("1");
		assertThat(parsed).containsExactly("1", "2", "3", "4", "5", "6", "1");
	}

}
