package org.virtxml.apply;

import java.util.Optional;
import java.util.UUID;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.NetworkSummary;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.Leaf;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.network.Network;

/** Applies network documents ({@link DefinitionApply}); what libvirt stores includes its bridge name and MAC. */
final class NetworkApply extends DefinitionApply<NetworkSummary, Network> {
    private final HostInventory inventory;

    NetworkApply(Connector connector, HostInventory inventory, ApplyOptions options) {
        super(connector, options);
        this.inventory = inventory;
    }

    @Override
    String kind() {
        return "network";
    }

    @Override
    Leaf name(Network root) {
        return root.getName();
    }

    @Override
    UuidLeaf uuid(Network root) {
        return root.getUuid();
    }

    @Override
    void setUuid(Network root, UuidLeaf uuid) {
        root.setUuid(uuid);
    }

    @Override
    Optional<NetworkSummary> existing(Optional<UUID> uuid, String name) {
        return inventory.network(uuid, name);
    }

    @Override
    String name(NetworkSummary summary) {
        return summary.name();
    }

    @Override
    UUID uuid(NetworkSummary summary) {
        return summary.uuid();
    }

    @Override
    boolean active(NetworkSummary summary) {
        return summary.active();
    }

    /** The stored definition; libvirt's test driver has no inactive flavor, and gives the definition without it. */
    @Override
    LibvirtDocument<Network> stored(String name) {
        try {
            return connector.networkDocument(name, XmlFlavor.INACTIVE);
        } catch (LibvirtException e) {
            if (e.is(ErrorCode.VIR_ERR_INVALID_ARG)
                    && connector.uri().getScheme().startsWith("test")) {
                return connector.networkDocument(name, XmlFlavor.LIVE);
            }
            throw e;
        }
    }

    @Override
    NetworkSummary define(String xml) {
        NetworkSummary defined = connector.defineNetwork(xml);
        inventory.defined(defined);
        return defined;
    }

    @Override
    void start(String name) {
        connector.startNetwork(name);
    }

    @Override
    boolean autostart(String name) {
        return connector.networkAutostart(name);
    }

    @Override
    void setAutostart(String name) {
        connector.setNetworkAutostart(name, true);
    }
}
