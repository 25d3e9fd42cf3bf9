package org.virtxml.connect;

import java.util.Objects;
import java.util.UUID;

/** A storage pool as a host lists it. */
public record StoragePoolSummary(String name, UUID uuid, StoragePoolState state) {
    public StoragePoolSummary {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(state, "state");
    }

    public boolean active() {
        return state != StoragePoolState.INACTIVE;
    }
}
