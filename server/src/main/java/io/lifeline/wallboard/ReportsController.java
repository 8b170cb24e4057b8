package io.lifeline.wallboard;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Supervisors' reports, read off the same folded event history as the wall board: {@code GET /api/reports/kpis}
 * (JSON, or CSV with {@code Accept: text/csv} or {@code ?format=csv}) and {@code GET /api/reports/ticket-health}.
 * {@code from} defaults to seven days before {@code to}, which defaults to now; at most {@link #MAX_SPAN}.
 */
@RestController
@RequestMapping("/api/reports")
class ReportsController {

	static final Duration DEFAULT_SPAN = Duration.ofDays(7);

	static final Duration MAX_SPAN = Duration.ofDays(366);

	static final int HEALTH_ROWS = 500;

	static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private final WallboardFeed feed;

	private final java.time.Clock clock;

	ReportsController(WallboardFeed feed, java.time.Clock clock) {
		this.feed = feed;
		this.clock = clock;
	}

	@GetMapping("/kpis")
	Mono<ResponseEntity<?>> kpis(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(defaultValue = "day") String groupBy,
			@RequestParam(required = false) String format,
			@RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
		if (!List.of("day", "agent", "priority").contains(groupBy)) {
			return Mono.error(ApiProblem.badRequest("groupBy", "must be day, agent or priority"));
		}
		if (format != null && !List.of("csv", "json").contains(format)) {
			return Mono.error(ApiProblem.badRequest("format", "must be csv or json"));
		}
		Instant[] range = range(from, to);
		boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
		return feed.board().map(board -> board.read(view -> KpiReport.of(view, range[0], range[1], groupBy)))
			.map(report -> csv
					? ResponseEntity.ok()
						.contentType(CSV)
						.header(HttpHeaders.CONTENT_DISPOSITION,
								"attachment; filename=\"kpis-" + groupBy + ".csv\"")
						.body(report.csv())
					: ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report));
	}

	@GetMapping("/ticket-health")
	Mono<TicketHealth.Report> health(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to) {
		Instant[] range = range(from, to);
		Instant now = clock.instant();
		return feed.board()
			.map(board -> board.read(view -> TicketHealth.report(view.tickets(), range[0], range[1], now,
					HEALTH_ROWS)));
	}

	private Instant[] range(String from, String to) {
		Instant end = to == null || to.isBlank() ? clock.instant() : parse("to", to);
		Instant start = from == null || from.isBlank() ? end.minus(DEFAULT_SPAN) : parse("from", from);
		if (!start.isBefore(end)) {
			throw ApiProblem.badRequest("from", "must be before to");
		}
		if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
			throw ApiProblem.badRequest("from", "the range may span at most 366 days");
		}
		return new Instant[] { start, end };
	}

	private static Instant parse(String field, String value) {
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				return java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
			}
			catch (DateTimeParseException again) {
				throw ApiProblem.badRequest(field, "must be an ISO-8601 instant or date (2026-11-22T08:00:00Z)");
			}
		}
	}

}
