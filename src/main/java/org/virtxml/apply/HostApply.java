package org.virtxml.apply;

import java.util.Objects;
import java.util.Optional;

/**
 * What an apply did on one host of several: its report, or why the host could not be applied to at
 * all (no connection, the host's profile unreadable).
 *
 * @param uri    the host's connection URI, as given
 * @param report the apply's report, when the host could be read
 * @param error  why nothing was applied to the host, when it could not
 * @param waitFailure with {@code --wait}: the domain that did not run in time, and why
 */
public record HostApply(
        String uri, Optional<ApplyReport> report, Optional<String> error, Optional<String> waitFailure) {
    public HostApply {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(waitFailure, "waitFailure");
        if (report.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a host has either a report or an error");
        }
    }

    /** A host whose apply ran (to the end or to a lost connection). */
    static HostApply applied(String uri, ApplyReport report, Optional<String> waitFailure) {
        return new HostApply(uri, Optional.of(report), Optional.empty(), waitFailure);
    }

    /** A host that could not be applied to at all. */
    static HostApply failed(String uri, String error) {
        return new HostApply(uri, Optional.empty(), Optional.of(error), Optional.empty());
    }
}
