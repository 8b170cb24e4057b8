package io.lifeline.chat.attachments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import javax.imageio.ImageIO;

/** Files of every kind the tests upload: real images made here, and the things that must be refused. */
final class Samples {

	private Samples() {
	}

	static byte[] png() {
		return image("png");
	}

	static byte[] jpeg() {
		return image("jpeg");
	}

	static byte[] gif() {
		return image("gif");
	}

	/** A WebP container header with a lossless chunk: enough for anything that reads signatures. */
	static byte[] webp() {
		byte[] chunk = { 'V', 'P', '8', 'L', 5, 0, 0, 0, 0x2f, 0, 0, 0, 0, 0 };
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
		int size = 4 + chunk.length;
		out.writeBytes(new byte[] { (byte) size, 0, 0, 0 });
		out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
		out.writeBytes(chunk);
		return out.toByteArray();
	}

	static byte[] pdf() {
		return utf8("""
				%PDF-1.4
				1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
				2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj
				trailer << /Root 1 0 R >>
				%%EOF
				""");
	}

	static byte[] log() {
		return utf8("""
				2026-11-22T08:00:00Z INFO  Sync started for project "Harbor Bridge" (Größe: 3 MB) ✓
				2026-11-22T08:00:03Z ERROR \u001b[31mRFI-1042 upload failed\u001b[0m: timeout after 30 s
				\tat io.example.Sync.run(Sync.java:42)
				""");
	}

	static byte[] html() {
		return utf8("<!DOCTYPE html><html><body><script>alert(document.domain)</script></body></html>");
	}

	static byte[] svg() {
		return utf8("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"><circle r=\"5\"/></svg>");
	}

	static byte[] zip() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(out)) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write(utf8("hello"));
			zip.closeEntry();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	/** Exactly {@code size} bytes of log lines. */
	static byte[] text(int size) {
		byte[] line = utf8("2026-11-22T08:00:00Z DEBUG heartbeat ok\n");
		byte[] data = new byte[size];
		for (int i = 0; i < size; i++) {
			data[i] = line[i % line.length];
		}
		return data;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] image(String format) {
		BufferedImage image = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
		image.setRGB(1, 1, 0xff8800);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, format, out)) {
				throw new IllegalStateException("No ImageIO writer for " + format);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

}
