package io.lifeline.chat.attachments;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

import io.lifeline.system.ApiProblem;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;

/**
 * Reads an upload ({@code file}, and optionally {@code internal}) as it streams in, copying the file into memory
 * with a hard limit: the byte after the limit fails the upload with 413 and stops reading, so a request never holds
 * more than one file's worth, whatever it claims or sends. One reader per request; signals arrive one at a time.
 */
final class UploadReader {

	static final String FILE = "file";

	static final String INTERNAL = "internal";

	private static final int INITIAL_CAPACITY = 64 * 1024;

	private final int maxBytes;

	private final boolean mayMarkInternal;

	private final MessageDigest sha256;

	private byte[] buffer;

	private int size;

	private boolean partStarts = true;

	private boolean sawFile;

	private String filename;

	private Boolean internal;

	/**
	 * @param sizeHint the request's Content-Length when it sent one (at most a little over {@code maxBytes}), to
	 * size the buffer once
	 */
	UploadReader(int maxBytes, boolean mayMarkInternal, long sizeHint) {
		this.maxBytes = maxBytes;
		this.mayMarkInternal = mayMarkInternal;
		this.buffer = new byte[(int) Math.clamp(sizeHint, INITIAL_CAPACITY, maxBytes)];
		try {
			this.sha256 = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}

	Mono<Upload> read(Flux<PartEvent> parts) {
		return parts.doOnNext(this::accept)
			.doOnDiscard(PartEvent.class, event -> DataBufferUtils.release(event.content()))
			.then(Mono.fromCallable(this::finish));
	}

	private void accept(PartEvent event) {
		try {
			boolean first = partStarts;
			partStarts = event.isLast();
			String name = event.name();
			if (FILE.equals(name) && event instanceof FilePartEvent file) {
				if (first) {
					if (sawFile) {
						throw ApiProblem.badRequest(FILE, "only one file per upload");
					}
					sawFile = true;
					filename = file.filename();
				}
				append(event.content());
			}
			else if (INTERNAL.equals(name) && event instanceof FormPartEvent form) {
				if (internal != null) {
					throw ApiProblem.badRequest(INTERNAL, "given more than once");
				}
				internal = parseInternal(form.value());
			}
			else if (FILE.equals(name)) {
				throw ApiProblem.badRequest(FILE, "must be a file part (with a filename)");
			}
			else {
				throw ApiProblem.badRequest(name == null ? "body" : name,
						"unknown part; allowed: " + FILE + ", " + INTERNAL);
			}
		}
		finally {
			DataBufferUtils.release(event.content());
		}
	}

	private Boolean parseInternal(String value) {
		boolean flag = switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "true" -> true;
			case "false" -> false;
			default -> throw ApiProblem.badRequest(INTERNAL, "must be true or false");
		};
		if (flag && !mayMarkInternal) {
			throw ApiProblem.forbidden("Only agents and supervisors may upload internal attachments");
		}
		return flag;
	}

	private void append(DataBuffer content) {
		int length = content.readableByteCount();
		if (length > maxBytes - size) {
			throw AttachmentProblems.tooLarge(maxBytes);
		}
		if (size + length > buffer.length) {
			buffer = Arrays.copyOf(buffer, (int) Math.min(maxBytes, Math.max(2L * buffer.length, size + length)));
		}
		content.read(buffer, size, length);
		sha256.update(buffer, size, length);
		size += length;
	}

	private Upload finish() {
		if (!sawFile) {
			throw ApiProblem.badRequest(FILE, "is required: a multipart part named '" + FILE + "' with the file");
		}
		if (size == 0) {
			throw ApiProblem.badRequest(FILE, "is empty");
		}
		byte[] data = size == buffer.length ? buffer : Arrays.copyOf(buffer, size);
		buffer = null;
		return new Upload(filename, data, sha256.digest(), Boolean.TRUE.equals(internal));
	}

}
