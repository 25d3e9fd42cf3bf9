package org.virtxml.connect;

import java.util.Map;
import java.util.TreeMap;

/**
 * How many calls a connector made, per libvirt procedure (named as in remote_protocol.x without
 * {@code REMOTE_PROC_}, e.g. {@code DOMAIN_DEFINE_XML}). A snapshot: later calls do not change it.
 *
 * @param byProcedure calls per procedure name
 */
public record CallCounts(Map<String, Long> byProcedure) {
    public CallCounts {
        byProcedure = Map.copyOf(byProcedure);
    }

    /** Every call. */
    public long total() {
        return byProcedure.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Calls of one procedure (0 when it was never called). */
    public long of(String procedure) {
        return byProcedure.getOrDefault(procedure, 0L);
    }

    /** The calls made since {@code earlier} (a snapshot of the same connector). */
    public CallCounts since(CallCounts earlier) {
        Map<String, Long> delta = new TreeMap<>();
        byProcedure.forEach((procedure, count) -> {
            long d = count - earlier.of(procedure);
            if (d != 0) {
                delta.put(procedure, d);
            }
        });
        return new CallCounts(delta);
    }

    @Override
    public String toString() {
        return total() + " call(s) " + new TreeMap<>(byProcedure);
    }
}
