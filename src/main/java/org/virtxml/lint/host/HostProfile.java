package org.virtxml.lint.host;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the lint host-capacity rules and the host checks know about a host. Every value may be
 * unknown (an empty optional, {@link Support#UNKNOWN}, or an empty domain type set). Immutable.
 *
 * <p>Sources: {@link #local()} (this machine: /proc/cpuinfo, /proc/meminfo, /dev/kvm),
 * {@link #fromCapabilitiesXml(String)} ({@code virsh capabilities} output), and {@link #builder()}
 * for explicit values; {@link #overriddenBy(HostProfile)} lets explicit values win.
 */
public final class HostProfile {

    private final String source;
    private final Integer physicalCores;
    private final Integer threads;
    private final Integer cpuCount;
    private final Long memoryBytes;
    private final Long swapBytes;
    private final Support hardwareVirtualization;
    private final Support kvm;
    private final Set<String> domainTypes;
    private final String arch;
    private final Support iommu;

    private HostProfile(Builder b) {
        this.source = b.source;
        this.physicalCores = b.physicalCores;
        this.threads = b.threads;
        this.cpuCount = b.cpuCount;
        this.memoryBytes = b.memoryBytes;
        this.swapBytes = b.swapBytes;
        this.hardwareVirtualization = b.hardwareVirtualization;
        this.kvm = b.kvm;
        this.domainTypes = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(b.domainTypes));
        this.arch = b.arch;
        this.iommu = b.iommu;
    }

    /** The host's architecture as libvirt names it ({@code x86_64}, {@code aarch64}), when known. */
    public Optional<String> arch() {
        return Optional.ofNullable(arch);
    }

    /** An IOMMU (Intel VT-d, AMD-Vi) the kernel uses: /sys/kernel/iommu_groups lists groups. */
    public Support iommu() {
        return iommu;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** This machine, read through the real file system. */
    public static HostProfile local() {
        return LocalHostReader.read(HostEnvironment.system());
    }

    /** This machine as seen through {@code env} (tests pass a fake). */
    public static HostProfile local(HostEnvironment env) {
        return LocalHostReader.read(env);
    }

    /** A host described by libvirt capabilities XML, as {@code virsh capabilities} prints it. */
    public static HostProfile fromCapabilitiesXml(String xml) throws HostProfileException {
        return CapabilitiesReader.read(xml);
    }

    /** Where the values came from, e.g. {@code local}, {@code capabilities}, {@code explicit}. */
    public String source() {
        return source;
    }

    /** Physical cores (hyper-threads of one core count once). */
    public OptionalInt physicalCores() {
        return physicalCores == null ? OptionalInt.empty() : OptionalInt.of(physicalCores);
    }

    /** Logical CPUs (hardware threads). */
    public OptionalInt threads() {
        return threads == null ? OptionalInt.empty() : OptionalInt.of(threads);
    }

    /** Host CPU ids that cpusets may name: ids 0 .. cpuCount-1. */
    public OptionalInt cpuCount() {
        return cpuCount == null ? OptionalInt.empty() : OptionalInt.of(cpuCount);
    }

    /** Physical memory (RAM) in bytes. */
    public OptionalLong memoryBytes() {
        return memoryBytes == null ? OptionalLong.empty() : OptionalLong.of(memoryBytes);
    }

    public OptionalLong swapBytes() {
        return swapBytes == null ? OptionalLong.empty() : OptionalLong.of(swapBytes);
    }

    /** VT-x (vmx) or AMD-V (svm). */
    public Support hardwareVirtualization() {
        return hardwareVirtualization;
    }

    /** KVM usable: /dev/kvm present and accessible, or a kvm domain type in the capabilities. */
    public Support kvm() {
        return kvm;
    }

    /** Domain types the host offers, sorted ({@code kvm}, {@code qemu}, {@code test}, ...); empty when not known. */
    public Set<String> domainTypes() {
        return domainTypes;
    }

    /** A profile with every value known in {@code explicit} replacing this one's. */
    public HostProfile overriddenBy(HostProfile explicit) {
        Builder b = toBuilder();
        explicit.physicalCores().ifPresent(b::physicalCores);
        explicit.threads().ifPresent(b::threads);
        explicit.cpuCount().ifPresent(b::cpuCount);
        explicit.memoryBytes().ifPresent(b::memoryBytes);
        explicit.swapBytes().ifPresent(b::swapBytes);
        if (explicit.hardwareVirtualization != Support.UNKNOWN) {
            b.hardwareVirtualization(explicit.hardwareVirtualization);
        }
        if (explicit.kvm != Support.UNKNOWN) {
            b.kvm(explicit.kvm);
        }
        if (!explicit.domainTypes.isEmpty()) {
            b.domainTypes(explicit.domainTypes);
        }
        explicit.arch().ifPresent(b::arch);
        if (explicit.iommu != Support.UNKNOWN) {
            b.iommu(explicit.iommu);
        }
        b.source(source + "+" + explicit.source);
        return b.build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.source = source;
        b.physicalCores = physicalCores;
        b.threads = threads;
        b.cpuCount = cpuCount;
        b.memoryBytes = memoryBytes;
        b.swapBytes = swapBytes;
        b.hardwareVirtualization = hardwareVirtualization;
        b.kvm = kvm;
        b.domainTypes = new TreeSet<>(domainTypes);
        b.arch = arch;
        b.iommu = iommu;
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HostProfile p
                && source.equals(p.source)
                && Objects.equals(physicalCores, p.physicalCores)
                && Objects.equals(threads, p.threads)
                && Objects.equals(cpuCount, p.cpuCount)
                && Objects.equals(memoryBytes, p.memoryBytes)
                && Objects.equals(swapBytes, p.swapBytes)
                && hardwareVirtualization == p.hardwareVirtualization
                && kvm == p.kvm
                && domainTypes.equals(p.domainTypes)
                && Objects.equals(arch, p.arch)
                && iommu == p.iommu;
    }

    @Override
    public int hashCode() {
        return Objects.hash(
                source,
                physicalCores,
                threads,
                cpuCount,
                memoryBytes,
                swapBytes,
                hardwareVirtualization,
                kvm,
                domainTypes,
                arch,
                iommu);
    }

    @Override
    public String toString() {
        return "HostProfile[source=" + source + ", physicalCores=" + physicalCores + ", threads=" + threads
                + ", cpuCount=" + cpuCount + ", memoryBytes=" + memoryBytes + ", swapBytes=" + swapBytes
                + ", hardwareVirtualization=" + hardwareVirtualization + ", kvm=" + kvm
                + ", domainTypes=" + new TreeSet<>(domainTypes) + ", arch=" + arch + ", iommu=" + iommu + "]";
    }

    /** Builds a profile; every value not set stays unknown. */
    public static final class Builder {
        private String source = "explicit";
        private Integer physicalCores;
        private Integer threads;
        private Integer cpuCount;
        private Long memoryBytes;
        private Long swapBytes;
        private Support hardwareVirtualization = Support.UNKNOWN;
        private Support kvm = Support.UNKNOWN;
        private Set<String> domainTypes = new TreeSet<>();
        private String arch;
        private Support iommu = Support.UNKNOWN;

        private Builder() {}

        public Builder arch(String value) {
            this.arch = Objects.requireNonNull(value, "arch");
            return this;
        }

        public Builder iommu(Support s) {
            this.iommu = Objects.requireNonNull(s);
            return this;
        }

        public Builder source(String source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        public Builder physicalCores(int n) {
            this.physicalCores = positive(n, "physical cores");
            return this;
        }

        public Builder threads(int n) {
            this.threads = positive(n, "threads");
            return this;
        }

        public Builder cpuCount(int n) {
            this.cpuCount = positive(n, "host CPU count");
            return this;
        }

        public Builder memoryBytes(long n) {
            this.memoryBytes = nonNegative(n, "memory");
            return this;
        }

        public Builder swapBytes(long n) {
            this.swapBytes = nonNegative(n, "swap");
            return this;
        }

        public Builder hardwareVirtualization(Support s) {
            this.hardwareVirtualization = Objects.requireNonNull(s);
            return this;
        }

        public Builder kvm(Support s) {
            this.kvm = Objects.requireNonNull(s);
            return this;
        }

        public Builder domainTypes(Set<String> types) {
            this.domainTypes = new TreeSet<>(types);
            return this;
        }

        public HostProfile build() {
            return new HostProfile(this);
        }

        private static int positive(int n, String what) {
            if (n <= 0) {
                throw new IllegalArgumentException(what + " must be positive: " + n);
            }
            return n;
        }

        private static long nonNegative(long n, String what) {
            if (n < 0) {
                throw new IllegalArgumentException(what + " must not be negative: " + n);
            }
            return n;
        }
    }
}
