package org.virtxml.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.virtxml.connect.Connector;
import org.virtxml.connect.DomainSummary;
import org.virtxml.connect.NetworkSummary;
import org.virtxml.connect.StoragePoolSummary;
import org.virtxml.connect.XmlFlavor;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.lint.GuestFactsReader;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.model.domain.Domain;

/**
 * What a host has, read once at the start of an apply: its domains with their definitions (the
 * lint gate needs them), and its networks and pools when documents of those kinds are applied.
 * Lookups then cost no call, so an apply of N documents makes O(N + guests on the host) calls.
 * Apply keeps it current as it defines. One per apply run (not shared between threads).
 */
final class HostInventory {
    private final Map<UUID, DomainSummary> domains = new LinkedHashMap<>();
    private final Map<String, LibvirtDocument<Domain>> definitions = new LinkedHashMap<>();
    private final Map<UUID, NetworkSummary> networks = new LinkedHashMap<>();
    private final Map<UUID, StoragePoolSummary> pools = new LinkedHashMap<>();

    private HostInventory() {}

    /** Lists the host's domains (and their definitions), and its networks and pools when asked. */
    static HostInventory read(Connector connector, boolean withNetworks, boolean withPools) {
        HostInventory inventory = new HostInventory();
        for (DomainSummary d : connector.listDomains()) {
            inventory.domains.put(d.uuid(), d);
            inventory.definitions.put(d.name(), connector.domainDocument(d.name(), XmlFlavor.INACTIVE));
        }
        if (withNetworks) {
            connector.listNetworks().forEach(n -> inventory.networks.put(n.uuid(), n));
        }
        if (withPools) {
            connector.listStoragePools().forEach(p -> inventory.pools.put(p.uuid(), p));
        }
        return inventory;
    }

    /** The guests already defined, as the lint gate sees them. */
    List<GuestFacts> guests() {
        List<GuestFacts> out = new ArrayList<>();
        definitions.forEach((name, doc) -> out.add(GuestFactsReader.of(doc, "defined:" + name)));
        return out;
    }

    /** The domain with that UUID or, when the document has none, with that name. */
    Optional<DomainSummary> domain(Optional<UUID> uuid, String name) {
        return find(domains, uuid, name, DomainSummary::name);
    }

    Optional<LibvirtDocument<Domain>> definition(String name) {
        return Optional.ofNullable(definitions.get(name));
    }

    void defined(DomainSummary domain, LibvirtDocument<Domain> definition) {
        domains.put(domain.uuid(), domain);
        definitions.put(domain.name(), definition);
    }

    Optional<NetworkSummary> network(Optional<UUID> uuid, String name) {
        return find(networks, uuid, name, NetworkSummary::name);
    }

    void defined(NetworkSummary network) {
        networks.put(network.uuid(), network);
    }

    Optional<StoragePoolSummary> pool(Optional<UUID> uuid, String name) {
        return find(pools, uuid, name, StoragePoolSummary::name);
    }

    void defined(StoragePoolSummary pool) {
        pools.put(pool.uuid(), pool);
    }

    private static <T> Optional<T> find(
            Map<UUID, T> map, Optional<UUID> uuid, String name, Function<T, String> nameOf) {
        if (uuid.isPresent()) {
            return Optional.ofNullable(map.get(uuid.get()));
        }
        return map.values().stream().filter(v -> nameOf.apply(v).equals(name)).findFirst();
    }
}
