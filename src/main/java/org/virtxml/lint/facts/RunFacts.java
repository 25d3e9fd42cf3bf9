package org.virtxml.lint.facts;

import java.util.List;
import java.util.Objects;
import org.virtxml.model.IpNetwork;

/**
 * What one document defines and names among libvirt's other objects, for the set rules across
 * kinds: a virtual network it defines (name, bridge, IPv4 networks), a pool it defines, and the
 * networks and pools a domain uses.
 *
 * @param file       path of the document
 * @param network    the virtual network the document defines, or null
 * @param pool       the name of the storage pool the document defines, or null
 * @param references networks and pools the document uses (a domain's interfaces and disks)
 */
public record RunFacts(String file, NetworkFacts network, String pool, List<Reference> references) {

    public RunFacts {
        Objects.requireNonNull(file, "file");
        references = List.copyOf(references);
    }

    /**
     * A virtual network's identity on the host.
     *
     * @param name     {@code <name>}, or null
     * @param bridge   {@code <bridge name>}, or null
     * @param bridgeAt where the bridge name stands
     * @param subnets  its IPv4 and IPv6 {@code <ip>} networks, each with where it stands
     */
    public record NetworkFacts(String name, String bridge, Origin bridgeAt, List<Subnet> subnets) {
        public NetworkFacts {
            subnets = List.copyOf(subnets);
        }
    }

    /** An IPv4 or IPv6 network of a virtual network's {@code <ip>}. */
    public record Subnet(IpNetwork network, Origin at) {}

    /**
     * A network or pool a document names.
     *
     * @param kind {@code network} or {@code pool}
     * @param name the name used
     * @param at   where it stands
     */
    public record Reference(String kind, String name, Origin at) {}
}
