package io.lifeline.wallboard;

import static io.lifeline.wallboard.History.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The KPIs over a fixed event history: medians, rates, the repeat rule, and time per stage. */
class KpiArithmeticTests {

	final UUID carol = UUID.randomUUID();

	final UUID dave = UUID.randomUUID();

	final UUID alice = UUID.randomUUID();

	final History history = new History();

	Map<String, Kpis.Figures> figures(KpiBoard board, Kpis.Grouping grouping) {
		return board.read(view -> Kpis.figures(view.tickets(), view.byCustomer(), at(0), at(24 * 60), grouping));
	}

	@Test
	void mediansCountEachTicketOnceAtItsFirstReplyAndFirstResolution() {
		// First responses after 10, 30, 20 and 40 minutes: median of an even count is the mean of the middle two.
		int[] firstReply = { 10, 30, 20, 40 };
		for (int i = 0; i < 4; i++) {
			var t = history.ticket(UUID.randomUUID(), "Printer " + i, "P2", "NEW", i % 2 == 0 ? carol : dave, null,
					List.of("printer-" + i), at(i));
			history.created(t)
				.reply(t, at(i + 1), "AGENT", true) // an internal note is no response
				.reply(t, at(i + 2), "CUSTOMER", false) // nor is the customer's own message
				.reply(t, at(i + firstReply[i]), "AGENT", false)
				.reply(t, at(i + firstReply[i] + 5), "AGENT", false);
			if (i < 3) {
				history.updated(t, at(i + 60 * (i + 1)), "SOLVED", alice);
			}
		}
		Kpis.Figures f = figures(history.board(), Kpis.ALL).get("all");

		assertThat(f.firstResponseMedianSeconds()).isEqualTo(25 * 60);
		// Resolutions after 60, 120, 180 minutes: the middle one.
		assertThat(f.resolutionMedianSeconds()).isEqualTo(120 * 60);
		assertThat(f.resolved()).isEqualTo(3);
		assertThat(f.opened()).isEqualTo(4);
		assertThat(Kpis.median(List.of())).isNull();
		assertThat(Kpis.median(List.of(7L))).isEqualTo(7L);
		assertThat(Kpis.median(List.of(3L, 1L, 2L))).isEqualTo(2L);
		assertThat(Kpis.median(List.of(1L, 2L))).isEqualTo(2L); // 1.5 rounds half up
	}

	@Test
	void fcrIsSolvedWithAtMostOneStaffReplyAndNeverReopenedSlaComplianceCountsBreachesAndAdoptionCountsLinks() {
		var once = history.ticket(UUID.randomUUID(), "Login fails", "P3", "NEW", carol, alice, List.of(), at(0));
		var twice = history.ticket(UUID.randomUUID(), "Export slow", "P3", "NEW", carol, alice, List.of(), at(0));
		var reopened = history.ticket(UUID.randomUUID(), "VPN drops", "P3", "NEW", dave, alice, List.of(), at(0));
		var breached = history.ticket(UUID.randomUUID(), "Disk full", "P1", "NEW", dave, alice, List.of(), at(0));
		history.created(once).reply(once, at(5), "AGENT", false).updated(once, at(10), "SOLVED", alice);
		history.created(twice)
			.reply(twice, at(5), "AGENT", false)
			.reply(twice, at(6), "SUPERVISOR", false)
			.updated(twice, at(10), "SOLVED", alice);
		history.created(reopened)
			.reply(reopened, at(5), "AGENT", false)
			.updated(reopened, at(10), "SOLVED", alice)
			.updated(reopened, at(20), "OPEN", alice)
			.updated(reopened, at(30), "SOLVED", alice);
		history.created(breached).breached(breached, at(15)).reply(breached, at(16), "AGENT", false)
			.updated(breached, at(40), "CLOSED", alice);
		history.linked(once, at(8)).linked(once, at(9));
		history.survey(once, at(50), 5, 10).survey(twice, at(51), 4, 8).survey(reopened, at(52), 1, 3);
		// A replaced answer counts once, as last given.
		history.survey(twice, at(53), 3, 6);

		Kpis.Figures f = figures(history.board(), Kpis.ALL).get("all");

		assertThat(f.fcrRate()).isEqualTo(0.5); // once and breached; not twice (two replies) nor reopened
		assertThat(f.slaCompliance()).isEqualTo(0.75);
		assertThat(f.kbAdoptionRate()).isEqualTo(0.25); // one solved ticket of four used an article
		assertThat(f.csatAverage()).isEqualTo(3.0); // (5 + 3 + 1) / 3
		assertThat(f.nps()).isEqualTo(-33.3); // one promoter, two detractors (6 and 3) of three
		assertThat(f.surveys()).isEqualTo(3);
	}

	@Test
	void aRepeatIsTheSameCustomersSimilarTicketWithinSevenDaysBefore() {
		Instant base = at(0);
		var first = history.ticket(UUID.randomUUID(), "Invoice PDF export broken", "P3", "NEW", carol, null,
				List.of("billing"), base.minusSeconds(3 * 86400));
		var sameTag = history.ticket(UUID.randomUUID(), "Wrong VAT", "P3", "NEW", carol, null, List.of("Billing"),
				at(10));
		var sameWords = history.ticket(UUID.randomUUID(), "PDF export of invoice fails", "P3", "NEW", carol, null,
				List.of(), at(20));
		var unrelated = history.ticket(UUID.randomUUID(), "Cannot log in", "P3", "NEW", carol, null, List.of(),
				at(30));
		var otherCustomer = history.ticket(UUID.randomUUID(), "Invoice PDF export broken", "P3", "NEW", dave, null,
				List.of("billing"), at(40));
		var tooLate = history.ticket(UUID.randomUUID(), "Password reset mail", "P3", "NEW", dave, null, List.of(),
				base.minusSeconds(9 * 86400));
		var afterEightDays = history.ticket(UUID.randomUUID(), "Password reset mail missing", "P3", "NEW", dave, null,
				List.of(), at(50));
		history.created(tooLate).created(first).created(sameTag).created(sameWords).created(unrelated)
			.created(otherCustomer).created(afterEightDays);

		Kpis.Figures f = figures(history.board(), Kpis.ALL).get("all");

		// Opened in the day: sameTag, sameWords (repeats), unrelated, otherCustomer, afterEightDays (not).
		assertThat(f.opened()).isEqualTo(5);
		assertThat(f.repeatRate()).isEqualTo(0.4);
		assertThat(Similarity.similar(List.of(), "登录失败 无法进入", List.of(), "系统登录失败")).isTrue();
		assertThat(Similarity.similar(List.of(), "The app is slow", List.of(), "The app crashes")).isFalse();
	}

	@Test
	void timePerStatusAndPerAssigneeAndTheBottleneck() {
		UUID bob = UUID.randomUUID();
		var t = history.ticket(UUID.randomUUID(), "Slow", "P2", "NEW", carol, null, List.of(), at(0));
		history.created(t)
			.updated(t, at(10), "OPEN", alice) // NEW 10 min, unassigned 10 min
			.updated(t, at(20), "PENDING", alice) // OPEN 10
			.updated(t, at(80), "OPEN", bob) // PENDING 60, alice 70
			.updated(t, at(95), "SOLVED", bob); // OPEN 15 more, bob 15
		var open = history.ticket(UUID.randomUUID(), "Still open", "P4", "NEW", dave, null, List.of(), at(0));
		history.created(open).updated(open, at(5), "ON_HOLD", null);

		KpiBoard board = history.board();
		TicketHealth.Report report = board
			.read(view -> TicketHealth.report(view.tickets(), at(-1), at(60 * 24), at(100), 10));

		TicketHealth.TicketRow row = report.items().stream().filter(r -> r.subject().equals("Slow")).findFirst()
			.orElseThrow();
		assertThat(row.secondsInStatus()).containsEntry("NEW", 600L).containsEntry("OPEN", 1500L)
			.containsEntry("PENDING", 3600L).doesNotContainKey("SOLVED");
		assertThat(row.secondsWithAssignee()).extracting(TicketHealth.AssigneeTime::seconds)
			.containsExactly(600L, 4200L, 900L);
		assertThat(row.bottleneck()).isEqualTo("PENDING");
		TicketHealth.TicketRow still = report.items().stream().filter(r -> r.subject().equals("Still open"))
			.findFirst().orElseThrow();
		// Open tickets count up to now: 5 min NEW, 95 min ON_HOLD so far.
		assertThat(still.secondsInStatus()).containsEntry("NEW", 300L).containsEntry("ON_HOLD", 5700L);
		assertThat(report.byPriority()).extracting(TicketHealth.Bottleneck::group, TicketHealth.Bottleneck::bottleneck)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("P2", "PENDING"),
					org.assertj.core.groups.Tuple.tuple("P4", "ON_HOLD"));
	}

	@Test
	void reportsGroupByDayAgentAndPriorityAndExportTheSameColumnsAsCsv() {
		var a = history.ticket(UUID.randomUUID(), "=cmd|' /C calc'!A0", "P1", "NEW", carol, alice, List.of(), at(0));
		var b = history.ticket(UUID.randomUUID(), "Two", "P2", "NEW", dave, null, List.of(), at(60 * 25));
		history.created(a).reply(a, at(30), "AGENT", false).updated(a, at(90), "SOLVED", alice);
		history.created(b).reply(b, at(60 * 25 + 10), "AGENT", false);
		KpiBoard board = history.board();

		KpiReport byDay = board.read(view -> KpiReport.of(view, at(0), at(60 * 48), "day"));
		assertThat(byDay.rows()).extracting(KpiReport.Row::group).containsExactly("2026-11-22", "2026-11-23");
		assertThat(byDay.rows().getFirst().figures().firstResponseMedianSeconds()).isEqualTo(1800L);
		assertThat(byDay.rows().get(1).figures().firstResponseMedianSeconds()).isEqualTo(600L);
		KpiReport byPriority = board.read(view -> KpiReport.of(view, at(0), at(60 * 48), "priority"));
		assertThat(byPriority.rows()).extracting(KpiReport.Row::group).containsExactly("P1", "P2");
		KpiReport byAgent = board.read(view -> KpiReport.of(view, at(0), at(60 * 48), "agent"));
		assertThat(byAgent.rows()).extracting(KpiReport.Row::label).containsExactlyInAnyOrder("Alice", "Unassigned");

		String csv = byPriority.csv();
		String[] lines = csv.split("\r\n");
		assertThat(lines[0]).isEqualTo(String.join(",", KpiReport.COLUMNS));
		assertThat(lines[1]).startsWith("P1,P1,1800,5400,,,1.0,0.0,1.0,0.0,1,1,0");
		assertThat(KpiReport.quote("=cmd|' /C calc'!A0")).startsWith("'=");
		assertThat(KpiReport.quote("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
	}

}
