package io.lifeline.tickets;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.Event;
import io.lifeline.system.ApiProblem;
import io.lifeline.system.PathIds;
import io.lifeline.system.QueryParams;
import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets")
class TicketController {

	static final int DEFAULT_PAGE = 25;

	static final int MAX_PAGE = 100;

	static final int MAX_QUERY_LENGTH = 200;

	private final TicketService tickets;

	TicketController(TicketService tickets) {
		this.tickets = tickets;
	}

	@PostMapping
	Mono<ResponseEntity<Ticket>> create(@AuthenticationPrincipal CurrentUser user,
			@Valid @RequestBody CreateTicketRequest request) {
		return tickets.create(user, request)
			.map(ticket -> ResponseEntity.created(URI.create("/api/tickets/" + ticket.id()))
				.eTag(etag(ticket))
				.body(ticket));
	}

	@GetMapping
	Mono<TicketPage> list(@AuthenticationPrincipal CurrentUser user,
			@RequestParam(required = false) String status, @RequestParam(required = false) String priority,
			@RequestParam(required = false) String assignee, @RequestParam(required = false) String q,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String sort) {
		boolean byDue = byDue(sort);
		TicketQuery query = new TicketQuery(enums("status", status, TicketStatus.class),
				enums("priority", priority, Priority.class), assignee(user, assignee), text(q),
				user.isCustomer() ? user.id() : null, byDue, TicketCursor.parse(cursor, byDue),
				QueryParams.intBetween("limit", limit, DEFAULT_PAGE, 1, MAX_PAGE), user);
		return tickets.list(query, user.isStaff());
	}

	@GetMapping("/{id}")
	Mono<ResponseEntity<Ticket>> get(@AuthenticationPrincipal CurrentUser user, @PathVariable String id) {
		return tickets.get(user, PathIds.parse(id, "Ticket"))
			.map(ticket -> ResponseEntity.ok().eTag(etag(ticket)).body(ticket));
	}

	@PatchMapping("/{id}")
	Mono<ResponseEntity<Ticket>> patch(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestHeader(name = "If-Match", required = false) String ifMatch, @RequestBody JsonNode body) {
		UUID ticketId = PathIds.parse(id, "Ticket");
		long version = IfMatch.version(ifMatch);
		TicketPatch patch = TicketPatch.parse(body);
		return tickets.patch(user, ticketId, version, patch)
			.map(ticket -> ResponseEntity.ok().eTag(etag(ticket)).body(ticket));
	}

	@GetMapping("/{id}/timeline")
	Flux<Event> timeline(@AuthenticationPrincipal CurrentUser user, @PathVariable String id,
			@RequestParam(required = false) String afterSeq) {
		Long after = QueryParams.longAtLeast("afterSeq", afterSeq, 0);
		return tickets.timeline(user, PathIds.parse(id, "Ticket"), after == null ? 0 : after);
	}

	private static String etag(Ticket ticket) {
		return "\"" + ticket.version() + "\"";
	}

	private static <E extends Enum<E>> Set<E> enums(String name, String value, Class<E> type) {
		Set<E> set = EnumSet.noneOf(type);
		if (value == null || value.isBlank()) {
			return set;
		}
		for (String part : value.split(",")) {
			try {
				set.add(Enum.valueOf(type, part.strip()));
			}
			catch (IllegalArgumentException ex) {
				throw ApiProblem.badRequest(name,
						"'" + part.strip() + "' is not one of " + Arrays.toString(type.getEnumConstants()));
			}
		}
		return set;
	}

	private static TicketQuery.AssigneeFilter assignee(CurrentUser user, String value) {
		if (value == null || value.isBlank()) {
			return new TicketQuery.AssigneeFilter.Anyone();
		}
		return switch (value.strip()) {
			case "me" -> new TicketQuery.AssigneeFilter.User(user.id());
			case "none" -> new TicketQuery.AssigneeFilter.Nobody();
			default -> {
				try {
					yield new TicketQuery.AssigneeFilter.User(UUID.fromString(value.strip()));
				}
				catch (IllegalArgumentException ex) {
					throw ApiProblem.badRequest("assignee", "must be me, none or a user id");
				}
			}
		};
	}

	/** {@code sort=due}: time to breach, soonest first; default (or {@code sort=number}) newest first. */
	private static boolean byDue(String sort) {
		if (sort == null || sort.isBlank() || sort.equals("number")) {
			return false;
		}
		if (sort.equals("due")) {
			return true;
		}
		throw ApiProblem.badRequest("sort", "must be number or due");
	}

	private static String text(String q) {
		if (q == null || q.isBlank()) {
			return null;
		}
		if (q.length() > MAX_QUERY_LENGTH) {
			throw ApiProblem.badRequest("q", "at most " + MAX_QUERY_LENGTH + " characters");
		}
		return q.strip();
	}

}
