package org.virtxml.connect;

import java.util.Objects;
import java.util.UUID;

/**
 * A domain as a host lists it.
 *
 * @param id libvirt's runtime id, {@code -1} while the domain is not running
 * @param persistent false for a transient domain (running, with no stored definition)
 */
public record DomainSummary(String name, UUID uuid, int id, DomainState state, boolean persistent) {
    public DomainSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(state, "state");
    }
}
