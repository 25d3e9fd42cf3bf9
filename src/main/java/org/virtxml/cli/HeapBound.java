package org.virtxml.cli;

/**
 * Keeps the heap of a long run of the command line near what the run keeps, under the G1
 * collector that {@code java -jar} gets by default. G1 commits 1/64 of the RAM at start and lets
 * its young generation grow into it, and past it, while its pauses stay short: a lint of
 * thousands of files that keeps 10 to 40 MiB then touches hundreds. A jar cannot choose its
 * collector or its heap size, so this watches from inside, with {@link Runtime}'s figures only
 * (no management beans to load). Once the heap in use passes {@link #ARM} (a one-file run never
 * gets there), the heap is collected in full, and G1 gives back what it does not need (by the
 * JVM's {@code MaxHeapFreeRatio}); from then on it is collected again whenever the committed heap
 * has grown past {@link #LIMIT} and three times what the last such collection kept, at most once
 * per {@link #INTERVAL_MS}. The launcher, which chooses the serial collector (a heap that stays
 * small by itself), turns this off with {@code -Dvirtxml.heapBound=false}.
 */
final class HeapBound implements Runnable {

    /** The heap in use past which a run is a long one: its heap is collected a first time. */
    static final long ARM = 64L << 20;

    /** The committed heap past which the heap is collected again. */
    static final long LIMIT = 160L << 20;

    /** The shortest time between two collections asked for here. */
    static final long INTERVAL_MS = 1000;

    /** How often the heap in use is looked at. */
    private static final long POLL_MS = 50;

    private HeapBound() {}

    /** Starts watching in a daemon thread of its own, unless turned off; returns at once. */
    static void start() {
        if ("false".equals(System.getProperty("virtxml.heapBound"))) {
            return;
        }
        // a class of its own, not a lambda: a verb that uses none does not pay for their bootstrap
        Thread t = new Thread(new HeapBound(), "virtxml-heap-bound");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Whether to collect the heap now, with {@code committed} and {@code used} bytes of heap:
     * before the first collection asked for here ({@code kept} 0), once the heap in use passes
     * {@link #ARM}; after it, once the committed heap passes {@link #LIMIT} and three times
     * {@code kept} (what the last one left in use); and never within {@link #INTERVAL_MS} of the last.
     */
    static boolean collectNow(long committed, long used, long kept, long msSinceLast) {
        if (msSinceLast < INTERVAL_MS) {
            return false;
        }
        return kept == 0 ? used > ARM : committed > Math.max(LIMIT, 3 * kept);
    }

    @Override
    public void run() {
        Runtime runtime = Runtime.getRuntime();
        long kept = 0;
        long last = System.nanoTime() - INTERVAL_MS * 1_000_000;
        try {
            while (true) {
                Thread.sleep(POLL_MS);
                long since = (System.nanoTime() - last) / 1_000_000;
                long committed = runtime.totalMemory();
                if (collectNow(committed, committed - runtime.freeMemory(), kept, since)) {
                    runtime.gc();
                    kept = Math.max(1, runtime.totalMemory() - runtime.freeMemory());
                    last = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
