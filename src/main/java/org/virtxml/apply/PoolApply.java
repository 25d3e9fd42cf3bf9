package org.virtxml.apply;

import java.util.Optional;
import java.util.UUID;
import org.virtxml.connect.Connector;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.Leaf;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.pool.Pool;

/** Applies storage pool documents ({@link DefinitionApply}). */
final class PoolApply extends DefinitionApply<StoragePoolSummary, Pool> {
    private final HostInventory inventory;

    PoolApply(Connector connector, HostInventory inventory, ApplyOptions options) {
        super(connector, options);
        this.inventory = inventory;
    }

    static String text(Leaf leaf) {
        return leaf == null || leaf.getText() == null ? "" : leaf.getText().trim();
    }

    @Override
    String kind() {
        return "pool";
    }

    @Override
    Leaf name(Pool root) {
        return root.getName();
    }

    @Override
    UuidLeaf uuid(Pool root) {
        return root.getUuid();
    }

    @Override
    void setUuid(Pool root, UuidLeaf uuid) {
        root.setUuid(uuid);
    }

    @Override
    Optional<StoragePoolSummary> existing(Optional<UUID> uuid, String name) {
        return inventory.pool(uuid, name);
    }

    @Override
    String name(StoragePoolSummary summary) {
        return summary.name();
    }

    @Override
    UUID uuid(StoragePoolSummary summary) {
        return summary.uuid();
    }

    @Override
    boolean active(StoragePoolSummary summary) {
        return summary.active();
    }

    @Override
    LibvirtDocument<Pool> stored(String name) {
        return connector.storagePoolDocument(name);
    }

    @Override
    StoragePoolSummary define(String xml) {
        StoragePoolSummary defined = connector.defineStoragePool(xml);
        inventory.defined(defined);
        return defined;
    }

    @Override
    void start(String name) {
        connector.startStoragePool(name);
    }

    @Override
    boolean autostart(String name) {
        return connector.storagePoolAutostart(name);
    }

    @Override
    void setAutostart(String name) {
        connector.setStoragePoolAutostart(name, true);
    }
}
