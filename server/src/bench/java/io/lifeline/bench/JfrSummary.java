package io.lifeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/** Where the server spent its CPU: the top frames of a JFR recording's execution samples (self time). */
final class JfrSummary {

	private JfrSummary() {
	}

	static List<String> top(Path recording, int count) throws IOException {
		if (!Files.exists(recording)) {
			return List.of("(no recording at " + recording + ")");
		}
		Map<String, Integer> self = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
			if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null
					|| event.getStackTrace().getFrames().isEmpty()) {
				continue;
			}
			samples++;
			RecordedFrame frame = event.getStackTrace().getFrames().get(0);
			self.merge(frame.getMethod().getType().getName() + "." + frame.getMethod().getName(), 1, Integer::sum);
		}
		int total = samples;
		List<String> lines = new ArrayList<>();
		self.entrySet()
			.stream()
			.sorted((a, b) -> b.getValue() - a.getValue())
			.limit(count)
			.forEach(e -> lines.add(Report.fmt("%5.1f %%  %s", 100.0 * e.getValue() / total, e.getKey())));
		lines.add(Report.fmt("(%,d samples; recording %s)", total, recording));
		return lines;
	}

}
