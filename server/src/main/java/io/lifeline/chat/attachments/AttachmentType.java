package io.lifeline.chat.attachments;

import java.util.List;
import java.util.Optional;

/**
 * The kinds of file Lifeline accepts, as read from their bytes. Images and PDFs are shown in the browser; text is
 * always downloaded, so nothing a customer or an agent uploads can run as a page on Lifeline's origin.
 */
enum AttachmentType {

	PNG("image/png", true, "png"),

	JPEG("image/jpeg", true, "jpg", "jpeg", "jpe", "jfif"),

	GIF("image/gif", true, "gif"),

	WEBP("image/webp", true, "webp"),

	PDF("application/pdf", true, "pdf"),

	TEXT("text/plain", false, "txt", "log", "text");

	private final String mediaType;

	private final boolean inline;

	private final List<String> extensions;

	AttachmentType(String mediaType, boolean inline, String... extensions) {
		this.mediaType = mediaType;
		this.inline = inline;
		this.extensions = List.of(extensions);
	}

	/** What uploads and views report, and what the database stores. */
	String mediaType() {
		return mediaType;
	}

	/** The {@code Content-Type} of a download: text says it is UTF-8, so no browser guesses. */
	String contentTypeHeader() {
		return this == TEXT ? "text/plain;charset=UTF-8" : mediaType;
	}

	boolean inline() {
		return inline;
	}

	/** File name extensions that agree with this type, lower case; the first is the one a name gets if it has none. */
	List<String> extensions() {
		return extensions;
	}

	static Optional<AttachmentType> ofMediaType(String mediaType) {
		for (AttachmentType type : values()) {
			if (type.mediaType.equals(mediaType)) {
				return Optional.of(type);
			}
		}
		return Optional.empty();
	}

}
