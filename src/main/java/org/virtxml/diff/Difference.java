package org.virtxml.diff;

import java.util.Objects;

/**
 * One semantic difference between two libvirt documents: where, and the value on each side
 * ({@code left} from the first document, {@code right} from the second; null where that side has
 * nothing there). Elements are shown by their start tag, attributes and text by their value as written.
 */
public record Difference(String path, String left, String right) {
    public Difference {
        Objects.requireNonNull(path, "path");
    }

    /** The same difference seen from the other side. */
    public Difference swapped() {
        return new Difference(path, right, left);
    }

    /** {@code PATH: LEFT → RIGHT}, with {@code (absent)} for a missing side. */
    @Override
    public String toString() {
        return path + ": " + shown(left) + " → " + shown(right);
    }

    private static String shown(String v) {
        return v == null ? "(absent)" : v;
    }
}
