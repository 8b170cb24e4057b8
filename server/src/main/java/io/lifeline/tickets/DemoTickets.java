package io.lifeline.tickets;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.identity.DemoUsers;
import io.lifeline.system.DatabaseProperties;
import io.lifeline.system.DemoProperties;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * A handful of tickets in several states and priorities, opened and worked through {@link TicketService} so their
 * event log is as real as any other. Loaded in demo mode when there are no tickets yet.
 */
@Component
@Order(DemoUsers.ORDER + 10)
class DemoTickets implements ApplicationRunner {

	private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(1);

	private final TicketService tickets;

	private final DatabaseClient db;

	private final boolean enabled;

	DemoTickets(TicketService tickets, DatabaseClient db, DemoProperties demo, DatabaseProperties database) {
		this.tickets = tickets;
		this.db = db;
		this.enabled = demo.enabledFor(database);
	}

	/** Startup, on the main thread, before the server takes traffic: blocking here stalls no event loop. */
	@Override
	public void run(ApplicationArguments args) {
		if (!enabled) {
			return;
		}
		db.sql("select count(*) as n from tickets")
			.map(row -> row.get("n", Long.class))
			.one()
			.filter(count -> count == 0)
			.flatMapMany(empty -> Flux.fromIterable(demoTickets()).concatMap(this::load))
			.then()
			.block(LOAD_TIMEOUT);
	}

	private Mono<Ticket> load(DemoTicket demo) {
		CurrentUser customer = DemoUsers.asCurrentUser(demo.customer());
		CurrentUser agent = DemoUsers.asCurrentUser(DemoUsers.ALICE);
		Mono<Ticket> opened = tickets.create(customer,
				new CreateTicketRequest(demo.subject(), demo.description(), demo.priority(), null, demo.tags()));
		if (demo.status() == TicketStatus.NEW) {
			return opened;
		}
		UUID assignee = demo.assignee() == null ? null : demo.assignee().id();
		return opened.flatMap(ticket -> tickets.patch(agent, ticket.id(), ticket.version(),
				new TicketPatch(demo.status(), null, java.util.Optional.of(java.util.Optional.ofNullable(assignee)),
						null)));
	}

	private static List<DemoTicket> demoTickets() {
		var carol = DemoUsers.CAROL;
		var dave = DemoUsers.DAVE;
		return List.of(
				new DemoTicket(carol, "Project portal down for all site users",
						"Since 07:40 nobody on our three sites can log in to the project portal; the login page "
								+ "spins and times out. Crews are waiting on today's drawings.",
						Priority.P1, List.of("outage", "login"), TicketStatus.OPEN, DemoUsers.ALICE),
				new DemoTicket(dave, "Drawing sync stops at revision C of the site plan",
						"The tablet app syncs drawings up to revision B, then stops with 'conflict 409'. "
								+ "Revision C was issued yesterday.",
						Priority.P2, List.of("drawings", "sync", "mobile"), TicketStatus.NEW, null),
				new DemoTicket(carol, "Gantt export to PDF times out for large schedules",
						"Exporting the 1,800-task master schedule to PDF fails after a minute. Smaller "
								+ "schedules export fine.",
						Priority.P3, List.of("scheduling", "export"), TicketStatus.PENDING, DemoUsers.BOB),
				new DemoTicket(dave, "Budget report shows totals in USD instead of EUR",
						"Our company currency is EUR but the cost report totals are labelled USD.",
						Priority.P3, List.of("reports", "currency"), TicketStatus.ON_HOLD, DemoUsers.BOB),
				new DemoTicket(carol, "How do I add a subcontractor to the RFI distribution list?",
						"We have a new electrical subcontractor who needs to receive RFIs.", Priority.P4,
						List.of("how-to", "rfi"), TicketStatus.SOLVED, DemoUsers.ALICE),
				new DemoTicket(dave, "Punch list app crashes when attaching a photo",
						"Android 14, app version 5.2.1: taking a photo from the punch list item closes the app.",
						Priority.P2, List.of("mobile", "punch-list"), TicketStatus.NEW, null));
	}

	private record DemoTicket(io.lifeline.identity.User customer, String subject, String description,
			Priority priority, List<String> tags, TicketStatus status, io.lifeline.identity.User assignee) {
	}

}
