package org.virtxml.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.virtxml.lint.facts.Origin;
import org.virtxml.lint.facts.RunFacts;

/**
 * The set rules across kinds, over the documents of one run: network-bridge-duplicate (two
 * networks on one bridge: libvirt refuses the second), network-overlap (two networks whose IPv4
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

    private static void overlaps(List<RunFacts> documents, List<Diagnostic> out) {
        List<RunFacts> seen = new ArrayList<>();
        for (RunFacts d : documents) {
            if (d.network() == null) {
                continue;
            }
            for (RunFacts.Subnet mine : d.network().subnets()) {
                for (RunFacts earlier : seen) {
                    for (RunFacts.Subnet theirs : earlier.network().subnets()) {
                        if (mine.network().overlaps(theirs.network())) {
                            out.add(at(
                                    "network-overlap",
                                    d,
                                    mine.at(),
                                    "network " + mine.network().describe()
                                            + " overlaps " + theirs.network().describe() + " of network "
                                            + describe(earlier)
                                            + ": only one of them can be started"));
                        }
                    }
                }
            }
            seen.add(d);
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
