package io.lifeline.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.lifeline.system.ApiProblem;
import io.lifeline.tickets.TicketTriage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Keyword triage of new tickets, configured by supervisors: every matching rule adds its tags; the first matching
 * rule that names a module (and a fault type) sets it. Keywords match as case-insensitive substrings of the subject
 * and description, which works for Chinese (no spaces) and English alike.
 */
@Component
class TriageRules implements TicketTriage {

	static final int MAX_RULES = 200;

	static final int MAX_KEYWORDS = 50;

	static final int MAX_TEXT = 100;

	private final DatabaseClient db;

	private final TransactionalOperator transaction;

	TriageRules(DatabaseClient db, TransactionalOperator transaction) {
		this.db = db;
		this.transaction = transaction;
	}

	@Override
	public Mono<Result> triage(String subject, String description) {
		String text = (subject + "\n" + description).toLowerCase(Locale.ROOT);
		return rules().collectList().map(rules -> apply(rules, text));
	}

	static Result apply(List<TriageRule> rules, String lowerText) {
		Set<String> tags = new LinkedHashSet<>();
		String module = null;
		String faultType = null;
		for (TriageRule rule : rules) {
			if (!rule.matches(lowerText)) {
				continue;
			}
			tags.addAll(rule.tags());
			if (module == null) {
				module = rule.module();
			}
			if (faultType == null) {
				faultType = rule.faultType();
			}
		}
		return new Result(List.copyOf(tags), module, faultType);
	}

	Flux<TriageRule> rules() {
		return db.sql("select * from triage_rules order by position")
			.map(row -> new TriageRule(List.of(row.get("keywords", String[].class)),
					List.of(row.get("tags", String[].class)), row.get("module", String.class),
					row.get("fault_type", String.class)))
			.all();
	}

	/** Replaces every rule, in the order given. */
	Mono<List<TriageRule>> replace(List<TriageRule> rules) {
		List<TriageRule> valid = validated(rules);
		Flux<Void> inserts = Flux.range(0, valid.size()).concatMap(i -> {
			TriageRule rule = valid.get(i);
			DatabaseClient.GenericExecuteSpec insert = db.sql("""
					insert into triage_rules (position, keywords, tags, module, fault_type)
					values (:position, :keywords, :tags, :module, :faultType)""")
				.bind("position", i + 1)
				.bind("keywords", rule.keywords().toArray(String[]::new))
				.bind("tags", rule.tags().toArray(String[]::new));
			insert = rule.module() == null ? insert.bindNull("module", String.class) : insert.bind("module", rule.module());
			insert = rule.faultType() == null ? insert.bindNull("faultType", String.class)
					: insert.bind("faultType", rule.faultType());
			return insert.then();
		});
		return db.sql("delete from triage_rules").then().thenMany(inserts).then(rules().collectList())
			.as(transaction::transactional);
	}

	private static List<TriageRule> validated(List<TriageRule> rules) {
		List<ApiProblem.FieldError> errors = new ArrayList<>();
		if (rules == null) {
			throw ApiProblem.badRequest("rules", "a JSON array of rules is required");
		}
		if (rules.size() > MAX_RULES) {
			throw ApiProblem.badRequest("rules", "at most " + MAX_RULES);
		}
		List<TriageRule> valid = new ArrayList<>();
		for (int i = 0; i < rules.size(); i++) {
			TriageRule rule = rules.get(i);
			String at = "[" + i + "]";
			if (rule == null) {
				errors.add(new ApiProblem.FieldError(at, "is empty"));
				continue;
			}
			List<String> keywords = strings(at + ".keywords", rule.keywords(), errors);
			if (keywords.isEmpty()) {
				errors.add(new ApiProblem.FieldError(at + ".keywords", "at least one keyword"));
			}
			List<String> tags = strings(at + ".tags", rule.tags(), errors);
			valid.add(new TriageRule(keywords, tags, text(at + ".module", rule.module(), errors),
					text(at + ".faultType", rule.faultType(), errors)));
		}
		if (!errors.isEmpty()) {
			throw ApiProblem.badRequest("The rules are not valid", errors);
		}
		return valid;
	}

	private static List<String> strings(String field, List<String> values, List<ApiProblem.FieldError> errors) {
		if (values == null) {
			return List.of();
		}
		if (values.size() > MAX_KEYWORDS) {
			errors.add(new ApiProblem.FieldError(field, "at most " + MAX_KEYWORDS));
			return List.of();
		}
		Set<String> clean = new LinkedHashSet<>();
		for (String value : values) {
			String text = text(field, value, errors);
			if (text != null) {
				clean.add(text);
			}
		}
		return List.copyOf(clean);
	}

	private static String text(String field, String value, List<ApiProblem.FieldError> errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		if (stripped.length() > MAX_TEXT || stripped.chars().anyMatch(Character::isISOControl)) {
			errors.add(new ApiProblem.FieldError(field, "1 to " + MAX_TEXT + " characters without control characters"));
		}
		return stripped;
	}

}
