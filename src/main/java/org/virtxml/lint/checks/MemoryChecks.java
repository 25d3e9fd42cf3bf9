package org.virtxml.lint.checks;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Domain;

/** Memory rules over a domain (rules.md "Memory and units"); value syntax is checked by LibvirtValue. */
final class MemoryChecks {

    private MemoryChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("memory-missing", Domain.class, MemoryChecks::missing),
                RuleCheck.of("memory-current-exceeds-max", Domain.class, MemoryChecks::currentExceeds),
                RuleCheck.of("memory-max-below-current", Domain.class, MemoryChecks::maxBelow));
    }

    private static boolean hasNumaCells(Domain d) {
        return d.getCpu() != null
                && d.getCpu().getNuma() != null
                && !Model.list(d.getCpu().getNuma().getCell()).isEmpty();
    }

    private static OptionalLong kib(SizedElement e) {
        if (e == null || e.size() == null) {
            return OptionalLong.empty();
        }
        return e.size().kibibytes(Unit.KIB);
    }

    private static void missing(Domain d, Consumer<Finding> out) {
        if (hasNumaCells(d)) {
            return;
        }
        if (d.getMemory() == null) {
            out.accept(Finding.at(d, "Memory size must be specified via <memory> or in the <numa> configuration"));
            return;
        }
        OptionalLong k = kib(d.getMemory());
        boolean empty = d.getMemory().size() == null;
        if (empty || (k.isPresent() && k.getAsLong() == 0)) {
            out.accept(Finding.at(
                    d.getMemory(),
                    "Memory size must be specified via <memory> or in the <numa>" + " configuration (<memory> is "
                            + (empty ? "empty" : "0") + ")"));
        }
    }

    private static void currentExceeds(Domain d, Consumer<Finding> out) {
        if (hasNumaCells(d)) {
            return;
        }
        OptionalLong total = kib(d.getMemory());
        OptionalLong current = kib(d.getCurrentMemory());
        if (total.isPresent() && current.isPresent() && current.getAsLong() > total.getAsLong()) {
            out.accept(Finding.at(
                    d.getCurrentMemory(),
                    "currentMemory (" + current.getAsLong() + " KiB) exceeds memory (" + total.getAsLong()
                            + " KiB); libvirt will clamp it to memory"));
        }
    }

    /**
     * libvirt's total memory when NUMA cells give it (virDomainDefPostParseMemory, on define): the
     * cells' memory plus the memory devices' sizes; empty when a size cannot be read or the cells
     * give none (libvirt then keeps {@code <memory>}).
     */
    static OptionalLong numaTotal(Domain d) {
        long cells = 0;
        for (org.virtxml.model.domain.Cell c : Model.list(d.getCpu().getNuma().getCell())) {
            if (c.getMemory() == null) {
                continue;
            }
            OptionalLong k = org.virtxml.model.DataSize.of(c.getMemory().text(), c.getUnit())
                    .kibibytes(Unit.KIB);
            if (k.isEmpty()) {
                return OptionalLong.empty();
            }
            cells += k.getAsLong();
        }
        if (cells == 0) {
            return OptionalLong.empty();
        }
        long devices = 0;
        if (d.getDevices() != null) {
            for (org.virtxml.model.domain.DevicesMemory m :
                    Model.list(d.getDevices().getMemory())) {
                OptionalLong k = m.getTarget() == null
                        ? OptionalLong.of(0)
                        : kib(m.getTarget().getSize());
                if (k.isEmpty()) {
                    return OptionalLong.empty();
                }
                devices += k.getAsLong();
            }
        }
        return OptionalLong.of(cells + devices);
    }

    private static void maxBelow(Domain d, Consumer<Finding> out) {
        OptionalLong max = kib(d.getMaxMemory());
        if (max.isEmpty()) {
            return;
        }
        boolean numa = hasNumaCells(d);
        OptionalLong total = numa ? numaTotal(d) : kib(d.getMemory());
        if (numa && total.isEmpty()) {
            total = kib(d.getMemory());
        }
        if (total.isPresent() && max.getAsLong() < total.getAsLong()) {
            out.accept(Finding.at(
                    d.getMaxMemory(),
                    "maximum memory size must be equal or greater than the actual"
                            + " memory size (maxMemory " + max.getAsLong() + " KiB < "
                            + (numa ? "the NUMA cells' total " : "memory ") + total.getAsLong() + " KiB)"));
        }
    }
}
