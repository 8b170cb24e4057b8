package io.lifeline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.lifeline.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The web client in real Chromium (Debian's, driven by playwright-core) against this running server: the script
 * {@code web-client/e2e/console.e2e.mjs} logs alice in to the ticket list, carol in to open a ticket that then
 * shows in her list, checks that ticket arrives in alice's open list live, over STOMP, without a reload, and has
 * carol and alice chat on it in two browser contexts, and has alice see carol's screen with her consent over a real
 * peer connection until carol revokes it.
 */
class BrowserIntegrationTests extends IntegrationTest {

	private static final Path WEB_CLIENT = Path.of("..", "web-client").toAbsolutePath().normalize();

	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");

	@Test
	void agentsAndCustomersWorkTheConsoleInABrowser() throws IOException, InterruptedException {
		assertThat(new File(CHROMIUM)).as("Chromium at %s (apt-get install chromium; .ci/run does)", CHROMIUM)
			.isFile();
		assertThat(WEB_CLIENT.resolve("node_modules/playwright-core"))
			.as("web-client dependencies (the web-client module's build runs npm ci)")
			.exists();
		Path output = Files.createTempFile("lifeline-e2e", ".log");
		ProcessBuilder builder = new ProcessBuilder("node", "e2e/console.e2e.mjs").directory(WEB_CLIENT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("LIFELINE_BASE_URL", baseUrl());
		builder.environment().put("CHROMIUM_PATH", CHROMIUM);
		Path artifacts = Path.of("target", "e2e").toAbsolutePath();
		builder.environment().put("E2E_ARTIFACT_DIR", artifacts.toString());
		Process process = builder.start();
		process.getOutputStream().close();
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		String log = Files.readString(output, StandardCharsets.UTF_8);
		if (!finished) {
			process.destroyForcibly();
		}
		assertThat(finished).as("the browser run finished within 5 minutes:%n%s", log).isTrue();
		assertThat(process.exitValue()).as("browser run output:%n%s", log).isZero();
		// A: alice sees the list; B: carol opens a ticket and finds it; C: it appears in alice's list live;
		// D: carol and alice chat: typing, messages both ways, a pasted screenshot shown as a thumbnail;
		// E: remote assistance: alice asks, carol consents and shares, frames decoded, a pointer mark, a revoke;
		// F: SLA: alice's countdowns tick, the list sorts by time to breach, sam saves a policy in the editor;
		// G: the wall board renders, moves live on a new ticket, opens with a read-only token; a screenshot is kept;
		// H: carol typing a known problem in the portal sees the matching article before submitting.
		assertThat(log).contains("8 passed, 0 failed");
		assertThat(artifacts.resolve("wallboard.png")).as("the wall board's screenshot").isNotEmptyFile();
	}

}
