package org.virtxml.lint;

import java.util.ArrayList;
import java.util.List;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.lint.facts.Origin;
import org.virtxml.lint.facts.RunFacts;
import org.virtxml.model.IpNetwork;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.network.Ip;
import org.virtxml.model.network.Network;
import org.virtxml.model.pool.Pool;

/** Fills {@link RunFacts} from the typed model: networks and pools defined, and those a domain uses. */
final class RunFactsReader {

    private RunFactsReader() {}

    static RunFacts read(LibvirtDocument<?> doc, String file, DocumentLinter.Paths paths) {
        RunFacts.NetworkFacts network = null;
        String pool = null;
        List<RunFacts.Reference> references = new ArrayList<>();
        if (doc.root() instanceof Network n) {
            network = network(n, paths);
        } else if (doc.root() instanceof Pool p && p.getName() != null) {
            pool = p.getName().getText();
        } else if (doc.root() instanceof Domain d && d.getDevices() != null) {
            for (org.virtxml.model.domain.Interface i : d.getDevices().getInterface()) {
                if ("network".equals(i.getType())
                        && i.getSource() != null
                        && i.getSource().getNetwork() != null) {
                    references.add(new RunFacts.Reference(
                            "network",
                            i.getSource().getNetwork(),
                            GuestFactsReader.loc(i.getSource(), "network", paths)));
                }
            }
            for (Disk k : d.getDevices().getDisk()) {
                if ("volume".equals(k.getType())
                        && k.getSource() != null
                        && k.getSource().getPool() != null) {
                    references.add(new RunFacts.Reference(
                            "pool", k.getSource().getPool(), GuestFactsReader.loc(k.getSource(), "pool", paths)));
                }
            }
        }
        return new RunFacts(file, network, pool, references);
    }

    private static RunFacts.NetworkFacts network(Network n, DocumentLinter.Paths paths) {
        List<RunFacts.Subnet> subnets = new ArrayList<>();
        for (Ip ip : n.getIp()) {
            IpNetwork.of(ip.getAddress(), ip.getNetmask(), ip.getPrefix())
                    .ifPresent(net -> subnets.add(new RunFacts.Subnet(net, GuestFactsReader.loc(ip, null, paths))));
        }
        String bridge = n.getBridge() == null ? null : n.getBridge().getName();
        return new RunFacts.NetworkFacts(
                n.getName() == null ? null : n.getName().getText(),
                bridge,
                n.getBridge() == null ? Origin.UNKNOWN : GuestFactsReader.loc(n.getBridge(), "name", paths),
                subnets);
    }
}
