package io.lifeline.chat.attachments;

import java.util.UUID;

/**
 * An attachment as the API shows it: {@code {id, filename, contentType, size, url, internal}}. {@code url} is where
 * its bytes are ({@code GET /api/attachments/{id}}, with the caller's token).
 */
public record AttachmentView(UUID id, String filename, String contentType, long size, String url, boolean internal) {

	static String url(UUID id) {
		return "/api/attachments/" + id;
	}

}
