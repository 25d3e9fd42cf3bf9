package org.virtxml.lint.facts;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The plain facts about one document that the host-capacity and set rules need, so they run
 * without the typed model. Unknown numbers are 0, unknown strings null.
 *
 * @param file        path of the document (for defined guests: where they came from, e.g. a URI)
 * @param kind        {@code domain}, {@code pool}, {@code volume}, ...
 * @param name        {@code <name>}, or null
 * @param uuid        {@code <uuid>} as written, or null
 * @param domainType  {@code <domain type>} ({@code kvm}, {@code qemu}, ...), or null
 * @param vcpus       vCPU count (maximum), 0 when not known
 * @param memoryBytes memory in bytes, 0 when not known
 * @param cpusets     host-CPU sets the guest names (vcpu cpuset, vcpupin, emulatorpin, ...)
 * @param macs        interface MAC addresses
 * @param at          location of the root element
 * @param nameAt      location of {@code <name>}
 * @param uuidAt      location of {@code <uuid>}
 * @param vcpuAt      location of {@code <vcpu>}
 * @param memoryAt    location of {@code <memory>}
 * @param pciAssignments the host PCI devices the guest is assigned (hostdevs, SR-IOV
 *                    interfaces), with their addresses where the document gives them
 */
public record GuestFacts(
        String file,
        String kind,
        String name,
        String uuid,
        String domainType,
        long vcpus,
        long memoryBytes,
        List<CpusetFact> cpusets,
        List<MacFact> macs,
        Origin at,
        Origin nameAt,
        Origin uuidAt,
        Origin vcpuAt,
        Origin memoryAt,
        List<PciAssignment> pciAssignments) {

    public GuestFacts {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        if (vcpus < 0 || memoryBytes < 0) {
            throw new IllegalArgumentException("vcpus and memory are not negative");
        }
        cpusets = List.copyOf(cpusets);
        macs = List.copyOf(macs);
        pciAssignments = List.copyOf(pciAssignments);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(nameAt, "nameAt");
        Objects.requireNonNull(uuidAt, "uuidAt");
        Objects.requireNonNull(vcpuAt, "vcpuAt");
        Objects.requireNonNull(memoryAt, "memoryAt");
    }

    public static Builder builder(String file, String kind) {
        return new Builder(file, kind);
    }

    public boolean isDomain() {
        return "domain".equals(kind);
    }

    /**
     * The UUID as 32 lower-case hex digits when it is one (libvirt ignores {@code -} and blanks
     * between byte pairs), otherwise as written, trimmed; empty when absent.
     */
    public Optional<String> uuidKey() {
        if (uuid == null || uuid.isBlank()) {
            return Optional.empty();
        }
        String hex = uuid.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
        return Optional.of(isHex32(hex) ? hex : uuid.trim());
    }

    /** Whether {@code s} is 32 hex digits. */
    private static boolean isHex32(String s) {
        if (s.length() != 32) {
            return false;
        }
        for (int i = 0; i < 32; i++) {
            if (!HexFormat.isHexDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** {@code 'name' (file)} or just the file, for messages. */
    public String describe() {
        return name == null || name.isBlank() ? file : "'" + name + "' (" + file + ")";
    }

    /** Builds facts; everything not set is unknown. */
    public static final class Builder {
        private final String file;
        private final String kind;
        private String name;
        private String uuid;
        private String domainType;
        private long vcpus;
        private long memoryBytes;
        private final List<CpusetFact> cpusets = new ArrayList<>();
        private final List<MacFact> macs = new ArrayList<>();
        private final List<PciAssignment> pciAssignments = new ArrayList<>();
        private Origin at = Origin.UNKNOWN;
        private Origin nameAt = Origin.UNKNOWN;
        private Origin uuidAt = Origin.UNKNOWN;
        private Origin vcpuAt = Origin.UNKNOWN;
        private Origin memoryAt = Origin.UNKNOWN;

        private Builder(String file, String kind) {
            this.file = file;
            this.kind = kind;
        }

        public Builder at(Origin at) {
            this.at = at;
            return this;
        }

        public Builder name(String name, Origin at) {
            this.name = name;
            this.nameAt = at;
            return this;
        }

        public Builder name(String name) {
            return name(name, nameAt);
        }

        public Builder uuid(String uuid, Origin at) {
            this.uuid = uuid;
            this.uuidAt = at;
            return this;
        }

        public Builder uuid(String uuid) {
            return uuid(uuid, uuidAt);
        }

        public Builder domainType(String type) {
            this.domainType = type;
            return this;
        }

        public Builder vcpus(long vcpus, Origin at) {
            this.vcpus = vcpus;
            this.vcpuAt = at;
            return this;
        }

        public Builder vcpus(long vcpus) {
            return vcpus(vcpus, vcpuAt);
        }

        public Builder memoryBytes(long bytes, Origin at) {
            this.memoryBytes = bytes;
            this.memoryAt = at;
            return this;
        }

        public Builder memoryBytes(long bytes) {
            return memoryBytes(bytes, memoryAt);
        }

        public Builder cpuset(CpusetFact cpuset) {
            cpusets.add(cpuset);
            return this;
        }

        public Builder mac(MacFact mac) {
            macs.add(mac);
            return this;
        }

        /** A host PCI device assigned to the guest. */
        public Builder pciAssignment(PciAssignment assignment) {
            pciAssignments.add(assignment);
            return this;
        }

        public GuestFacts build() {
            return new GuestFacts(
                    file,
                    kind,
                    name,
                    uuid,
                    domainType,
                    vcpus,
                    memoryBytes,
                    cpusets,
                    macs,
                    at,
                    nameAt,
                    uuidAt,
                    vcpuAt,
                    memoryAt,
                    pciAssignments);
        }
    }
}
