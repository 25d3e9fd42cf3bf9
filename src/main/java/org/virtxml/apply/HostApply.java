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
 */
public record HostApply(String uri, Optional<ApplyReport> report, Optional<String> error) {
    public HostApply {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(error, "error");
        if (report.isPresent() == error.isPresent()) {
            throw new IllegalArgumentException("a host has either a report or an error");
        }
    }
}
