package org.virtxml.connect;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts a connector's calls per procedure; safe for many threads. One per connector. */
public final class CallCounter {
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    /** Notes one call of {@code procedure}. */
    public void count(String procedure) {
        counts.computeIfAbsent(procedure, p -> new LongAdder()).increment();
    }

    /** The counts so far. */
    public CallCounts snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((procedure, n) -> copy.put(procedure, n.sum()));
        return new CallCounts(copy);
    }
}
