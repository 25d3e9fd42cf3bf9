package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the command line's heap watcher collects: a long run's heap, then a committed heap grown past the limit. */
class HeapBoundTest {

    private static final long MIB = 1L << 20;
    private static final long LATER = HeapBound.INTERVAL_MS * 10;

    @Test
    void firstCollectionOnceTheHeapInUseShowsALongRun() {
        // G1 commits 384 MiB at start on these machines; a one-file run uses a few tens of MiB of it
        assertThat(HeapBound.collectNow(384 * MIB, 40 * MIB, 0, LATER)).isFalse();
        assertThat(HeapBound.collectNow(384 * MIB, HeapBound.ARM, 0, LATER)).isFalse();
        assertThat(HeapBound.collectNow(384 * MIB, HeapBound.ARM + 1, 0, LATER)).isTrue();
    }

    @Test
    void thenWhenTheCommittedHeapPassesTheLimitAndThreeTimesWhatWasKept() {
        long kept = 12 * MIB;
        assertThat(HeapBound.collectNow(HeapBound.LIMIT, 150 * MIB, kept, LATER))
                .as("at the limit")
                .isFalse();
        assertThat(HeapBound.collectNow(HeapBound.LIMIT + 1, 20 * MIB, kept, LATER))
                .isTrue();
        assertThat(HeapBound.collectNow(250 * MIB, 200 * MIB, 100 * MIB, LATER))
                .as("a run that keeps much: under three times what it kept")
                .isFalse();
        assertThat(HeapBound.collectNow(301 * MIB, 200 * MIB, 100 * MIB, LATER)).isTrue();
    }

    @Test
    void neverTwiceWithinTheInterval() {
        assertThat(HeapBound.collectNow(384 * MIB, 300 * MIB, 0, HeapBound.INTERVAL_MS - 1))
                .isFalse();
        assertThat(HeapBound.collectNow(384 * MIB, 300 * MIB, 12 * MIB, HeapBound.INTERVAL_MS - 1))
                .isFalse();
    }
}
