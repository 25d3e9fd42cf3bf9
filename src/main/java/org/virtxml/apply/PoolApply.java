package org.virtxml.apply;

import java.util.Optional;
import java.util.UUID;
import org.virtxml.connect.Connector;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.Leaf;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.pool.Pool;

/**
 * Applies one storage pool document: writes nothing when the host's definition already says all the
 * document says ({@link StoredDefinition#covers}); otherwise defines it and reads back what libvirt
 * stored; then starts it and sets autostart when asked.
 */
final class PoolApply {
    private final Connector connector;
    private final HostInventory inventory;
    private final ApplyOptions options;

    PoolApply(Connector connector, HostInventory inventory, ApplyOptions options) {
        this.connector = connector;
        this.inventory = inventory;
        this.options = options;
    }

    void apply(Progress progress, LibvirtDocument<?> document, Pool intent) {
        String name = text(intent.getName());
        progress.name(name);
        Optional<UUID> uuid = DomainApply.uuidOf(intent.getUuid());
        Optional<StoragePoolSummary> existing = inventory.pool(uuid, name);
        StoragePoolSummary current;
        LibvirtDocument<Pool> before = existing.map(p -> connector.storagePoolDocument(p.name())).orElse(null);
        if (before != null && StoredDefinition.covers(LibvirtDiff.between(document.root(), before.root()))) {
            progress.action(ApplyOutcome.Action.UNCHANGED);
            progress.stored(LibvirtDiff.between(document.root(), before.root()));
            current = existing.get();
        } else {
            LibvirtDocument<?> toDefine = document.copy();
            if (existing.isPresent() && uuid.isEmpty()) {
                ((Pool) toDefine.root()).setUuid(UuidLeaf.of(Uuid.of(existing.get().uuid())));
                progress.note("the document has no UUID: the defined pool's " + existing.get().uuid() + " was kept");
            }
            progress.step("define");
            current = connector.defineStoragePool(toDefine.write());
            progress.action(before == null ? ApplyOutcome.Action.DEFINED : ApplyOutcome.Action.REDEFINED);
            progress.step("read back");
            LibvirtDocument<Pool> after = connector.storagePoolDocument(current.name());
            inventory.defined(current);
            progress.stored(LibvirtDiff.between(document.root(), after.root()));
            if (before != null && current.active()) {
                progress.note("the pool is running: the new definition takes effect after it is stopped and started again");
            }
        }
        if (options.start() && !current.active()) {
            progress.step("start");
            connector.startStoragePool(current.name());
            progress.started();
        }
        if (options.autostart()) {
            progress.step("autostart");
            if (!connector.storagePoolAutostart(current.name())) {
                connector.setStoragePoolAutostart(current.name(), true);
                progress.note("autostart set");
            }
        }
    }

    static String text(Leaf leaf) {
        return leaf == null || leaf.getText() == null ? "" : leaf.getText().trim();
    }

}
