package org.virtxml.lint.host;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.virtxml.model.Sizes;

/**
 * KVM host checks after virt-host-validate and the KVM guide (chapter 1: VT-x/AMD-V required;
 * chapter 7: the host keeps up to 4 GiB of RAM for itself, at least 4 GiB of swap, no guest
 * with more vCPUs than physical cores). Device checks (/dev/kvm, /dev/net/tun, /dev/vhost-net)
 * run only for the machine the tool runs on ({@link #forMachine}); a profile read from a
 * capabilities file is checked on what the file says ({@link #forProfile}).
 */
public final class HostChecks {

    /** The guide's share of host RAM for the host's own processes, and its minimum swap. */
    public static final long HOST_RESERVE_BYTES = 4 * Sizes.GIB;

    static final String HW_VIRT = "hardware virtualization";
    static final String HW_VIRT_HINT = "Host not compatible with KVM; HW virtualization CPU features not found."
            + " Only emulated CPUs are available; performance will be significantly limited";
    static final String KVM_EXISTS_HINT =
            "Check that the 'kvm-intel' or 'kvm-amd' modules are loaded" + " & the BIOS has enabled virtualization";
    static final String KVM_ACCESS_HINT =
            "Check /dev/kvm is world writable or you are in a group that is" + " allowed to access it";
    static final String VHOST_HINT = "Load the 'vhost_net' module to improve performance of virtio networking";
    static final String TUN_HINT = "Load the 'tun' module to enable networking for QEMU guests";

    private HostChecks() {}

    /** Checks of this machine: its devices plus its profile. */
    public static List<HostCheck> forMachine(HostProfile profile, HostEnvironment env) {
        List<HostCheck> checks = new ArrayList<>();
        checks.add(hardwareVirtualization(profile));
        boolean kvmExists = env.exists("/dev/kvm");
        checks.add(
                kvmExists
                        ? HostCheck.pass("/dev/kvm exists", "found")
                        : HostCheck.fail("/dev/kvm exists", "/dev/kvm not found", KVM_EXISTS_HINT));
        if (kvmExists) {
            checks.add(
                    env.isAccessible("/dev/kvm")
                            ? HostCheck.pass("/dev/kvm accessible", "read and write allowed")
                            : HostCheck.fail(
                                    "/dev/kvm accessible",
                                    "this user cannot read and write /dev/kvm",
                                    KVM_ACCESS_HINT));
        }
        checks.add(
                env.exists("/dev/vhost-net")
                        ? HostCheck.pass("/dev/vhost-net exists", "found")
                        : HostCheck.warn("/dev/vhost-net exists", "/dev/vhost-net not found", VHOST_HINT));
        checks.add(
                env.exists("/dev/net/tun")
                        ? HostCheck.pass("/dev/net/tun exists", "found")
                        : HostCheck.fail("/dev/net/tun exists", "/dev/net/tun not found", TUN_HINT));
        checks.addAll(capacity(profile));
        return List.copyOf(checks);
    }

    /** Checks of a host known only by its profile (e.g. read from capabilities XML). */
    public static List<HostCheck> forProfile(HostProfile profile) {
        List<HostCheck> checks = new ArrayList<>();
        checks.add(hardwareVirtualization(profile));
        String name = "KVM domain type offered";
        checks.add(
                switch (profile.kvm()) {
                    case PRESENT -> HostCheck.pass(name, "domain types: " + String.join(", ", profile.domainTypes()));
                    case ABSENT ->
                        HostCheck.fail(
                                name,
                                "domain types offered: " + String.join(", ", profile.domainTypes()) + "; no kvm",
                                KVM_EXISTS_HINT);
                    case UNKNOWN ->
                        HostCheck.warn(
                                name,
                                "the profile does not say which domain types the host offers",
                                "Give libvirt capabilities XML (virsh capabilities) to know");
                });
        checks.addAll(capacity(profile));
        return List.copyOf(checks);
    }

    /** True when any check failed. */
    public static boolean anyFailed(List<HostCheck> checks) {
        return checks.stream().anyMatch(c -> c.status() == HostCheck.Status.FAIL);
    }

    private static HostCheck hardwareVirtualization(HostProfile profile) {
        return switch (profile.hardwareVirtualization()) {
            case PRESENT -> HostCheck.pass(HW_VIRT, "VT-x (vmx) or AMD-V (svm) found");
            case ABSENT ->
                profile.kvm() == Support.PRESENT
                        ? HostCheck.warn(
                                HW_VIRT,
                                "no vmx or svm CPU flag, but KVM is usable",
                                "The CPU flags may be hidden (e.g. nested virtualization); KVM itself works")
                        : HostCheck.fail(HW_VIRT, "no vmx or svm CPU flag", HW_VIRT_HINT);
            case UNKNOWN ->
                HostCheck.warn(
                        HW_VIRT,
                        "not known whether the CPU has VT-x or AMD-V",
                        "Unknown if this host has HW virtualization; KVM needs Intel VT-x or AMD-V");
        };
    }

    private static List<HostCheck> capacity(HostProfile profile) {
        List<HostCheck> checks = new ArrayList<>();
        OptionalLong memory = profile.memoryBytes();
        String memName = "host memory";
        if (memory.isEmpty()) {
            checks.add(HostCheck.warn(memName, "host RAM not known", "Give the host's memory to check it"));
        } else if (memory.getAsLong() <= HOST_RESERVE_BYTES) {
            checks.add(HostCheck.warn(
                    memName,
                    Sizes.human(memory.getAsLong()) + " of RAM, not more than the " + Sizes.human(HOST_RESERVE_BYTES)
                            + " the host keeps for itself",
                    "Guests would only run with memory overcommitted; add RAM (the guide reserves up to"
                            + " 4 GiB for the host)"));
        } else {
            checks.add(HostCheck.pass(
                    memName,
                    Sizes.human(memory.getAsLong()) + " of RAM: "
                            + Sizes.human(memory.getAsLong() - HOST_RESERVE_BYTES) + " for guests after "
                            + Sizes.human(HOST_RESERVE_BYTES) + " for the host"));
        }
        OptionalLong swap = profile.swapBytes();
        String swapName = "host swap";
        if (swap.isEmpty()) {
            checks.add(HostCheck.warn(
                    swapName,
                    "host swap not known",
                    "Capabilities XML does not report swap; give it explicitly to check it"));
        } else if (swap.getAsLong() < HOST_RESERVE_BYTES) {
            checks.add(HostCheck.warn(
                    swapName,
                    Sizes.human(swap.getAsLong()) + " of swap, less than " + Sizes.human(HOST_RESERVE_BYTES),
                    "The guide asks for at least 4 GiB of swap on a KVM host, more when memory is overcommitted"));
        } else {
            checks.add(HostCheck.pass(swapName, Sizes.human(swap.getAsLong()) + " of swap"));
        }
        OptionalInt cores = profile.physicalCores();
        String coreName = "physical cores";
        if (cores.isEmpty()) {
            checks.add(HostCheck.warn(coreName, "physical cores not known", "Give the host's cores to check guests"));
        } else {
            int n = cores.getAsInt();
            String detail = n + (n == 1 ? " core" : " cores") + ": at most " + n + " vCPUs per guest and " + (10L * n)
                    + " vCPUs in all (10 per core)";
            checks.add(
                    n < 2
                            ? HostCheck.warn(
                                    coreName,
                                    detail,
                                    "A single-core host cannot run a guest with more than one vCPU without overcommitting")
                            : HostCheck.pass(coreName, detail));
        }
        return checks;
    }
}
