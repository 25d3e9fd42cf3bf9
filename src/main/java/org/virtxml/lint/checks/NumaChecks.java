package org.virtxml.lint.checks;

import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.CpuSet;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Cell;
import org.virtxml.model.domain.DevicesMemory;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Memnode;
import org.virtxml.model.domain.NumatuneMemory;
import org.virtxml.model.domain.Page;
import org.virtxml.model.domain.Sibling;

/** Guest NUMA cells, numatune, hugepages and memory devices (docs/rules-domain.md "NUMA and tuning"). */
final class NumaChecks {

    private NumaChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("numa-cell-invalid", Domain.class, NumaChecks::cells),
                RuleCheck.of("numatune-invalid", Domain.class, NumaChecks::numatune),
                RuleCheck.of("hugepages-node-missing", Domain.class, NumaChecks::hugepages),
                RuleCheck.of("memory-hotplug-invalid", Domain.class, NumaChecks::hotplug));
    }

    static List<Cell> cells(Domain d) {
        return d.getCpu() == null || d.getCpu().getNuma() == null
                ? List.of()
                : Model.list(d.getCpu().getNuma().getCell());
    }

    private static void cells(Domain d, Consumer<Finding> out) {
        List<Cell> cells = cells(d);
        if (cells.isEmpty()) {
            return;
        }
        // ids: 0..n-1, each once (libvirt's parser)
        Set<Long> ids = new HashSet<>();
        for (Cell c : cells) {
            OptionalLong id =
                    c.getId() == null ? OptionalLong.empty() : c.getId().nonNegativeValue();
            if (id.isPresent() && (id.getAsLong() >= cells.size() || !ids.add(id.getAsLong()))) {
                out.accept(Finding.at(
                        c,
                        "id",
                        "Exactly one 'cell' element per guest NUMA cell allowed, non-contiguous"
                                + " ranges or ranges not starting from 0 are not allowed (cell id " + id.getAsLong()
                                + " of "
                                + cells.size() + " cells)"));
                return;
            }
        }
        OptionalLong vcpus = VcpuChecks.maxVcpus(d);
        BitSet all = new BitSet();
        for (int i = 0; i < cells.size(); i++) {
            Cell c = cells.get(i);
            CpuSet cpus = c.getCpus();
            if (cpus == null || !cpus.isValid()) {
                continue;
            }
            if (vcpus.isPresent() && cpus.maxCpu() >= vcpus.getAsLong()) {
                out.accept(Finding.at(
                        c,
                        "cpus",
                        "Number of CPUs in <numa> exceeds the <vcpu> count (cell " + (i) + " names vCPU "
                                + cpus.maxCpu() + ", the domain has " + vcpus.getAsLong() + ")"));
            }
            if (all.intersects(cpus.cpus())) {
                out.accept(Finding.at(
                        c,
                        "cpus",
                        "NUMA cells have overlapping vCPU ids (cell " + i + ": '" + cpus.canonical() + "')"));
            }
            all.or(cpus.cpus());
            if (c.getDistances() == null) {
                continue;
            }
            for (Sibling s : Model.list(c.getDistances().getSibling())) {
                OptionalLong sid =
                        s.getId() == null ? OptionalLong.empty() : s.getId().nonNegativeValue();
                if (sid.isPresent() && sid.getAsLong() >= cells.size()) {
                    out.accept(Finding.at(
                            s,
                            "id",
                            "'sibling_id " + sid.getAsLong() + "' does not refer to a valid cell"
                                    + " within NUMA 'cell id "
                                    + (c.getId() == null ? i : c.getId().text()) + "'"));
                }
            }
        }
    }

    private static void numatune(Domain d, Consumer<Finding> out) {
        if (d.getNumatune() == null) {
            return;
        }
        NumatuneMemory memory = d.getNumatune().getMemory();
        List<Memnode> memnodes = Model.list(d.getNumatune().getMemnode());
        String memoryMode = memory == null || memory.getMode() == null ? "strict" : memory.getMode();
        String placement = memory == null ? null : memory.getPlacement();
        if (memory != null && "static".equals(placement) && memory.getNodeset() == null) {
            out.accept(Finding.at(
                    memory, "placement", "nodeset for NUMA memory tuning must be set if 'placement' is" + " 'static'"));
        }
        if (memnodes.isEmpty()) {
            return;
        }
        List<Cell> cells = cells(d);
        if (cells.isEmpty()) {
            out.accept(Finding.at(memnodes.get(0), "Element 'memnode' is invalid without any guest NUMA cells"));
            return;
        }
        boolean auto = "auto".equals(placement)
                || placement == null
                        && memory != null
                        && memory.getNodeset() == null
                        && d.getVcpu() != null
                        && "auto".equals(d.getVcpu().getPlacement());
        if (auto) {
            out.accept(
                    Finding.at(memnodes.get(0), "Per-node binding is not compatible with automatic NUMA placement."));
        }
        for (Memnode m : memnodes) {
            OptionalLong cellid =
                    m.getCellid() == null ? OptionalLong.empty() : m.getCellid().nonNegativeValue();
            if (cellid.isPresent() && cellid.getAsLong() >= cells.size()) {
                out.accept(Finding.at(
                        m,
                        "cellid",
                        "Argument 'cellid' in memnode element must correspond to existing" + " guest's NUMA cell ("
                                + cellid.getAsLong() + " of " + cells.size() + " cells)"));
            }
            String mode = m.getMode() == null ? "strict" : m.getMode();
            if ("restrictive".equals(memoryMode) && !"restrictive".equals(mode)) {
                out.accept(Finding.at(
                        m,
                        "mode",
                        "'restrictive' mode is required in memnode element when mode is"
                                + " 'restrictive' in memory element"));
                return;
            }
            if (!"restrictive".equals(memoryMode) && "restrictive".equals(mode) && memory != null) {
                out.accept(Finding.at(
                        m,
                        "mode",
                        "'restrictive' mode is required in memory element when mode is"
                                + " 'restrictive' in memnode element"));
                return;
            }
        }
    }

    private static void hugepages(Domain d, Consumer<Finding> out) {
        if (d.getMemoryBacking() == null || d.getMemoryBacking().getHugepages() == null) {
            return;
        }
        boolean noCells = cells(d).isEmpty();
        int nodes = Math.max(1, cells(d).size());
        Page master = null;
        for (Page p : Model.list(d.getMemoryBacking().getHugepages().getPage())) {
            CpuSet nodeset = p.getNodeset();
            if (nodeset != null && nodeset.isValid() && nodeset.maxCpu() >= nodes) {
                int missing = nodeset.cpus().nextSetBit(nodes);
                out.accept(Finding.at(
                        p,
                        "nodeset",
                        "hugepages: node " + missing + " not found (the guest has " + nodes + " NUMA node"
                                + (nodes == 1 ? "" : "s") + ")"));
                continue;
            }
            // without NUMA cells, a page size for node 0 is the whole guest's
            if (nodeset == null || noCells && nodeset.isValid()) {
                if (master != null && !sameSize(master, p)) {
                    out.accept(Finding.at(p, "two master hugepages detected: " + size(master) + " and " + size(p)));
                }
                master = p;
            }
        }
    }

    private static String size(Page p) {
        OptionalLong k = kib(p);
        return k.isPresent()
                ? String.valueOf(k.getAsLong())
                : p.getSize() == null ? "" : p.getSize().text();
    }

    private static OptionalLong kib(Page p) {
        return p.getSize() == null
                ? OptionalLong.empty()
                : Model.kib(p.getSize().text(), p.getUnit(), Unit.KIB);
    }

    private static boolean sameSize(Page a, Page b) {
        OptionalLong ka = kib(a);
        OptionalLong kb = kib(b);
        return ka.isEmpty() || kb.isEmpty() || ka.getAsLong() == kb.getAsLong();
    }

    private static void hotplug(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d)) {
            return;
        }
        List<Cell> cells = cells(d);
        if (d.getMaxMemory() != null && d.getMaxMemory().getSlots() != null && cells.isEmpty() && x86(d)) {
            OptionalLong slots = d.getMaxMemory().getSlots().nonNegativeValue();
            if (slots.isPresent() && slots.getAsLong() > 0) {
                out.accept(Finding.at(
                        d.getMaxMemory(),
                        "At least one numa node has to be configured when enabling" + " memory hotplug"));
            }
        }
        for (DevicesMemory m : Model.list(Model.devices(d).getMemory())) {
            if (m.getTarget() == null
                    || m.getTarget().getNode() == null
                    || m.getTarget().getNode().value() == null) {
                continue;
            }
            OptionalLong node = m.getTarget().getNode().value().nonNegativeValue();
            if (node.isPresent() && node.getAsLong() >= Math.max(1, cells.size())) {
                out.accept(Finding.at(
                        m.getTarget().getNode(),
                        "can't add memory backend for guest node '"
                                + node.getAsLong() + "' as the guest has only '" + Math.max(1, cells.size())
                                + "' NUMA nodes configured"));
            }
        }
    }

    private static boolean x86(Domain d) {
        String arch = Model.arch(d);
        return "x86_64".equals(arch) || "i686".equals(arch);
    }
}
