package io.lifeline.chat;

import java.util.List;
import java.util.UUID;

import io.lifeline.identity.CurrentUser;
import io.lifeline.system.ApiProblem;
import io.lifeline.system.PathIds;
import io.lifeline.system.QueryParams;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/tickets/{ticketId}")
class ChatController {

	private final ChatService chat;

	private final PresenceTracker presence;

	ChatController(ChatService chat, PresenceTracker presence) {
		this.chat = chat;
		this.presence = presence;
	}

	@PostMapping("/messages")
	Mono<ResponseEntity<Message>> send(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticketId,
			@RequestBody SendMessage request) {
		return chat.send(user, PathIds.parse(ticketId, "Ticket"), request)
			.map(sent -> ResponseEntity.status(sent.created() ? HttpStatus.CREATED : HttpStatus.OK)
				.body(sent.message()));
	}

	@GetMapping("/messages")
	Mono<List<Message>> history(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticketId,
			@RequestParam(required = false) String beforeSeq, @RequestParam(required = false) String limit) {
		return chat.history(user, PathIds.parse(ticketId, "Ticket"), QueryParams.longAtLeast("beforeSeq", beforeSeq, 1),
				QueryParams.intBetween("limit", limit, ChatService.DEFAULT_PAGE, 1, ChatService.MAX_PAGE));
	}

	@GetMapping("/reads")
	Flux<ReadMarks.ReadMark> reads(@AuthenticationPrincipal CurrentUser user, @PathVariable String ticketId) {
		return chat.reads(user, PathIds.parse(ticketId, "Ticket"));
	}

	@GetMapping("/presence")
	Mono<PresenceTracker.Presence> presence(@AuthenticationPrincipal CurrentUser user,
			@PathVariable String ticketId) {
		if (!user.isStaff()) {
			return Mono.error(ApiProblem.forbidden("Presence is for agents"));
		}
		UUID id = PathIds.parse(ticketId, "Ticket");
		return presence.presence(user, id);
	}

}
