package org.virtxml.lint;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.virtxml.lint.facts.CpusetFact;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.Support;
import org.virtxml.model.Sizes;

/**
 * The host-capacity rules of rules.md over plain {@link GuestFacts} and a {@link HostProfile}:
 * per guest vcpu-exceeds-host-cores, memory-exceeds-host, kvm-unavailable, cpuset-exceeds-host;
 * over all guests placed on the host vcpu-overcommit (more than 10 vCPUs per physical core),
 * memory-overcommit (guest memory + 4 GiB for the host above RAM) and host-swap-insufficient
 * (swap below 4 GiB whenever swap is known; overcommitted, below max(4 GiB, guest memory + 4 GiB -
 * RAM)); per guest also host-arch-unsupported (a kvm guest on a host that is not x86_64) and
 * iommu-unavailable (a PCI device assigned on a host without an IOMMU). cpuset-exceeds-host
 * assumes at most 2 threads per core when only the core count is known. A rule whose host value
 * is unknown does not run. Only domain documents count as guests.
 *
 * <p>The guests on the host are the documents plus the guests already defined there, except
 * those a document replaces (same UUID). A set finding is reported once, on the document whose
 * guest (in input order, after the already defined ones) takes the total over the limit.
 */
public final class HostCapacityRules {

    /** The guide's limit of allocated vCPUs per physical core. */
    public static final int VCPUS_PER_CORE = 10;
    /** Host RAM the guide keeps for the host itself, and its minimum swap. */
    public static final long HOST_RESERVE_BYTES = 4 * Sizes.GIB;

    private HostCapacityRules() {}

    public static List<Diagnostic> check(HostProfile host, List<GuestFacts> documents) {
        return check(host, documents, List.of());
    }

    /**
     * @param documents the documents of one lint run, in input order
     * @param defined   guests already defined on the host (may be empty)
     */
    public static List<Diagnostic> check(HostProfile host, List<GuestFacts> documents, List<GuestFacts> defined) {
        List<GuestFacts> guests =
                documents.stream().filter(GuestFacts::isDomain).toList();
        List<GuestFacts> staying = remainingDefined(guests, defined);
        List<Diagnostic> out = new ArrayList<>();
        for (GuestFacts g : guests) {
            vcpuExceedsCores(host, g, out);
            memoryExceedsHost(host, g, out);
            kvmUnavailable(host, g, out);
            cpusetExceedsHost(host, g, out);
            hostArchUnsupported(host, g, out);
            iommuUnavailable(host, g, out);
        }
        vcpuOvercommit(host, guests, staying, out);
        memoryOvercommit(host, guests, staying, out);
        swapFloor(host, guests, staying, out);
        return List.copyOf(out);
    }

    /**
     * Defined guests that no document replaces. A document replaces the defined guest with its UUID,
     * or, when it has no UUID, the one with its name (libvirt then keeps the defined UUID).
     */
    static List<GuestFacts> remainingDefined(List<GuestFacts> documents, List<GuestFacts> defined) {
        Set<String> replacedUuids = new HashSet<>();
        Set<String> replacedNames = new HashSet<>();
        for (GuestFacts d : documents) {
            d.uuidKey().ifPresentOrElse(u -> replacedUuids.add(d.kind() + "\0" + u), () -> {
                if (d.name() != null && !d.name().isEmpty()) {
                    replacedNames.add(d.kind() + "\0" + d.name());
                }
            });
        }
        return defined.stream()
                .filter(d -> d.uuidKey()
                        .map(u -> !replacedUuids.contains(d.kind() + "\0" + u))
                        .orElse(true))
                .filter(d -> d.name() == null || !replacedNames.contains(d.kind() + "\0" + d.name()))
                .toList();
    }

    private static void vcpuExceedsCores(HostProfile host, GuestFacts g, List<Diagnostic> out) {
        OptionalInt cores = host.physicalCores();
        if (cores.isPresent() && g.vcpus() > cores.getAsInt()) {
            out.add(Findings.at(
                    "vcpu-exceeds-host-cores",
                    g,
                    g.vcpuAt(),
                    "guest has " + Findings.plural(g.vcpus(), "vCPU", "vCPUs") + ", more than the host's "
                            + Findings.plural(cores.getAsInt(), "physical core", "physical cores")));
        }
    }

    private static void memoryExceedsHost(HostProfile host, GuestFacts g, List<Diagnostic> out) {
        OptionalLong ram = host.memoryBytes();
        if (ram.isEmpty() || g.memoryBytes() == 0) {
            return;
        }
        OptionalLong swap = host.swapBytes();
        long limit = Findings.add(ram.getAsLong(), swap.orElse(0));
        if (g.memoryBytes() > limit) {
            String hostSide = swap.isPresent()
                    ? "the host's " + Sizes.human(ram.getAsLong()) + " of RAM + " + Sizes.human(swap.getAsLong())
                            + " of swap (" + Sizes.human(limit) + ", " + limit + " bytes)"
                    : "the host's " + Sizes.human(ram.getAsLong()) + " of RAM (" + limit + " bytes; swap not known)";
            out.add(Findings.at(
                    "memory-exceeds-host",
                    g,
                    g.memoryAt(),
                    "guest memory " + Sizes.human(g.memoryBytes()) + " (" + g.memoryBytes() + " bytes) exceeds "
                            + hostSide));
        }
    }

    private static void kvmUnavailable(HostProfile host, GuestFacts g, List<Diagnostic> out) {
        if (!"kvm".equals(g.domainType())) {
            return;
        }
        String reason = null;
        if (!host.domainTypes().isEmpty() && !host.domainTypes().contains("kvm")) {
            reason = "the host's capabilities offer domain types " + String.join(", ", host.domainTypes())
                    + " but not kvm";
        } else if (host.kvm() == Support.PRESENT) {
            return;
        } else if (host.hardwareVirtualization() == Support.ABSENT) {
            reason = "the host CPU has no VT-x/AMD-V (vmx/svm)";
        } else if (host.kvm() == Support.ABSENT) {
            reason = "/dev/kvm is missing or not accessible on the host";
        }
        if (reason != null) {
            out.add(Findings.at("kvm-unavailable", g, g.at(), "type='kvm' but " + reason));
        }
    }

    /** Hardware threads per core assumed when only the host's core count is known. */
    public static final int ASSUMED_THREADS_PER_CORE = 2;

    private static void cpusetExceedsHost(HostProfile host, GuestFacts g, List<Diagnostic> out) {
        OptionalInt count = host.cpuCount();
        boolean assumed = count.isEmpty() && host.physicalCores().isPresent();
        if (count.isEmpty() && !assumed) {
            return;
        }
        int n = assumed ? ASSUMED_THREADS_PER_CORE * host.physicalCores().getAsInt() : count.getAsInt();
        String hostSide = assumed
                ? "the host has " + Findings.plural(host.physicalCores().getAsInt(), "core", "cores") + ", so at most "
                        + Findings.plural(n, "CPU", "CPUs") + " (" + (n == 1 ? "0" : "0-" + (n - 1))
                        + ", assuming at most "
                        + ASSUMED_THREADS_PER_CORE + " threads per core)"
                : "the host has " + Findings.plural(n, "CPU", "CPUs") + " (" + (n == 1 ? "0" : "0-" + (n - 1)) + ")";
        for (CpusetFact c : g.cpusets()) {
            if (c.maxCpuId() >= n) {
                out.add(Findings.at(
                        "cpuset-exceeds-host",
                        g,
                        c.at(),
                        c.where() + " '" + c.cpuset() + "' names host CPU " + c.maxCpuId() + ", but " + hostSide));
            }
        }
    }

    /** The architecture the KVM guide covers (Intel 64 and AMD64). */
    public static final String GUIDE_ARCH = "x86_64";

    private static void hostArchUnsupported(HostProfile host, GuestFacts g, List<Diagnostic> out) {
        if (!"kvm".equals(g.domainType())
                || host.arch().isEmpty()
                || host.arch().get().equals(GUIDE_ARCH)) {
            return;
        }
        out.add(Findings.at(
                "host-arch-unsupported",
                g,
                g.at(),
                "type='kvm' on a " + host.arch().get()
                        + " host: the KVM guide covers Intel 64 and AMD64 (x86_64) hosts only"));
    }

    private static void iommuUnavailable(HostProfile host, GuestFacts g, List<Diagnostic> out) {
        if (host.iommu() != Support.ABSENT) {
            return;
        }
        for (org.virtxml.lint.facts.PciAssignment assigned : g.pciAssignments()) {
            out.add(Findings.at(
                    "iommu-unavailable",
                    g,
                    assigned.at(),
                    "a host PCI device is assigned, but the host has no IOMMU"
                            + " (/sys/kernel/iommu_groups is empty or missing): enable VT-d or AMD-Vi in the firmware, and on"
                            + " Intel boot the kernel with intel_iommu=on"));
        }
    }

    private static void vcpuOvercommit(
            HostProfile host, List<GuestFacts> guests, List<GuestFacts> staying, List<Diagnostic> out) {
        OptionalInt cores = host.physicalCores();
        if (cores.isEmpty() || guests.isEmpty()) {
            return;
        }
        long limit = (long) VCPUS_PER_CORE * cores.getAsInt();
        long total = total(guests, staying, GuestFacts::vcpus);
        if (total <= limit) {
            return;
        }
        GuestFacts crossing = crossing(guests, staying, GuestFacts::vcpus, limit);
        out.add(Findings.at(
                "vcpu-overcommit",
                crossing,
                crossing.vcpuAt(),
                guestsPhrase(guests, staying)
                        + " have " + total + " vCPUs in all, more than " + VCPUS_PER_CORE + " per physical core ("
                        + limit + " for the host's " + Findings.plural(cores.getAsInt(), "core", "cores") + ")"));
    }

    private static void memoryOvercommit(
            HostProfile host, List<GuestFacts> guests, List<GuestFacts> staying, List<Diagnostic> out) {
        OptionalLong ram = host.memoryBytes();
        if (ram.isEmpty() || guests.isEmpty()) {
            return;
        }
        long guestMemory = total(guests, staying, GuestFacts::memoryBytes);
        long needed = Findings.add(guestMemory, HOST_RESERVE_BYTES);
        if (needed <= ram.getAsLong()) {
            return;
        }
        long ramBytes = ram.getAsLong();
        GuestFacts crossing = crossing(guests, staying, GuestFacts::memoryBytes, ramBytes - HOST_RESERVE_BYTES);
        out.add(Findings.at(
                "memory-overcommit",
                crossing,
                crossing.memoryAt(),
                guestsPhrase(guests, staying)
                        + " have " + Sizes.human(guestMemory) + " of memory; with " + Sizes.human(HOST_RESERVE_BYTES)
                        + " for the host that is " + Sizes.human(needed) + " (" + needed
                        + " bytes), more than the host's "
                        + Sizes.human(ramBytes) + " of RAM (" + ramBytes + " bytes)"));
        OptionalLong swap = host.swapBytes();
        if (swap.isEmpty()) {
            return;
        }
        long required = Math.max(HOST_RESERVE_BYTES, needed - ramBytes);
        if (swap.getAsLong() < required) {
            // reported here with the overcommit's figures; swapFloor stays silent

            out.add(Findings.at(
                    "host-swap-insufficient",
                    crossing,
                    crossing.memoryAt(),
                    "memory is overcommitted"
                            + " and the host has " + Sizes.human(swap.getAsLong()) + " of swap (" + swap.getAsLong()
                            + " bytes); it needs at least " + Sizes.human(required) + " (" + required + " bytes) = max("
                            + Sizes.human(HOST_RESERVE_BYTES) + ", guests " + Sizes.human(guestMemory) + " + "
                            + Sizes.human(HOST_RESERVE_BYTES) + " for the host - " + Sizes.human(ramBytes)
                            + " of RAM)"));
        }
    }

    /**
     * The guide's 4 GiB swap floor whenever the host's swap is known and memory is not overcommitted
     * (an overcommitted host gets memoryOvercommit's larger requirement instead).
     */
    private static void swapFloor(
            HostProfile host, List<GuestFacts> guests, List<GuestFacts> staying, List<Diagnostic> out) {
        OptionalLong swap = host.swapBytes();
        if (swap.isEmpty() || guests.isEmpty() || swap.getAsLong() >= HOST_RESERVE_BYTES) {
            return;
        }
        OptionalLong ram = host.memoryBytes();
        if (ram.isPresent()
                && Findings.add(total(guests, staying, GuestFacts::memoryBytes), HOST_RESERVE_BYTES)
                        > ram.getAsLong()) {
            return;
        }
        GuestFacts first = guests.get(0);
        String has = swap.getAsLong() == 0
                ? "no swap"
                : Sizes.human(swap.getAsLong()) + " of swap (" + swap.getAsLong() + " bytes)";
        out.add(Findings.at(
                "host-swap-insufficient",
                first,
                first.at(),
                "the host has " + has
                        + "; the KVM guide asks for at least "
                        + Sizes.human(HOST_RESERVE_BYTES) + " whatever the guests"));
    }

    private static long total(List<GuestFacts> guests, List<GuestFacts> staying, ToLongFunction<GuestFacts> f) {
        long sum = 0;
        for (GuestFacts g : staying) {
            sum = Findings.add(sum, f.applyAsLong(g));
        }
        for (GuestFacts g : guests) {
            sum = Findings.add(sum, f.applyAsLong(g));
        }
        return sum;
    }

    /** The first document whose value takes the running total (defined guests first) above {@code limit}. */
    private static GuestFacts crossing(
            List<GuestFacts> guests, List<GuestFacts> staying, ToLongFunction<GuestFacts> f, long limit) {
        long sum = 0;
        for (GuestFacts g : staying) {
            sum = Findings.add(sum, f.applyAsLong(g));
        }
        for (GuestFacts g : guests) {
            sum = Findings.add(sum, f.applyAsLong(g));
            if (sum > limit) {
                return g;
            }
        }
        return guests.get(guests.size() - 1);
    }

    private static String guestsPhrase(List<GuestFacts> guests, List<GuestFacts> staying) {
        String phrase = "the " + Findings.plural(guests.size() + staying.size(), "guest", "guests") + " on the host";
        return staying.isEmpty() ? phrase : phrase + " (" + staying.size() + " already defined)";
    }
}
