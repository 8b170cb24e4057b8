package io.lifeline.chat.attachments;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Tells what a file is from its bytes alone; what the client says it is and the name's extension play no part.
 * Images and PDFs are recognised by their signatures. Anything else is text only when it is valid UTF-8 with no
 * binary bytes (the WHATWG MIME Sniffing set: C0 controls other than tab, line feed, form feed, carriage return
 * and escape) and does not look like markup, so HTML, SVG and XML are refused along with executables, archives and
 * everything else.
 */
final class ContentTypeSniffer {

	/** How far into a text file markup is looked for: further than any browser ever sniffed. */
	static final int MARKUP_WINDOW = 1024;

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private static final byte[] JPEG = { (byte) 0xff, (byte) 0xd8, (byte) 0xff };

	private static final byte[] GIF87 = ascii("GIF87a");

	private static final byte[] GIF89 = ascii("GIF89a");

	private static final byte[] RIFF = ascii("RIFF");

	private static final byte[] WEBP = ascii("WEBPVP8");

	private static final byte[] PDF = ascii("%PDF-");

	private static final byte[] UTF8_BOM = { (byte) 0xef, (byte) 0xbb, (byte) 0xbf };

	private static final byte[] SHEBANG = ascii("#!");

	/** Tags that make a browser (or an old one's sniffer) treat text as a page or an image. */
	private static final List<byte[]> MARKUP = List.of(ascii("<html"), ascii("<head"), ascii("<body"),
			ascii("<script"), ascii("<svg"), ascii("<iframe"), ascii("<!doctype"), ascii("<?xml"));

	private ContentTypeSniffer() {
	}

	static Optional<AttachmentType> detect(byte[] data) {
		return detect(data, data.length);
	}

	/** The type of the first {@code length} bytes of {@code data}, or empty when it is not one Lifeline accepts. */
	static Optional<AttachmentType> detect(byte[] data, int length) {
		if (length <= 0) {
			return Optional.empty();
		}
		if (startsWith(data, length, 0, PNG)) {
			return Optional.of(AttachmentType.PNG);
		}
		if (startsWith(data, length, 0, JPEG)) {
			return Optional.of(AttachmentType.JPEG);
		}
		if (startsWith(data, length, 0, GIF87) || startsWith(data, length, 0, GIF89)) {
			return Optional.of(AttachmentType.GIF);
		}
		if (startsWith(data, length, 0, RIFF) && startsWith(data, length, 8, WEBP)) {
			return Optional.of(AttachmentType.WEBP);
		}
		if (startsWith(data, length, 0, PDF)) {
			return Optional.of(AttachmentType.PDF);
		}
		return isPlainText(data, length) ? Optional.of(AttachmentType.TEXT) : Optional.empty();
	}

	static boolean isPlainText(byte[] data, int length) {
		for (int i = 0; i < length; i++) {
			if (isBinary(data[i])) {
				return false;
			}
		}
		return isUtf8(data, length) && !startsWith(data, length, 0, SHEBANG) && !looksLikeMarkup(data, length);
	}

	/** A binary data byte as WHATWG MIME Sniffing defines it (NUL among them). */
	private static boolean isBinary(byte b) {
		return (b >= 0x00 && b <= 0x08) || b == 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f);
	}

	private static boolean isUtf8(byte[] data, int length) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(data, 0, length);
		CharBuffer out = CharBuffer.allocate(8192);
		while (true) {
			CoderResult result = decoder.decode(in, out, true);
			if (result.isError()) {
				return false;
			}
			out.clear();
			if (result.isUnderflow()) {
				return !decoder.flush(out).isError();
			}
		}
	}

	/**
	 * Markup at the start (after a byte order mark and white space, {@code <} then a letter, {@code !}, {@code ?} or
	 * {@code /}), or one of the tags that turn text into a page anywhere near it. {@code <34>} (syslog) is not markup.
	 */
	private static boolean looksLikeMarkup(byte[] data, int length) {
		int i = startsWith(data, length, 0, UTF8_BOM) ? UTF8_BOM.length : 0;
		while (i < length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r'
				|| data[i] == '\f')) {
			i++;
		}
		if (i + 1 < length && data[i] == '<') {
			byte next = data[i + 1];
			if ((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next == '!' || next == '?'
					|| next == '/') {
				return true;
			}
		}
		int window = Math.min(length, MARKUP_WINDOW);
		for (int at = 0; at < window; at++) {
			if (data[at] != '<') {
				continue;
			}
			for (byte[] tag : MARKUP) {
				if (startsWithIgnoringCase(data, window, at, tag)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] data, int length, int offset, byte[] prefix) {
		if (offset + prefix.length > length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (data[offset + i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean startsWithIgnoringCase(byte[] data, int length, int offset, byte[] lowerCasePrefix) {
		if (offset + lowerCasePrefix.length > length) {
			return false;
		}
		for (int i = 0; i < lowerCasePrefix.length; i++) {
			byte b = data[offset + i];
			byte lower = (b >= 'A' && b <= 'Z') ? (byte) (b + ('a' - 'A')) : b;
			if (lower != lowerCasePrefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
