package io.lifeline.chat.attachments;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code attachments} without its bytes; {@code seq} orders uploads (0 until stored). */
record AttachmentRecord(UUID id, long seq, UUID ticketId, UUID uploaderId, UUID messageId, boolean internal,
		String filename, AttachmentType type, long size, byte[] sha256, Instant createdAt) {

	AttachmentView toView() {
		return new AttachmentView(id, filename, type.mediaType(), size, AttachmentView.url(id), internal);
	}

}
