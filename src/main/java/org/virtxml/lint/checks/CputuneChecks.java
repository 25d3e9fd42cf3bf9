package org.virtxml.lint.checks;

import java.util.BitSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.virtxml.model.CpuSet;
import org.virtxml.model.IntegerText;
import org.virtxml.model.domain.Cputune;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.IothreadidsIothread;
import org.virtxml.model.domain.Iothreadpin;
import org.virtxml.model.domain.Iothreadsched;
import org.virtxml.model.domain.Vcpupin;
import org.virtxml.model.domain.Vcpusched;

/** cputune and IOThreads (docs/rules-domain.md "NUMA and tuning"). */
final class CputuneChecks {

    private CputuneChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("iothread-missing", Domain.class, CputuneChecks::iothreadMissing),
                RuleCheck.of("vcpusched-overlap", Domain.class, CputuneChecks::vcpuschedOverlap),
                RuleCheck.of("vcpupin-ignored", Domain.class, CputuneChecks::vcpupinIgnored));
    }

    /**
     * The IOThread ids as libvirt assigns them: those {@code <iothreadids>} lists, then the smallest
     * unused positive ids up to the {@code <iothreads>} count. Empty when a count is unreadable.
     */
    static java.util.Optional<TreeSet<Long>> iothreadIds(Domain d) {
        TreeSet<Long> ids = new TreeSet<>();
        if (d.getIothreadids() != null) {
            for (IothreadidsIothread t : Model.list(d.getIothreadids().getIothread())) {
                OptionalLong id =
                        t.getId() == null ? OptionalLong.empty() : t.getId().nonNegativeValue();
                if (id.isEmpty()) {
                    return java.util.Optional.empty();
                }
                ids.add(id.getAsLong());
            }
        }
        long count = 0;
        if (d.getIothreads() != null) {
            IntegerText n = d.getIothreads().value();
            OptionalLong c = n == null ? OptionalLong.empty() : n.nonNegativeValue();
            if (c.isEmpty()) {
                return java.util.Optional.empty();
            }
            count = c.getAsLong();
        }
        for (long next = 1; ids.size() < count && next < Integer.MAX_VALUE; next++) {
            ids.add(next);
        }
        return java.util.Optional.of(ids);
    }

    private static void iothreadMissing(Domain d, Consumer<Finding> out) {
        var known = iothreadIds(d);
        if (known.isEmpty()) {
            return;
        }
        TreeSet<Long> ids = known.get();
        Cputune t = d.getCputune();
        if (t != null) {
            for (Iothreadpin p : Model.list(t.getIothreadpin())) {
                OptionalLong id = p.getIothread() == null
                        ? OptionalLong.empty()
                        : p.getIothread().nonNegativeValue();
                if (id.isPresent() && !ids.contains(id.getAsLong())) {
                    out.accept(Finding.at(
                            p,
                            "iothread",
                            "Cannot find 'iothread' : " + id.getAsLong()
                                    + " (iothreadpin names an IOThread the domain does not have" + have(ids) + ")"));
                }
            }
            for (Iothreadsched s : Model.list(t.getIothreadsched())) {
                CpuSet set = s.getIothreads();
                if (set == null || !set.isValid()) {
                    continue;
                }
                for (int id = set.cpus().nextSetBit(0); id >= 0; id = set.cpus().nextSetBit(id + 1)) {
                    if (!ids.contains((long) id)) {
                        out.accept(Finding.at(
                                s,
                                "iothreads",
                                "Cannot find 'iothread' : " + id
                                        + " (iothreadsched names an IOThread the domain does not have" + have(ids)
                                        + ")"));
                        break;
                    }
                }
            }
        }
        if (!Model.isQemu(d)) {
            return;
        }
        for (Disk disk : Model.list(Model.devices(d).getDisk())) {
            if (disk.getDriver() == null || disk.getDriver().getIothread() == null) {
                continue;
            }
            OptionalLong id = disk.getDriver().getIothread().nonNegativeValue();
            if (id.isPresent() && !ids.contains(id.getAsLong())) {
                out.accept(Finding.at(
                        disk.getDriver(),
                        "iothread",
                        "Disk iothread '" + id.getAsLong() + "' not defined in iothreadid" + have(ids)));
            }
        }
    }

    private static String have(TreeSet<Long> ids) {
        return ids.isEmpty() ? "; it has none" : "; it has " + ids;
    }

    private static void vcpuschedOverlap(Domain d, Consumer<Finding> out) {
        if (d.getCputune() == null) {
            return;
        }
        BitSet seen = new BitSet();
        for (Vcpusched s : Model.list(d.getCputune().getVcpusched())) {
            CpuSet set = s.getVcpus();
            if (set == null || !set.isValid()) {
                continue;
            }
            if (seen.intersects(set.cpus())) {
                out.accept(Finding.at(s, "vcpus", "'vcpusched' attributes 'vcpus' must not overlap"));
            }
            seen.or(set.cpus());
        }
    }

    /** libvirt drops a {@code <vcpupin>} for a vCPU the domain lacks, with only a log warning. */
    private static void vcpupinIgnored(Domain d, Consumer<Finding> out) {
        OptionalLong vcpus = VcpuChecks.maxVcpus(d);
        if (d.getCputune() == null || vcpus.isEmpty()) {
            return;
        }
        for (Vcpupin p : Model.list(d.getCputune().getVcpupin())) {
            OptionalLong id =
                    p.getVcpu() == null ? OptionalLong.empty() : p.getVcpu().nonNegativeValue();
            if (id.isPresent() && id.getAsLong() >= vcpus.getAsLong()) {
                out.accept(Finding.at(
                        p,
                        "vcpu",
                        "vcpupin for vCPU " + id.getAsLong() + ", but the domain has " + vcpus.getAsLong()
                                + " vCPUs (0-" + (vcpus.getAsLong() - 1) + "); libvirt ignores it"));
            }
        }
    }
}
