package io.lifeline.wallboard;

import static io.lifeline.wallboard.History.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.scheduler.VirtualTimeScheduler;

/** 1,000 ticket changes in one second give at most four wall-board pushes, and the last one is exact. */
class PushCoalescerTests {

	@Test
	void aThousandChangesInASecondPushAtMostFourTimesAndTheLastIsExact() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		History history = new History();
		KpiBoard board = new KpiBoard();
		List<WallboardSnapshot> pushed = new ArrayList<>();
		List<Long> pushedAtMillis = new ArrayList<>();
		PushCoalescer pushes = new PushCoalescer(Duration.ofMillis(250), time, () -> Mono.fromRunnable(() -> {
			pushedAtMillis.add(time.now(java.util.concurrent.TimeUnit.MILLISECONDS));
			pushed.add(board.read(view -> WallboardFigures.snapshot(view, List.of(), at(120), Duration.ofDays(1))));
		}));
		UUID carol = UUID.randomUUID();
		for (int i = 0; i < 1000; i++) {
			var t = history.ticket(UUID.randomUUID(), "Change " + i, "P" + (1 + i % 4), "NEW", carol, null,
					List.of(), at(0).plusMillis(i));
			history.created(t);
			board.apply(history.events.getLast());
			pushes.changed();
			time.advanceTimeBy(Duration.ofNanos(999_000)); // 1,000 changes spread over 999 ms
		}
		time.advanceTimeBy(Duration.ofSeconds(5));

		assertThat(pushed).hasSizeBetween(1, 4);
		for (int i = 1; i < pushedAtMillis.size(); i++) {
			assertThat(pushedAtMillis.get(i) - pushedAtMillis.get(i - 1)).isGreaterThanOrEqualTo(250);
		}
		WallboardSnapshot last = pushed.getLast();
		assertThat(last.openTotal()).isEqualTo(1000);
		assertThat(last.openByPriority()).containsEntry("P1", 250L).containsEntry("P4", 250L);
		assertThat(last.unassigned()).isEqualTo(1000);
		Instant now = at(120);
		assertThat(last).isEqualTo(
				board.read(view -> WallboardFigures.snapshot(view, List.of(), now, Duration.ofDays(1))));
	}

	@Test
	void aChangeDuringAPushGetsAPushOfItsOwn() {
		VirtualTimeScheduler time = VirtualTimeScheduler.create();
		List<Integer> seen = new ArrayList<>();
		int[] state = { 0 };
		PushCoalescer[] holder = new PushCoalescer[1];
		holder[0] = new PushCoalescer(Duration.ofMillis(250), time, () -> Mono.fromRunnable(() -> {
			seen.add(state[0]);
			if (state[0] == 1) {
				state[0] = 2; // lands while the first push runs
				holder[0].changed();
			}
		}));
		state[0] = 1;
		holder[0].changed();
		time.advanceTimeBy(Duration.ofSeconds(2));

		assertThat(seen).containsExactly(1, 2);
	}

}
