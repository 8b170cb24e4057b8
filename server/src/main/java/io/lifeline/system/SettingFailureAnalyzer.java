package io.lifeline.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a {@link SettingProblem} into Boot's short "APPLICATION FAILED TO START" report instead of a stack trace. */
@Order(Ordered.HIGHEST_PRECEDENCE)
class SettingFailureAnalyzer extends AbstractFailureAnalyzer<SettingProblem> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, SettingProblem cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}

}
