package io.lifeline.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimingWheelTests {

	final TimingWheel wheel = new TimingWheel(10, 64, 0, 16);

	List<Long> advance(long to) {
		List<Long> fired = new ArrayList<>();
		wheel.advance(to, fired::add);
		return fired;
	}

	@Test
	void firesEachDeadlineOnceAtTheFirstTickAtOrAfterIt() {
		wheel.arm(1, 25);
		wheel.arm(2, 30);
		assertThat(advance(20)).isEmpty();
		assertThat(advance(30)).containsExactly(1L, 2L);
		assertThat(advance(1000)).isEmpty();
		assertThat(wheel.size()).isZero();
	}

	@Test
	void reArmingMovesADeadlineAndCancellingDropsIt() {
		wheel.arm(1, 50);
		wheel.arm(1, 200);
		wheel.arm(2, 60);
		wheel.cancel(2);
		assertThat(advance(100)).isEmpty();
		assertThat(advance(200)).containsExactly(1L);
		wheel.arm(3, 300);
		wheel.arm(3, 250);
		wheel.arm(3, 300);
		assertThat(advance(400)).containsExactly(3L);
	}

	@Test
	void keepsDeadlinesSeveralTurnsAway() {
		wheel.arm(7, 64 * 10 * 3 + 5);
		for (long t = 10; t < 64 * 10 * 3; t += 10) {
			assertThat(advance(t)).isEmpty();
		}
		assertThat(advance(64 * 10 * 3 + 10)).containsExactly(7L);
	}

	@Test
	void aDeadlineInThePastFiresAtTheNextTick() {
		advance(500);
		wheel.arm(9, 100);
		assertThat(advance(510)).containsExactly(9L);
	}

	@Test
	void catchesUpAfterALongPause() {
		for (long key = 1; key <= 100; key++) {
			wheel.arm(key, key * 37);
		}
		assertThat(advance(100_000)).hasSize(100);
	}

	@Test
	void holdsAMillionDeadlinesCompactly() {
		TimingWheel big = new TimingWheel(10, 4096, 0, 1_000_000);
		for (long key = 1; key <= 1_000_000; key++) {
			big.arm(key, key * 3);
		}
		assertThat(big.size()).isEqualTo(1_000_000);
		assertThat(big.memoryBytes() / 1_000_000).isLessThan(100);
	}

}
