package io.lifeline.chat.attachments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FilenamesTests {

	@ParameterizedTest(name = "{0} ({1}) -> {2}")
	@CsvSource(delimiter = '|', textBlock = """
			../../etc/passwd            | TEXT | passwd.txt
			..\\..\\windows\\win.ini    | TEXT | win.ini.txt
			C:\\Users\\carol\\shot.png  | PNG  | shot.png
			/var/log/app.log            | TEXT | app.log
			Site photo.JPEG             | JPEG | Site photo.JPEG
			notes.html                  | TEXT | notes.html.txt
			invoice.pdf.exe             | PDF  | invoice.pdf.exe.pdf
			report                      | PDF  | report.pdf
			.htaccess                   | TEXT | htaccess.txt
			...                         | PNG  | attachment.png
			'   '                       | GIF  | attachment.gif
			'a  b   c.gif'              | GIF  | a b c.gif
			'what?<is>this:"|*.txt'     | TEXT | what__is_this____.txt
			trailing dots...            | WEBP | trailing dots.webp
			""")
	void keepsOnlyASafeLastSegmentWithAMatchingExtension(String raw, AttachmentType type, String expected) {
		assertThat(Filenames.sanitize(raw, type)).isEqualTo(expected);
	}

	@Test
	void dropsControlAndFormattingCharacters() {
		assertThat(Filenames.sanitize("in\u0000voi\tce\r\n\u0007.pdf", AttachmentType.PDF)).isEqualTo("invoice.pdf");
		// A right-to-left override would show "invoice\u202Egpj.exe" as "invoiceexe.jpg".
		assertThat(Filenames.sanitize("invoice\u202Egpj.exe", AttachmentType.JPEG)).isEqualTo("invoicegpj.exe.jpg");
		assertThat(Filenames.sanitize("zero\u200Bwidth.txt", AttachmentType.TEXT)).isEqualTo("zerowidth.txt");
	}

	@Test
	void keepsUnicodeNamesNormalised() {
		assertThat(Filenames.sanitize("Bauplan Größe.pdf", AttachmentType.PDF)).isEqualTo("Bauplan Größe.pdf");
		assertThat(Filenames.sanitize("Cafe\u0301.png", AttachmentType.PNG)).isEqualTo("Caf\u00e9.png");
		assertThat(Filenames.sanitize("截图 1.png", AttachmentType.PNG)).isEqualTo("截图 1.png");
	}

	@Test
	void aMissingNameGetsAPlaceholder() {
		assertThat(Filenames.sanitize(null, AttachmentType.TEXT)).isEqualTo("attachment.txt");
	}

	@Test
	void longNamesAreCutToTwoHundredCharactersKeepingTheExtension() {
		String name = Filenames.sanitize("x".repeat(500) + ".png", AttachmentType.PNG);
		assertThat(name).hasSize(Filenames.MAX_LENGTH).endsWith("x.png");
		String emoji = Filenames.sanitize("😀".repeat(300) + ".txt", AttachmentType.TEXT);
		assertThat(emoji.codePointCount(0, emoji.length())).isEqualTo(Filenames.MAX_LENGTH);
		assertThat(emoji).endsWith("😀.txt");
		assertThat(Filenames.sanitize("a".repeat(300), AttachmentType.GIF)).hasSize(Filenames.MAX_LENGTH)
			.endsWith("a.gif");
	}

}
