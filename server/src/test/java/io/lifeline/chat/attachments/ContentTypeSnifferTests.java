package io.lifeline.chat.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ContentTypeSnifferTests {

	static Stream<Arguments> accepted() {
		return Stream.of(
				Arguments.of("png", Samples.png(), AttachmentType.PNG),
				Arguments.of("png signature only", bytes(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'),
						AttachmentType.PNG),
				Arguments.of("jpeg", Samples.jpeg(), AttachmentType.JPEG),
				Arguments.of("jpeg signature", bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 'J', 'F', 'I', 'F'),
						AttachmentType.JPEG),
				Arguments.of("gif89a", Samples.gif(), AttachmentType.GIF),
				Arguments.of("gif87a", ascii("GIF87a\u0001\u0000\u0001\u0000"), AttachmentType.GIF),
				Arguments.of("webp", Samples.webp(), AttachmentType.WEBP),
				Arguments.of("pdf", Samples.pdf(), AttachmentType.PDF),
				Arguments.of("log with UTF-8, tabs and ANSI colours", Samples.log(), AttachmentType.TEXT),
				Arguments.of("one character", ascii("x"), AttachmentType.TEXT),
				Arguments.of("UTF-8 with a byte order mark", concat(bytes(0xef, 0xbb, 0xbf), Samples.utf8("héllo\r\n")),
						AttachmentType.TEXT),
				Arguments.of("syslog priority is not markup", ascii("<34>Oct 11 22:14:15 host app: started\n"),
						AttachmentType.TEXT),
				Arguments.of("a less-than sign in text", ascii("  < 5 seconds\n"), AttachmentType.TEXT),
				Arguments.of("CJK and emoji", Samples.utf8("工单已解决 🎉\n"), AttachmentType.TEXT),
				Arguments.of("markup far into a long log",
						concat(Samples.text(ContentTypeSniffer.MARKUP_WINDOW), ascii("<html><script>x</script>")),
						AttachmentType.TEXT));
	}

	static Stream<Arguments> refused() {
		return Stream.of(
				Arguments.of("empty", new byte[0]),
				Arguments.of("html", Samples.html()),
				Arguments.of("html without doctype, after white space", ascii("\n\n  <html><body>hi</body></html>")),
				Arguments.of("svg", Samples.svg()),
				Arguments.of("svg with an xml prolog", ascii("<?xml version=\"1.0\"?>\n<svg xmlns=\"x\"/>")),
				Arguments.of("svg after a byte order mark", concat(bytes(0xef, 0xbb, 0xbf), Samples.svg())),
				Arguments.of("a closing tag first", ascii("</title><script>alert(1)</script>")),
				Arguments.of("html comment", ascii("<!-- x --><p>hi</p>")),
				Arguments.of("script tag after some text", ascii("Hello\n<SCRIPT>alert(1)</SCRIPT>")),
				Arguments.of("zip", Samples.zip()),
				Arguments.of("empty zip", bytes('P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
				Arguments.of("elf executable", bytes(0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0)),
				Arguments.of("windows executable", bytes('M', 'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff)),
				Arguments.of("shell script", ascii("#!/bin/sh\nrm -rf /\n")),
				Arguments.of("NUL byte in text", ascii("abc\u0000def")),
				Arguments.of("other control byte in text", ascii("abc\u0007def")),
				Arguments.of("invalid UTF-8", bytes('a', 0xc3, 0x28, 'b')),
				Arguments.of("Latin-1 text", "café".getBytes(StandardCharsets.ISO_8859_1)),
				Arguments.of("truncated UTF-8 at the end", bytes('a', 0xe2, 0x82)),
				Arguments.of("UTF-8 encoded surrogate", bytes(0xed, 0xa0, 0x80)),
				Arguments.of("overlong UTF-8", bytes(0xc0, 0xaf)),
				Arguments.of("UTF-16 with a byte order mark", "hello".getBytes(StandardCharsets.UTF_16)),
				Arguments.of("truncated png signature", bytes(0x89, 'P', 'N', 'G')),
				Arguments.of("riff that is not webp", ascii("RIFF\u0004\u0000\u0000\u0000WAVEfmt ")),
				Arguments.of("gzip", bytes(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("accepted")
	void recognisesWhatItAccepts(String name, byte[] data, AttachmentType expected) {
		assertThat(ContentTypeSniffer.detect(data)).contains(expected);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refused")
	void refusesEverythingElse(String name, byte[] data) {
		assertThat(ContentTypeSniffer.detect(data)).isEmpty();
	}

	@Test
	void looksOnlyAtTheGivenLength() {
		byte[] padded = Arrays.copyOf(ascii("plain text"), 64);
		assertThat(ContentTypeSniffer.detect(padded)).isEmpty();
		assertThat(ContentTypeSniffer.detect(padded, "plain text".length())).contains(AttachmentType.TEXT);
	}

	private static byte[] bytes(int... values) {
		byte[] bytes = new byte[values.length];
		for (int i = 0; i < values.length; i++) {
			bytes[i] = (byte) values[i];
		}
		return bytes;
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
