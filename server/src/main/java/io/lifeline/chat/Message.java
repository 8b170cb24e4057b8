package io.lifeline.chat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.lifeline.chat.attachments.AttachmentView;
import io.lifeline.identity.Actor;

/**
 * A chat message as the contract shows it; {@code seq} is the seq of its {@code message.created} event in the
 * ticket's stream.
 */
public record Message(UUID id, UUID ticketId, long seq, Actor author, String body, boolean internal,
		String clientMessageId, Instant createdAt, List<AttachmentView> attachments) {

	/** What makes a message unique: its ticket and its client id. */
	static String key(UUID ticketId, String clientMessageId) {
		return ticketId + "/" + clientMessageId;
	}

	String key() {
		return key(ticketId, clientMessageId);
	}

	Message withAttachments(List<AttachmentView> files) {
		return new Message(id, ticketId, seq, author, body, internal, clientMessageId, createdAt, files);
	}

}
