package org.virtxml.connect;

import java.util.Objects;
import java.util.UUID;

/**
 * A virtual network as a host lists it.
 *
 * @param active     true while the network runs (its bridge exists)
 * @param persistent false for a transient network (started without a stored definition)
 */
public record NetworkSummary(String name, UUID uuid, boolean active, boolean persistent) {
    public NetworkSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
    }
}
