package org.virtxml.lint;

import java.util.Locale;
import java.util.Optional;

/** How bad a finding is, most severe first: {@code ERROR > WARNING > INFO}. */
public enum Severity {
    /** libvirt (or QEMU/KVM) would reject the document or fail to start it. */
    ERROR,
    /** Accepted, but almost certainly wrong or harmful. */
    WARNING,
    /** Advice. */
    INFO;

    /** The lower-case name used on the command line and in every output format. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True when this severity is {@code level} or more severe. */
    public boolean isAtLeast(Severity level) {
        return ordinal() <= level.ordinal();
    }

    /** Parses {@code error}, {@code warning} or {@code info} (any case). */
    public static Optional<Severity> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        for (Severity v : values()) {
            if (v.id().equalsIgnoreCase(s.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
