package org.virtxml.lint.validation;

import java.util.List;
import java.util.Set;
import org.virtxml.model.ModelElement;
import org.virtxml.model.domain.Cachetune;
import org.virtxml.model.domain.CachetuneMonitor;
import org.virtxml.model.domain.Cell;
import org.virtxml.model.domain.DomainVcpu;
import org.virtxml.model.domain.Emulatorpin;
import org.virtxml.model.domain.Iothreadpin;
import org.virtxml.model.domain.Iothreadsched;
import org.virtxml.model.domain.Memnode;
import org.virtxml.model.domain.Memorytune;
import org.virtxml.model.domain.MemorytuneMonitor;
import org.virtxml.model.domain.NumatuneMemory;
import org.virtxml.model.domain.Page;
import org.virtxml.model.domain.Vcpupin;
import org.virtxml.model.domain.Vcpusched;

/**
 * Every cpuset-typed attribute of the domain, pool and volume models, written out so that the
 * linter's bootstrap does not have to load and scan the ~450 generated classes to find them
 * ({@code CpusetAttributesTest} compares this table with such a scan, so it cannot drift from the
 * generated model).
 */
final class CpusetAttributes {

    /**
     * One cpuset attribute.
     *
     * @param type       the model class
     * @param property   the Java property (getter {@code getXxx})
     * @param attribute  the XML attribute name
     * @param allowEmpty whether a set selecting no CPU is acceptable (not for pinning and placement)
     */
    record Attribute(Class<? extends ModelElement> type, String property, String attribute, boolean allowEmpty) {}

    /** Pinning and placement sets: libvirt refuses one that selects no CPU (or node). */
    private static final Set<Class<?>> PINNING = Set.of(
            DomainVcpu.class, Vcpupin.class, Emulatorpin.class, Iothreadpin.class, NumatuneMemory.class, Memnode.class);

    static final List<Attribute> ALL = List.of(
            of(DomainVcpu.class, "cpuset"),
            of(Vcpupin.class, "cpuset"),
            of(Emulatorpin.class, "cpuset"),
            of(Iothreadpin.class, "cpuset"),
            of(Vcpusched.class, "vcpus"),
            of(Iothreadsched.class, "iothreads"),
            of(Cachetune.class, "vcpus"),
            of(Memorytune.class, "vcpus"),
            of(NumatuneMemory.class, "nodeset"),
            of(Memnode.class, "nodeset"),
            of(Page.class, "nodeset"),
            of(CachetuneMonitor.class, "vcpus"),
            of(MemorytuneMonitor.class, "vcpus"),
            of(Cell.class, "cpus"));

    private CpusetAttributes() {}

    /** Property and attribute share their name in every generated cpuset attribute. */
    private static Attribute of(Class<? extends ModelElement> type, String name) {
        return new Attribute(type, name, name, !PINNING.contains(type));
    }
}
