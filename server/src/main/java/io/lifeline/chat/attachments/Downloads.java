package io.lifeline.chat.attachments;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.springframework.http.HttpHeaders;

/**
 * The headers an attachment is served with. Whatever the bytes hold, the browser is told exactly what they are and
 * not to guess ({@code nosniff}), text is always a download, and the response may not run script, load anything or
 * be framed into a page of Lifeline's (the {@code sandbox} policy), so an uploaded file is never a page on our origin.
 */
final class Downloads {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline';"
			+ " sandbox";

	static final String CACHE_CONTROL = "private, max-age=3600";

	private Downloads() {
	}

	static HttpHeaders headers(AttachmentRecord attachment) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONTENT_TYPE, attachment.type().contentTypeHeader());
		headers.setContentLength(attachment.size());
		headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(attachment));
		headers.set("X-Content-Type-Options", "nosniff");
		headers.set(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL);
		headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		headers.set("Cross-Origin-Resource-Policy", "same-origin");
		headers.setETag("\"" + HexFormat.of().formatHex(attachment.sha256()) + "\"");
		return headers;
	}

	/** {@code inline} for images and PDFs, {@code attachment} for text; the name as RFC 8187 UTF-8. */
	static String contentDisposition(AttachmentRecord attachment) {
		return (attachment.type().inline() ? "inline" : "attachment") + "; filename*=UTF-8''"
				+ encode(attachment.filename());
	}

	/** RFC 8187 {@code value-chars}: attr-char as is, every other byte of the UTF-8 as %XX. */
	static String encode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xff;
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| "!#$&+-.^_`|~".indexOf(c) >= 0) {
				out.append((char) c);
			}
			else {
				out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
			}
		}
		return out.toString();
	}

}
