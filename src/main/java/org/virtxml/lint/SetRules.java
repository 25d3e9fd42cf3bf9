package org.virtxml.lint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.facts.MacFact;
import org.virtxml.lint.facts.PciAssignment;

/**
 * The rules that look at all documents of one run together, as guests placed on one host:
 * uuid-duplicate and name-duplicate (two documents of one kind), mac-duplicate (one MAC on
 * interfaces of two domains), hostdev-shared (one host PCI device assigned to two domains). A document whose UUID equals that of a guest already defined on
 * the host replaces it: the defined guest drops out and is no duplicate. The finding goes on the
 * later document, naming the earlier one.
 */
public final class SetRules {

    private SetRules() {}

    public static List<Diagnostic> check(List<GuestFacts> documents) {
        return check(documents, List.of());
    }

    /**
     * @param documents the documents of one lint run, in input order
     * @param defined   what is already defined on the host (may be empty)
     */
    public static List<Diagnostic> check(List<GuestFacts> documents, List<GuestFacts> defined) {
        List<GuestFacts> staying = HostCapacityRules.remainingDefined(documents, defined);
        List<Diagnostic> out = new ArrayList<>();
        uuidDuplicates(documents, out);
        nameDuplicates(documents, staying, out);
        macDuplicates(documents, staying, out);
        sharedPciDevices(documents, staying, out);
        return List.copyOf(out);
    }

    private static void uuidDuplicates(List<GuestFacts> documents, List<Diagnostic> out) {
        Map<String, GuestFacts> first = new HashMap<>();
        for (GuestFacts d : documents) {
            Optional<String> key = d.uuidKey();
            if (key.isEmpty()) {
                continue;
            }
            GuestFacts earlier = first.putIfAbsent(d.kind() + "\0" + key.get(), d);
            if (earlier != null) {
                out.add(Findings.at(
                        "uuid-duplicate",
                        d,
                        d.uuidAt(),
                        d.kind() + " UUID " + d.uuid().trim() + " is also the UUID of " + earlier.describe()));
            }
        }
    }

    private static void nameDuplicates(List<GuestFacts> documents, List<GuestFacts> staying, List<Diagnostic> out) {
        Map<String, GuestFacts> definedByName = new HashMap<>();
        for (GuestFacts d : staying) {
            if (d.name() != null && !d.name().isEmpty()) {
                definedByName.putIfAbsent(d.kind() + "\0" + d.name(), d);
            }
        }
        Map<String, GuestFacts> first = new HashMap<>();
        for (GuestFacts d : documents) {
            if (d.name() == null || d.name().isEmpty()) {
                continue;
            }
            String key = d.kind() + "\0" + d.name();
            GuestFacts onHost = definedByName.get(key);
            GuestFacts earlier = first.putIfAbsent(key, d);
            if (earlier != null) {
                out.add(Findings.at(
                        "name-duplicate",
                        d,
                        d.nameAt(),
                        d.kind() + " name '" + d.name() + "' is also the name of " + earlier.file()));
            } else if (onHost != null) {
                out.add(Findings.at(
                        "name-duplicate",
                        d,
                        d.nameAt(),
                        d.kind() + " name '" + d.name()
                                + "' is already defined on the host"
                                + (onHost.uuid() == null
                                        ? ""
                                        : " with UUID "
                                                + onHost.uuid().trim() + ", not this document's UUID "
                                                + (d.uuid() == null
                                                        ? "(none)"
                                                        : d.uuid().trim()))));
            }
        }
    }

    private static void macDuplicates(List<GuestFacts> documents, List<GuestFacts> staying, List<Diagnostic> out) {
        Map<String, GuestFacts> owner = new HashMap<>();
        for (GuestFacts d : staying) {
            for (MacFact m : d.macs()) {
                m.canonical().ifPresent(mac -> owner.putIfAbsent(mac, d));
            }
        }
        Set<String> onHost = new LinkedHashSet<>(owner.keySet());
        for (GuestFacts d : documents) {
            if (!d.isDomain()) {
                continue;
            }
            Map<String, MacFact> mine = new HashMap<>();
            for (MacFact m : d.macs()) {
                m.canonical().ifPresent(mac -> mine.putIfAbsent(mac, m));
            }
            for (MacFact m : d.macs()) {
                Optional<String> mac = m.canonical();
                if (mac.isEmpty() || mine.get(mac.get()) != m) {
                    continue;
                }
                GuestFacts other = owner.putIfAbsent(mac.get(), d);
                if (other != null) {
                    String whose = onHost.contains(mac.get())
                            ? other.describe() + ", already defined on the host"
                            : other.describe();
                    out.add(Findings.at(
                            "mac-duplicate", d, m.at(), "MAC " + mac.get() + " is also on an interface of " + whose));
                }
            }
        }
    }

    /**
     * One host PCI device assigned to two domains of the run, or to a document's domain and one
     * already defined on the host: libvirt defines both, but only one can run at a time (the
     * second start fails while the device is in use), and a clone that keeps its source's devices
     * does exactly this.
     */
    private static void sharedPciDevices(List<GuestFacts> documents, List<GuestFacts> staying, List<Diagnostic> out) {
        Map<String, GuestFacts> owner = new HashMap<>();
        for (GuestFacts d : staying) {
            for (PciAssignment a : d.pciAssignments()) {
                a.address().ifPresent(address -> owner.putIfAbsent(address, d));
            }
        }
        Set<String> onHost = new LinkedHashSet<>(owner.keySet());
        for (GuestFacts d : documents) {
            if (!d.isDomain()) {
                continue;
            }
            Set<String> mine = new LinkedHashSet<>();
            for (PciAssignment a : d.pciAssignments()) {
                if (a.address().isEmpty() || !mine.add(a.address().get())) {
                    continue; // twice in one domain is hostdev-duplicate's
                }
                String address = a.address().get();
                GuestFacts other = owner.putIfAbsent(address, d);
                if (other != null) {
                    String whose = onHost.contains(address)
                            ? other.describe() + ", already defined on the host"
                            : other.describe();
                    out.add(Findings.at(
                            "hostdev-shared",
                            d,
                            a.at(),
                            "host PCI device " + address + " is also assigned to " + whose
                                    + "; only one of the two guests can run at a time"));
                }
            }
        }
    }
}
