package org.virtxml.lint;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.virtxml.lint.facts.Origin;
import org.virtxml.lint.facts.RunFacts;
import org.virtxml.model.IpNetwork;

/**
 * The set rules across kinds, over the documents of one run: network-bridge-duplicate (two
 * networks on one bridge: libvirt refuses the second), network-overlap (two networks whose IP
 * networks overlap, IPv4 or IPv6: the second fails to start), network-undefined and pool-undefined (a domain uses
 * a network or pool no document of the run defines; judged only when the run defines at least one
 * network, or pool, since a lone domain says nothing about what its host has).
 */
public final class KindSetRules {

    private KindSetRules() {}

    public static List<Diagnostic> check(List<RunFacts> documents) {
        List<Diagnostic> out = new ArrayList<>();
        bridges(documents, out);
        overlaps(documents, out);
        undefined(documents, "network", out);
        undefined(documents, "pool", out);
        return List.copyOf(out);
    }

    private static void bridges(List<RunFacts> documents, List<Diagnostic> out) {
        Map<String, RunFacts> first = new HashMap<>();
        for (RunFacts d : documents) {
            if (d.network() == null
                    || d.network().bridge() == null
                    || d.network().bridge().isBlank()) {
                continue;
            }
            RunFacts earlier = first.putIfAbsent(d.network().bridge(), d);
            if (earlier != null) {
                out.add(at(
                        "network-bridge-duplicate",
                        d,
                        d.network().bridgeAt(),
                        "bridge name '" + d.network().bridge() + "' already in use: network " + describe(earlier)
                                + " has it"));
            }
        }
    }

    /**
     * network-overlap: each subnet against the subnets of the networks before it in the run. Two CIDR
     * networks of one family overlap when one holds the other's base address, so the earlier
     * subnets that overlap {@code mine} are those whose base lies in {@code mine}'s range, and those
     * with a shorter prefix whose block holds {@code mine}'s base. Both are looked up by base, so the
     * run costs n log n, not one comparison for each pair of networks. The findings come in the
     * order of the earlier subnets in the run.
     */
    private static void overlaps(List<RunFacts> documents, List<Diagnostic> out) {
        Map<Integer, EarlierSubnets> byFamily = new HashMap<>();
        for (RunFacts d : documents) {
            if (d.network() == null) {
                continue;
            }
            for (RunFacts.Subnet mine : d.network().subnets()) {
                EarlierSubnets earlier = byFamily.get(mine.network().address().bits());
                if (earlier == null) {
                    continue;
                }
                for (EarlierSubnet theirs : earlier.overlapping(mine.network())) {
                    out.add(at(
                            "network-overlap",
                            d,
                            mine.at(),
                            "network " + mine.network().describe()
                                    + " overlaps " + theirs.subnet().network().describe() + " of network "
                                    + describe(theirs.document())
                                    + ": only one of them can be started"));
                }
            }
            for (RunFacts.Subnet mine : d.network().subnets()) {
                byFamily.computeIfAbsent(mine.network().address().bits(), k -> new EarlierSubnets())
                        .add(d, mine);
            }
        }
    }

    /** A subnet of an earlier network of the run; {@code order} is its place among them. */
    private record EarlierSubnet(RunFacts document, RunFacts.Subnet subnet, int order) {}

    /** The subnets of one address family (IPv4 or IPv6) seen so far, by base address and by prefix. */
    private static final class EarlierSubnets {
        private final TreeMap<BigInteger, List<EarlierSubnet>> byBase = new TreeMap<>();
        private final TreeSet<Integer> prefixes = new TreeSet<>();
        private int count;

        void add(RunFacts document, RunFacts.Subnet subnet) {
            byBase.computeIfAbsent(subnet.network().base(), k -> new ArrayList<>())
                    .add(new EarlierSubnet(document, subnet, count++));
            prefixes.add(subnet.network().prefix());
        }

        /** The subnets that overlap {@code mine}, in the order they were added. */
        List<EarlierSubnet> overlapping(IpNetwork mine) {
            BigInteger base = mine.base();
            List<EarlierSubnet> found = new ArrayList<>();
            // a base within mine's range: in mine's block, so in both
            for (List<EarlierSubnet> at :
                    byBase.subMap(base, true, mine.last(), true).values()) {
                found.addAll(at);
            }
            // a shorter prefix whose block holds mine's base: its base is mine's base with that prefix's mask
            for (int p : prefixes.headSet(mine.prefix(), false)) {
                BigInteger blockBase = new IpNetwork(mine.address(), p).base();
                if (blockBase.compareTo(base) < 0) {
                    for (EarlierSubnet e : byBase.getOrDefault(blockBase, List.of())) {
                        if (e.subnet().network().prefix() == p) {
                            found.add(e);
                        }
                    }
                }
            }
            found.sort(Comparator.comparingInt(EarlierSubnet::order));
            return found;
        }
    }

    private static void undefined(List<RunFacts> documents, String kind, List<Diagnostic> out) {
        Set<String> defined = new HashSet<>();
        for (RunFacts d : documents) {
            String name = kind.equals("network")
                    ? (d.network() == null ? null : d.network().name())
                    : d.pool();
            if (name != null) {
                defined.add(name.trim());
            }
        }
        if (defined.isEmpty()) {
            return;
        }
        for (RunFacts d : documents) {
            for (RunFacts.Reference r : d.references()) {
                if (r.kind().equals(kind) && !defined.contains(r.name().trim())) {
                    out.add(at(
                            kind + "-undefined",
                            d,
                            r.at(),
                            kind + " '" + r.name() + "' is not defined by any "
                                    + kind + " document of this run (defined: "
                                    + String.join(", ", new java.util.TreeSet<>(defined))
                                    + "); libvirt refuses to start the domain unless the host has it"));
                }
            }
        }
    }

    private static String describe(RunFacts d) {
        String name = d.network() == null ? null : d.network().name();
        return name == null ? d.file() : "'" + name + "' (" + d.file() + ")";
    }

    private static Diagnostic at(String rule, RunFacts d, Origin where, String message) {
        return Diagnostic.of(rule, message, d.file(), where.line(), where.column(), where.xpath());
    }
}
