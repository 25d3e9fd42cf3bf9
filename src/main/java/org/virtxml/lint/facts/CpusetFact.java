package org.virtxml.lint.facts;

import java.util.Objects;

/**
 * One host-CPU set a guest names.
 *
 * @param where    how the document names it, e.g. {@code <vcpu cpuset>}, {@code <vcpupin vcpu='1'>},
 *                 {@code <emulatorpin>}
 * @param cpuset   the set as written, e.g. {@code 0-3,^2}
 * @param maxCpuId highest host CPU id the set selects
 * @param at       its location
 */
public record CpusetFact(String where, String cpuset, int maxCpuId, Origin at) {

    public CpusetFact {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(cpuset, "cpuset");
        Objects.requireNonNull(at, "at");
        if (maxCpuId < 0) {
            throw new IllegalArgumentException("CPU ids are not negative: " + maxCpuId);
        }
    }
}
