package org.virtxml.lint.checks;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.ModelElement;
import org.virtxml.model.checkpoint.DomainCheckpoint;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.snapshot.DomainSnapshot;

/**
 * Snapshot and checkpoint rules from libvirt's virDomainSnapshotAlignDisks and
 * virDomainCheckpointAlignDisks: every {@code <disk name>} names a disk of the embedded domain
 * (by target or by source path), and only once (rules "Other kinds").
 */
final class SnapshotChecks {

    private SnapshotChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("snapshot-disk-unknown", DomainSnapshot.class, (s, out) -> {
                    if (s.getDisks() != null) {
                        disks(
                                s.getDomain(),
                                Model.list(s.getDisks().getDisk()).stream()
                                        .map(d -> new Named(d, d.getName()))
                                        .toList(),
                                out);
                    }
                }),
                RuleCheck.of("snapshot-disk-unknown", DomainCheckpoint.class, (c, out) -> {
                    if (c.getDisks() != null) {
                        disks(
                                c.getDomain(),
                                Model.list(c.getDisks().getDisk()).stream()
                                        .map(d -> new Named(d, d.getName()))
                                        .toList(),
                                out);
                    }
                }));
    }

    /** A snapshot's or checkpoint's {@code <disk>} and its {@code name}. */
    private record Named(ModelElement disk, String name) {}

    private static void disks(Domain domain, List<Named> disks, Consumer<Finding> out) {
        Set<String> seen = new HashSet<>();
        for (Named d : disks) {
            if (d.name() == null) {
                out.accept(Finding.at(
                        d.disk(),
                        "a <disk> of the snapshot or checkpoint has no name (libvirt's schema" + " requires it)"));
                continue;
            }
            if (!seen.add(d.name())) {
                out.accept(Finding.at(d.disk(), "name", "disk '" + d.name() + "' specified twice"));
            } else if (domain != null
                    && domain.getDevices() != null
                    && !domain.getDevices().getDisk().isEmpty()
                    && domain.getDevices().getDisk().stream().noneMatch(x -> names(x, d.name()))) {
                out.accept(Finding.at(d.disk(), "name", "no disk named '" + d.name() + "'"));
            }
        }
    }

    /** Whether a domain disk answers to the name: its target device or its source path. */
    private static boolean names(Disk disk, String name) {
        if (disk.getTarget() != null && name.equals(disk.getTarget().getDev())) {
            return true;
        }
        return disk.getSource() != null
                && (name.equals(disk.getSource().getFile())
                        || name.equals(disk.getSource().getDev()));
    }
}
