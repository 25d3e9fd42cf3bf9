package org.virtxml.apply;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtxml.connect.Connector;
import org.virtxml.connect.VolumeSummary;
import org.virtxml.diff.Difference;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.volume.Volume;

/**
 * Creates volume documents in one pool: nothing is written for a volume the pool has with all the
 * document says; a volume of that name with other settings fails (apply never deletes or resizes a
 * volume: its data would go). The pool's volumes are listed once per run.
 */
final class VolumeApply {
    private final Connector connector;
    private final String pool;
    private Map<String, VolumeSummary> volumes;

    VolumeApply(Connector connector, String pool) {
        this.connector = connector;
        this.pool = pool;
    }

    void apply(Progress progress, LibvirtDocument<?> document, Volume intent) {
        String name = PoolApply.text(intent.getName());
        progress.name(pool + "/" + name);
        progress.step("list the volumes of pool " + pool);
        if (volumes == null) {
            volumes = new LinkedHashMap<>();
            connector.listVolumes(pool).forEach(v -> volumes.put(v.name(), v));
        }
        if (volumes.containsKey(name)) {
            progress.step("read back");
            LibvirtDocument<Volume> stored = connector.volumeDocument(pool, name);
            List<Difference> differences = LibvirtDiff.between(document.root(), stored.root());
            progress.stored(differences);
            if (!StoredDefinition.covers(differences)) {
                progress.step("create");
                throw new RefusedDocument("volume '" + name + "' exists in pool '" + pool
                        + "' with other settings ("
                        + differences.stream()
                                .filter(d -> d.left() != null)
                                .map(Difference::toString)
                                .reduce((a, b) -> a + "; " + b)
                                .orElse("")
                        + "); apply neither deletes nor resizes a volume");
            }
            progress.action(ApplyOutcome.Action.UNCHANGED);
            return;
        }
        progress.step("create");
        VolumeSummary created = connector.createVolume(pool, document.write());
        volumes.put(created.name(), created);
        progress.action(ApplyOutcome.Action.DEFINED);
        progress.step("read back");
        progress.stored(LibvirtDiff.between(
                document.root(), connector.volumeDocument(pool, created.name()).root()));
    }
}
