package org.virtxml.cli;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Keeps the heap of a long run of the command line near what the run keeps, under the G1
 * collector that {@code java -jar} gets by default. G1 commits 1/64 of the RAM at start and lets
 * its young generation grow into it, and past it, while its pauses stay short: a lint of
 * thousands of files that keeps 10 to 40 MiB then touches hundreds. A jar cannot choose its
 * collector or its heap size, so this watches from inside: a run still going after
 * {@link #DELAY_MS} has its heap collected once (G1 then gives back what it does not need, by the
 * JVM's {@code MaxHeapFreeRatio}), and again whenever the committed heap has grown past
 * {@link #LIMIT}, at most once per {@link #INTERVAL_MS}. A short run (one file) ends before the
 * delay and pays for a sleeping thread only; other collectors (the launcher's serial one, which
 * stays small by itself) are left alone.
 */
final class HeapBound {

    /** How long a run goes before its heap is watched. */
    static final long DELAY_MS = 1000;

    /** The committed heap past which the heap is collected again. */
    static final long LIMIT = 160L << 20;

    /** The shortest time between two collections asked for here. */
    static final long INTERVAL_MS = 1000;

    /** How often the committed heap is looked at. */
    private static final long POLL_MS = 100;

    private HeapBound() {}

    /** Starts watching in a daemon thread of its own; returns at once. */
    static void start() {
        Thread t = new Thread(HeapBound::watch, "virtxml-heap-bound");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Whether to collect the heap now: it has grown past the limit, and the last collection asked
     * for here was at least {@link #INTERVAL_MS} ago.
     */
    static boolean collectNow(long committedBytes, long msSinceLastCollection) {
        return committedBytes > LIMIT && msSinceLastCollection >= INTERVAL_MS;
    }

    private static void watch() {
        try {
            Thread.sleep(DELAY_MS);
            if (!usesG1()) {
                return;
            }
            MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            memory.gc();
            long last = System.nanoTime();
            while (true) {
                Thread.sleep(POLL_MS);
                long since = (System.nanoTime() - last) / 1_000_000;
                if (collectNow(memory.getHeapMemoryUsage().getCommitted(), since)) {
                    memory.gc();
                    last = System.nanoTime();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean usesG1() {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc.getName().startsWith("G1 ")) {
                return true;
            }
        }
        return false;
    }
}
