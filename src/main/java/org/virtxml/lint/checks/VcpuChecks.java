package org.virtxml.lint.checks;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtxml.model.IntegerText;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainVcpu;
import org.virtxml.model.domain.Iommu;
import org.virtxml.model.domain.Topology;

/** vCPU rules (rules.md "vCPUs"); cpuset syntax is checked by LibvirtValue constraints. */
final class VcpuChecks {

    /** KVM's hard ceiling (and QEMU's largest machine limit). */
    static final long KVM_MAX_VCPUS = 4096;
    /** QEMU_MAX_VCPUS_WITHOUT_EIM. */
    static final long MAX_WITHOUT_EIM = 255;

    private static final Pattern Q35_VERSION = Pattern.compile("pc-q35-(\\d{1,6})\\.(\\d{1,6}).*");

    private VcpuChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("vcpu-invalid", DomainVcpu.class, VcpuChecks::invalid),
                RuleCheck.of("vcpu-current-exceeds-max", Domain.class, VcpuChecks::currentExceeds),
                RuleCheck.of("vcpu-limit", Domain.class, VcpuChecks::limit),
                RuleCheck.of("topology-mismatch", Domain.class, VcpuChecks::topology));
    }

    /** The vcpu count as libvirt reads it; 1 when {@code <vcpu>} is absent; empty when unreadable. */
    static OptionalLong maxVcpus(Domain d) {
        if (d.getVcpu() == null) {
            return OptionalLong.of(1);
        }
        return Model.parseUnsignedDecimal(d.getVcpu().getText());
    }

    private static void invalid(DomainVcpu v, Consumer<Finding> out) {
        String text = v.getText();
        OptionalLong n = Model.parseUnsignedDecimal(text);
        if (n.isEmpty()) {
            out.accept(Finding.at(v, "maximum vcpus count must be an integer: '" + (text == null ? "" : text) + "'"));
        } else if (n.getAsLong() == 0) {
            out.accept(Finding.at(v, "Domain requires at least 1 vCPU: <vcpu> is 0"));
        }
    }

    /** current above the count; with a {@code <vcpus>} list libvirt ignores {@code current}, so nothing to say. */
    private static void currentExceeds(Domain d, Consumer<Finding> out) {
        DomainVcpu v = d.getVcpu();
        if (v == null || d.getVcpus() != null) {
            return;
        }
        OptionalLong max = Model.parseUnsignedDecimal(v.getText());
        OptionalLong current = Model.unsigned(v.getCurrent());
        if (max.isPresent() && current.isPresent() && current.getAsLong() > max.getAsLong()) {
            out.accept(Finding.at(
                    v,
                    "current",
                    "maximum vCPU count must not be less than current vCPU count" + " (current " + current.getAsLong()
                            + " > " + max.getAsLong() + ")"));
        }
    }

    /** The machine type's vCPU limit as QEMU reports it (x86 only); empty when not known. */
    static OptionalLong machineLimit(String machine) {
        if (machine == null) {
            return OptionalLong.empty();
        }
        if (machine.equals("pc") || machine.startsWith("pc-i440fx") || machine.matches("pc-\\d.*")) {
            return OptionalLong.of(255);
        }
        if (machine.equals("q35")) {
            return OptionalLong.of(4096);
        }
        Matcher m = Q35_VERSION.matcher(machine);
        if (m.matches()) {
            int v = Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
            return OptionalLong.of(v <= 207 ? 255 : v <= 800 ? 288 : v <= 802 ? 1024 : 4096);
        }
        return OptionalLong.empty();
    }

    private static boolean x86(Domain d) {
        String arch = Model.arch(d);
        return arch == null || arch.equals("x86_64") || arch.equals("i686");
    }

    private static void limit(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d) || d.getVcpu() == null) {
            return;
        }
        OptionalLong n = maxVcpus(d);
        if (n.isEmpty()) {
            return;
        }
        long vcpus = n.getAsLong();
        String machine = Model.machine(d);
        // without a machine attribute, QEMU's x86 default machine is i440fx ('pc')
        boolean defaulted = machine == null && Model.arch(d) != null && x86(d);
        OptionalLong machineMax = x86(d) ? machineLimit(defaulted ? "pc" : machine) : OptionalLong.empty();
        if (machineMax.isPresent() && vcpus > machineMax.getAsLong()) {
            out.accept(Finding.at(
                    d.getVcpu(),
                    "Maximum CPUs greater than specified machine type limit "
                            + machineMax.getAsLong() + " (" + vcpus + " vCPUs on machine '"
                            + (defaulted ? "pc', the default when <type> names no machine" : machine + "'") + ")"));
        } else if ("kvm".equals(d.getType()) && vcpus > KVM_MAX_VCPUS) {
            out.accept(Finding.at(d.getVcpu(), vcpus + " vCPUs: KVM allows at most " + KVM_MAX_VCPUS));
        } else if (x86(d) && vcpus > MAX_WITHOUT_EIM && machineMax.isPresent() && Model.isQ35(d) && !eim(d)) {
            out.accept(
                    Finding.at(
                            d.getVcpu(),
                            "more than " + MAX_WITHOUT_EIM + " vCPUs require extended interrupt"
                                    + " mode enabled on the iommu device (<iommu model='intel'><driver intremap='on' eim='on'/>)"));
        }
    }

    private static boolean eim(Domain d) {
        Iommu iommu = d.getDevices() == null ? null : d.getDevices().getIommu();
        return iommu != null
                && iommu.getDriver() != null
                && "on".equals(iommu.getDriver().getEim());
    }

    private static void topology(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d) || d.getCpu() == null || d.getCpu().getTopology() == null) {
            return;
        }
        Topology t = d.getCpu().getTopology();
        OptionalLong vcpus = maxVcpus(d);
        long product = 1;
        for (IntegerText part :
                new IntegerText[] {t.getSockets(), t.getDies(), t.getClusters(), t.getCores(), t.getThreads()}) {
            if (part == null) {
                continue;
            }
            OptionalLong v = Model.parseUnsignedDecimal(part.text());
            if (v.isEmpty()) {
                return;
            }
            product *= v.getAsLong();
        }
        if (vcpus.isPresent() && product != vcpus.getAsLong()) {
            out.accept(Finding.at(
                    t,
                    "CPU topology doesn't match maximum vcpu count: sockets*dies*clusters*cores*threads" + " = "
                            + product + ", <vcpu> = " + vcpus.getAsLong()));
        }
    }
}
