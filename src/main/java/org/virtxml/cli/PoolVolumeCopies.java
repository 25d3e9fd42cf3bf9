package org.virtxml.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.virtxml.connect.Connector;
import org.virtxml.connect.StoragePoolState;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.edit.Change;
import org.virtxml.edit.DiskCopy;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/**
 * {@code clone --connect}: makes the clone's disk images on the host with libvirt's volume clone
 * ({@code virStorageVolCreateXMLFrom}, STORAGE_VOL_CREATE_XML_FROM) for every copy whose source is
 * a volume of a storage pool: a {@code <source pool volume>} disk, or a file whose path a pool's
 * volumes list. The new volume keeps the source's format and goes to the pool whose folder holds
 * the new path (for a pool volume: the same pool). A copy outside any pool is left to the user
 * with its command. There is no progress figure: libvirt reports none for this call, so a line
 * names each copy before it starts.
 */
final class PoolVolumeCopies {
    private final Connector host;

    PoolVolumeCopies(Connector host) {
        this.host = host;
    }

    /** A pool volume: its pool and its name. */
    private record PoolVolume(String pool, String volume) {}

    /**
     * Makes every copy it can, in order; {@code started} is told before each one. The lines say
     * what was made and what the user must still copy.
     */
    List<Change> copy(List<DiskCopy> copies, java.util.function.Consumer<String> started) throws EditRefusedException {
        List<Change> lines = new ArrayList<>();
        List<String> cloned = new ArrayList<>();
        List<StoragePoolSummary> pools = host.listStoragePools();
        for (DiskCopy c : copies) {
            Optional<PoolVolume> source = sourceVolume(c, pools);
            Optional<String> targetPool = source.isEmpty() ? Optional.empty() : targetPool(c, source.get(), pools);
            if (targetPool.isEmpty()) {
                lines.add(new Change(
                        c.path(),
                        (source.isEmpty()
                                        ? "not a volume of an active storage pool"
                                        : "the new path is in no storage pool's folder")
                                + ": " + c.instruction()));
                continue;
            }
            String name = c.kind() == DiskCopy.Kind.POOL_VOLUME
                    ? c.destination()
                    : c.destination().substring(c.destination().lastIndexOf('/') + 1);
            started.accept(c.target() + ": copying volume " + source.get().volume() + " of pool "
                    + source.get().pool() + " to " + name + " of pool " + targetPool.get() + " on the host ...");
            try {
                VolumeSummary made = host.cloneVolume(
                        targetPool.get(),
                        volumeXml(name, source.get()),
                        source.get().pool(),
                        source.get().volume());
                lines.add(new Change(
                        c.path(),
                        "volume " + made.name() + " of pool " + made.pool() + " (" + made.key() + ") cloned from "
                                + source.get().volume() + " on the host"));
                cloned.add(made.pool() + "/" + made.name());
            } catch (org.virtxml.connect.ConnectorException e) {
                throw new EditRefusedException("cloning volume " + source.get().volume() + " of pool "
                        + source.get().pool() + " failed: " + e.getMessage()
                        + (cloned.isEmpty()
                                ? ""
                                : " (the volumes already cloned stay: " + String.join(", ", cloned) + ")"));
            }
        }
        return lines;
    }

    private Optional<PoolVolume> sourceVolume(DiskCopy c, List<StoragePoolSummary> pools) {
        if (c.kind() == DiskCopy.Kind.POOL_VOLUME) {
            boolean active =
                    pools.stream().anyMatch(p -> p.name().equals(c.pool()) && p.state() == StoragePoolState.RUNNING);
            return active ? Optional.of(new PoolVolume(c.pool(), c.source())) : Optional.empty();
        }
        for (StoragePoolSummary p : pools) {
            if (p.state() != StoragePoolState.RUNNING) {
                continue;
            }
            for (VolumeSummary v : host.listVolumes(p.name())) {
                if (v.key().equals(c.source())) {
                    return Optional.of(new PoolVolume(p.name(), v.name()));
                }
            }
        }
        return Optional.empty();
    }

    /** The pool of the new volume: the source's for a pool volume, else the active pool whose folder holds the new path. */
    private Optional<String> targetPool(DiskCopy c, PoolVolume source, List<StoragePoolSummary> pools) {
        if (c.kind() == DiskCopy.Kind.POOL_VOLUME) {
            return Optional.of(source.pool());
        }
        String dir = c.destination().substring(0, Math.max(0, c.destination().lastIndexOf('/')));
        for (StoragePoolSummary p : pools) {
            if (p.state() == StoragePoolState.RUNNING && dir.equals(targetPath(p.name()))) {
                return Optional.of(p.name());
            }
        }
        return Optional.empty();
    }

    private String targetPath(String pool) {
        Pool p = host.storagePoolDocument(pool).root();
        if (p.getTarget() == null
                || p.getTarget().getPath() == null
                || p.getTarget().getPath().getText() == null) {
            return null;
        }
        String path = p.getTarget().getPath().getText().trim();
        return path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    }

    /** The new volume: its name and the source's format (libvirt takes the capacity from the source). */
    private String volumeXml(String name, PoolVolume source) {
        Volume v = host.volumeDocument(source.pool(), source.volume()).root();
        String format = v.getTarget() == null || v.getTarget().getFormat() == null
                ? null
                : v.getTarget().getFormat().getType();
        return "<volume><name>" + xmlText(name) + "</name>"
                + (format == null ? "" : "<target><format type='" + xmlText(format) + "'/></target>") + "</volume>";
    }

    private static String xmlText(String s) {
        return s.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace("'", "&apos;")
                .replace("\"", "&quot;");
    }
}
