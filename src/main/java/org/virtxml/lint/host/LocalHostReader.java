package org.virtxml.lint.host;

import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads this machine's profile: /proc/cpuinfo (threads = processor entries; physical cores =
 * distinct (physical id, core id) pairs; vmx/svm flags), /proc/meminfo (MemTotal, SwapTotal)
 * /dev/kvm, /sys/kernel/iommu_groups (an IOMMU when it lists a group) and the machine's
 * architecture. Linux only; on other systems the values stay unknown.
 */
final class LocalHostReader {

    static final String CPUINFO = "/proc/cpuinfo";
    static final String MEMINFO = "/proc/meminfo";
    static final String DEV_KVM = "/dev/kvm";
    /** One folder per IOMMU group; empty or missing when the kernel runs without an IOMMU. */
    static final String IOMMU_GROUPS = "/sys/kernel/iommu_groups";

    private static final Pattern FIELD = Pattern.compile("^([^:]+?)\\s*:\\s*(.*)$");

    private LocalHostReader() {}

    static HostProfile read(HostEnvironment env) {
        HostProfile.Builder b = HostProfile.builder().source("local");
        env.readText(CPUINFO).ifPresent(text -> cpuinfo(text, b));
        env.readText(MEMINFO).ifPresent(text -> {
            meminfo(text, "MemTotal").ifPresent(b::memoryBytes);
            meminfo(text, "SwapTotal").ifPresent(b::swapBytes);
        });
        b.kvm(Support.of(env.exists(DEV_KVM) && env.isAccessible(DEV_KVM)));
        env.list(IOMMU_GROUPS).ifPresent(groups -> b.iommu(Support.of(!groups.isEmpty())));
        env.architecture().ifPresent(b::arch);
        return b.build();
    }

    private static void cpuinfo(String text, HostProfile.Builder b) {
        int processors = 0;
        int maxId = -1;
        boolean allHaveCoreIds = true;
        boolean sawFlags = false;
        boolean virtualization = false;
        Set<String> cores = new HashSet<>();
        for (String block : text.split("\\n\\s*\\n")) {
            Optional<String> processor = field(block, "processor");
            if (processor.isEmpty() || !processor.get().matches("\\d+")) {
                continue;
            }
            processors++;
            maxId = Math.max(maxId, Integer.parseInt(processor.get()));
            Optional<String> physicalId = field(block, "physical id");
            Optional<String> coreId = field(block, "core id");
            if (physicalId.isPresent() && coreId.isPresent()) {
                cores.add(physicalId.get() + "/" + coreId.get());
            } else {
                allHaveCoreIds = false;
            }
            Optional<String> flags = field(block, "flags");
            if (flags.isPresent()) {
                sawFlags = true;
                Set<String> set = Set.of(flags.get().trim().split("\\s+"));
                virtualization |= set.contains("vmx") || set.contains("svm");
            }
        }
        if (processors == 0) {
            return;
        }
        b.threads(processors);
        b.cpuCount(maxId + 1);
        b.physicalCores(allHaveCoreIds ? cores.size() : processors);
        if (sawFlags) {
            b.hardwareVirtualization(Support.of(virtualization));
        }
    }

    private static Optional<String> field(String block, String name) {
        for (String line : block.split("\\n")) {
            Matcher m = FIELD.matcher(line);
            if (m.matches() && m.group(1).trim().equals(name)) {
                return Optional.of(m.group(2).trim());
            }
        }
        return Optional.empty();
    }

    /** A meminfo value in bytes ("MemTotal:  32791612 kB"). */
    static OptionalLong meminfo(String text, String key) {
        Pattern p = Pattern.compile("(?m)^" + Pattern.quote(key) + ":\\s*(\\d+)\\s*(kB)?\\s*$");
        Matcher m = p.matcher(text);
        if (!m.find()) {
            return OptionalLong.empty();
        }
        try {
            long n = Long.parseLong(m.group(1));
            return OptionalLong.of(m.group(2) != null ? Math.multiplyExact(n, 1024L) : n);
        } catch (ArithmeticException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
