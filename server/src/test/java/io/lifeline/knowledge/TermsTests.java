package io.lifeline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class TermsTests {

	@Test
	void chineseRunsBecomeOverlappingBigrams() {
		assertThat(Terms.of("登录失败")).containsExactly("登录", "录失", "失败");
		assertThat(Terms.of("无法登录，提示密码错误")).contains("登录", "密码", "错误").doesNotContain("录，");
		assertThat(Terms.of("闪")).containsExactly("闪");
	}

	@Test
	void englishWordsAreLowerCasedStemmedAndFillerDropped() {
		assertThat(Terms.of("The app Crashes")).containsExactly("app", "crash");
		assertThat(Terms.of("crashed crashing crash")).containsExactly("crash");
		assertThat(Terms.of("syncing drawings")).containsExactly("sync", "drawing");
		assertThat(Terms.of("stopped")).containsExactly("stop");
		assertThat(Terms.of("entries")).containsExactly("entry");
	}

	@Test
	void mixedTextKeepsBoth() {
		assertThat(Terms.of("导出PDF超时 v5.2")).containsExactly("导出", "pdf", "超时", "v5", "2");
	}

	@Test
	void aTitleMatchOutweighsABodyMatchAndAPrefixCountsLess() {
		Relevance relevance = new Relevance(List.of("crash"), Map.of("crash", 1L), 10);
		double title = relevance.score(Set.of("crash"), Set.of());
		double body = relevance.score(Set.of(), Set.of("crash"));
		assertThat(title).isEqualTo(1.0);
		assertThat(body).isLessThan(title).isGreaterThan(0);
		Relevance prefix = new Relevance(List.of("passw"), Map.of("passw", 1L), 10);
		assertThat(prefix.score(Set.of("password"), Set.of())).isEqualTo(Relevance.PREFIX);
		assertThat(new Relevance(List.of("登录"), Map.of(), 10).score(Set.of("登录x"), Set.of())).isZero();
	}

}
