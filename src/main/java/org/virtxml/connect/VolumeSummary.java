package org.virtxml.connect;

import java.util.Objects;

/** A storage volume: its pool, its name in the pool and libvirt's key (usually its path). */
public record VolumeSummary(String pool, String name, String key) {
    public VolumeSummary {
        Objects.requireNonNull(pool, "pool");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
    }
}
