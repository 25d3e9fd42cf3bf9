package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the command line's heap watcher collects: past its limit, and not twice within its interval. */
class HeapBoundTest {

    @Test
    void collectsOnlyPastTheLimitAndNotTooOften() {
        long over = HeapBound.LIMIT + 1;
        assertThat(HeapBound.collectNow(over, HeapBound.INTERVAL_MS)).isTrue();
        assertThat(HeapBound.collectNow(over, HeapBound.INTERVAL_MS * 10)).isTrue();
        assertThat(HeapBound.collectNow(HeapBound.LIMIT, HeapBound.INTERVAL_MS * 10))
                .as("at the limit")
                .isFalse();
        assertThat(HeapBound.collectNow(64L << 20, HeapBound.INTERVAL_MS * 10)).isFalse();
        assertThat(HeapBound.collectNow(over, HeapBound.INTERVAL_MS - 1))
                .as("within the interval")
                .isFalse();
    }

    @Test
    void limitLeavesRoomUnderTheGoalOf300MiB() {
        // the heap bound plus what a lint run holds outside the heap (about 110 MiB) stays under 300 MiB
        assertThat(HeapBound.LIMIT).isLessThanOrEqualTo(190L << 20);
        assertThat(HeapBound.DELAY_MS).isGreaterThanOrEqualTo(500);
    }
}
