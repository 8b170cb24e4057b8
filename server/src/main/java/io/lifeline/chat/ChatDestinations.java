package io.lifeline.chat;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.lifeline.identity.CurrentUser;
import io.lifeline.realtime.stomp.StompSendHandler;
import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * STOMP SEND destinations of chat: {@code /app/tickets.{id}/messages}, {@code /typing} and {@code /read}. Bodies
 * are JSON, checked like the REST ones; a bad one is an ERROR frame with the problem's detail.
 */
@Component
class ChatDestinations implements StompSendHandler {

	private static final Pattern DESTINATION = Pattern.compile(
			"^/app/tickets\\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(messages|typing|read)$");

	private final ChatService chat;

	private final JsonMapper json;

	ChatDestinations(ChatService chat, JsonMapper json) {
		this.chat = chat;
		this.json = json;
	}

	@Override
	public boolean handles(String destination) {
		return DESTINATION.matcher(destination).matches();
	}

	@Override
	public Mono<Void> handle(CurrentUser user, String destination, byte[] body) {
		Matcher matcher = DESTINATION.matcher(destination);
		if (!matcher.matches()) {
			return Mono.error(ApiProblem.notFound("Destination " + destination));
		}
		UUID ticketId = UUID.fromString(matcher.group(1));
		return Mono.defer(() -> switch (matcher.group(2)) {
			case "messages" -> chat.send(user, ticketId, read(body, SendMessage.class)).then();
			case "typing" -> {
				Typing typing = read(body, Typing.class);
				yield chat.typing(user, ticketId, Boolean.TRUE.equals(typing.typing()),
						Boolean.TRUE.equals(typing.internal()));
			}
			default -> {
				Read read = read(body, Read.class);
				if (read.seq() == null || read.seq() < 0) {
					throw ApiProblem.badRequest("seq", "must be a seq of 0 or more");
				}
				yield chat.read(user, ticketId, read.seq());
			}
		});
	}

	private <T> T read(byte[] body, Class<T> type) {
		try {
			return json.readValue(body, type);
		}
		catch (JacksonException ex) {
			throw ApiProblem.badRequest("body", "is not a valid " + type.getSimpleName() + ": "
					+ ex.getOriginalMessage());
		}
	}

	record Typing(Boolean typing, Boolean internal) {
	}

	record Read(Long seq) {
	}

}
