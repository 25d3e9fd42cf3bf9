package org.virtxml.lint.validation;

import java.util.Set;
import org.virtxml.model.SizedElement;
import org.virtxml.model.Unit;

/**
 * What libvirt assumes for a size element written without a unit, and whether the domain memory
 * limit applies, by element class: KiB for the domain's memory-like elements (MiB for
 * {@code <tseg>}), bytes otherwise (storage capacity, allocation, ...). Derived from the class so
 * that one constraint on {@link SizedElement} covers every size element of the model.
 */
final class SizeDefaults {

    private static final Set<String> KIB_DEFAULT = Set.of(
            "DomainMemory",
            "CurrentMemory",
            "MaxMemory",
            "HardLimit",
            "SoftLimit",
            "SwapHardLimit",
            "MinGuarantee",
            "TargetSize",
            "Requested",
            "Current",
            "Block",
            "Alignsize",
            "Pagesize",
            "CellPages",
            "LabelSize",
            "TbCache",
            "Maxpagesize",
            "Pcihole64",
            "Memory");
    private static final Set<String> MEMORY_LIMIT = Set.of("DomainMemory", "CurrentMemory", "MaxMemory");
    private static final String DOMAIN_PACKAGE = "org.virtxml.model.domain";

    private SizeDefaults() {}

    /** The unit of a number written without one. */
    static Unit defaultUnit(Class<? extends SizedElement> type) {
        String name = type.getSimpleName();
        String unit = name.equals("Tseg") ? "MiB" : isDomain(type) && KIB_DEFAULT.contains(name) ? "KiB" : "bytes";
        return Unit.lookup(unit).orElseThrow();
    }

    /** Whether libvirt's domain memory limit (below 2^53 KiB) applies. */
    static boolean memoryLimited(Class<? extends SizedElement> type) {
        return isDomain(type) && MEMORY_LIMIT.contains(type.getSimpleName());
    }

    private static boolean isDomain(Class<?> type) {
        return type.getPackageName().equals(DOMAIN_PACKAGE);
    }
}
