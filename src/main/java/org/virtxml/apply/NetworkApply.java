package org.virtxml.apply;

import java.util.Optional;
import java.util.UUID;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.NetworkSummary;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.network.Network;

/**
 * Applies one network document: writes nothing when the host's definition already says all the
 * document says ({@link StoredDefinition#covers}); otherwise defines it and reads back what libvirt
 * stored (its bridge name, MAC, defaults); then starts it and sets autostart when asked.
 */
final class NetworkApply {
    private final Connector connector;
    private final HostInventory inventory;
    private final ApplyOptions options;

    NetworkApply(Connector connector, HostInventory inventory, ApplyOptions options) {
        this.connector = connector;
        this.inventory = inventory;
        this.options = options;
    }

    void apply(Progress progress, LibvirtDocument<?> document, Network intent) {
        String name = PoolApply.text(intent.getName());
        progress.name(name);
        Optional<UUID> uuid = DomainApply.uuidOf(intent.getUuid());
        Optional<NetworkSummary> existing = inventory.network(uuid, name);
        NetworkSummary current;
        LibvirtDocument<Network> before = existing.map(n -> definition(n.name())).orElse(null);
        if (before != null && StoredDefinition.covers(LibvirtDiff.between(document.root(), before.root()))) {
            progress.action(ApplyOutcome.Action.UNCHANGED);
            progress.stored(LibvirtDiff.between(document.root(), before.root()));
            current = existing.get();
        } else {
            LibvirtDocument<?> toDefine = document.copy();
            if (existing.isPresent() && uuid.isEmpty()) {
                ((Network) toDefine.root()).setUuid(UuidLeaf.of(Uuid.of(existing.get().uuid())));
                progress.note("the document has no UUID: the defined network's " + existing.get().uuid() + " was kept");
            }
            progress.step("define");
            current = connector.defineNetwork(toDefine.write());
            progress.action(before == null ? ApplyOutcome.Action.DEFINED : ApplyOutcome.Action.REDEFINED);
            progress.step("read back");
            LibvirtDocument<Network> after = definition(current.name());
            inventory.defined(current);
            progress.stored(LibvirtDiff.between(document.root(), after.root()));
            if (before != null && current.active()) {
                progress.note("the network is running: the new definition takes effect after it is stopped and started again");
            }
        }
        if (options.start() && !current.active()) {
            progress.step("start");
            connector.startNetwork(current.name());
            progress.started();
        }
        if (options.autostart()) {
            progress.step("autostart");
            if (!connector.networkAutostart(current.name())) {
                connector.setNetworkAutostart(current.name(), true);
                progress.note("autostart set");
            }
        }
    }

    /** The stored definition; libvirt's test driver has no inactive flavor, and gives the definition without it. */
    private LibvirtDocument<Network> definition(String name) {
        try {
            return connector.networkDocument(name, XmlFlavor.INACTIVE);
        } catch (LibvirtException e) {
            if (e.is(ErrorCode.VIR_ERR_INVALID_ARG) && connector.uri().getScheme().startsWith("test")) {
                return connector.networkDocument(name, XmlFlavor.LIVE);
            }
            throw e;
        }
    }
}
