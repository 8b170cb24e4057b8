package io.lifeline.chat.attachments;

import io.lifeline.system.ApiProblem;

/** The two problems uploads raise: too large (413) and a type that may not be attached (415). */
final class AttachmentProblems {

	private AttachmentProblems() {
	}

	static ApiProblem tooLarge(long maxBytes) {
		return ApiProblem.tooLarge(
				"A file may be at most " + maxBytes + " bytes (" + (maxBytes / (1024 * 1024)) + " MiB)");
	}

	static ApiProblem unsupportedType() {
		return ApiProblem.unsupportedMediaType("Only PNG, JPEG, GIF and WebP images, PDF documents and UTF-8 text "
				+ "files may be attached; the type is read from the file's content");
	}

}
