package org.virtxml.edit.storage;

import java.util.Objects;
import org.virtxml.model.DataSize;
import org.virtxml.model.Names;
import org.virtxml.model.Unit;

/**
 * A storage volume to define: name, capacity, and optionally allocation (how much to allocate up
 * front; 0 for a sparse image), target format ({@code qcow2}, {@code raw}, ...) and permissions.
 */
public record VolumeSpec(String name, DataSize capacity, DataSize allocation, String format, Permissions permissions) {
    public VolumeSpec {
        Objects.requireNonNull(name, "name");
        Names.requireValid(name, "volume");
        if (name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("a volume name must not be '.' or '..'");
        }
        Objects.requireNonNull(capacity, "capacity");
        if (capacity.bytes(Unit.BYTES).isEmpty()) {
            throw new IllegalArgumentException("capacity is not a size libvirt reads: " + capacity);
        }
        if (allocation != null && allocation.bytes(Unit.BYTES).isEmpty()) {
            throw new IllegalArgumentException("allocation is not a size libvirt reads: " + allocation);
        }
    }

    public static VolumeSpec of(String name, DataSize capacity) {
        return new VolumeSpec(name, capacity, null, null, null);
    }

    public VolumeSpec withAllocation(DataSize a) {
        return new VolumeSpec(name, capacity, a, format, permissions);
    }

    public VolumeSpec withFormat(String f) {
        return new VolumeSpec(name, capacity, allocation, f, permissions);
    }

    public VolumeSpec withPermissions(Permissions p) {
        return new VolumeSpec(name, capacity, allocation, format, p);
    }
}
