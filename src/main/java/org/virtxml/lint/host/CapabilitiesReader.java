package org.virtxml.lint.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.ReadProblem;
import org.virtxml.model.DataSize;
import org.virtxml.model.IntegerText;
import org.virtxml.model.Unit;
import org.virtxml.model.capabilities.Arch;
import org.virtxml.model.capabilities.Capabilities;
import org.virtxml.model.capabilities.CapabilitiesHost;
import org.virtxml.model.capabilities.Cell;
import org.virtxml.model.capabilities.CpuFeature;
import org.virtxml.model.capabilities.CpuTopology;
import org.virtxml.model.capabilities.CpusCpu;
import org.virtxml.model.capabilities.Domain;
import org.virtxml.model.capabilities.Guest;
import org.virtxml.model.capabilities.HostCpu;

/**
 * Reads a host profile from libvirt capabilities XML (as {@code virsh capabilities} prints it),
 * through the typed model: cores and threads from the NUMA cells' {@code <cpu>} entries (or
 * {@code <host><cpu><topology>}), memory as the sum of the cells' {@code <memory>}, domain types
 * from {@code <guest><arch><domain type>}. Capabilities do not report swap.
 */
final class CapabilitiesReader {

    private CapabilitiesReader() {}

    static HostProfile read(String xml) throws HostProfileException {
        Capabilities root;
        try {
            root = LibvirtXml.defaults().parseCapabilities(xml).root();
        } catch (DocumentReadException e) {
            ReadProblem p = e.problem();
            if (p.kind() == ReadProblem.Kind.ROOT_UNKNOWN) {
                throw new HostProfileException("not libvirt capabilities XML: " + p.message(), e);
            }
            throw new HostProfileException(
                    "capabilities XML at line " + p.line() + ", column " + p.column() + ": "
                            + (p.kind() == ReadProblem.Kind.UNSAFE ? "refused: " : "") + p.message(),
                    e);
        }
        HostProfile.Builder b = HostProfile.builder().source("capabilities");
        Optional<CapabilitiesHost> host = Optional.ofNullable(root.getHost());
        Optional<HostCpu> cpu = host.map(CapabilitiesHost::getCpu);
        Optional<CpuTopology> topology = cpu.map(HostCpu::getTopology);
        cpu.map(HostCpu::getArch)
                .map(a -> a.getText() == null ? "" : a.getText().trim())
                .filter(a -> !a.isEmpty())
                .ifPresent(b::arch);

        List<Cell> cells = host.map(CapabilitiesHost::getTopology)
                .map(t -> t.getCells())
                .map(c -> c.getCell())
                .orElse(List.of());
        List<CpusCpu> cellCpus = new ArrayList<>();
        for (Cell cell : cells) {
            if (cell.getCpus() != null) {
                cellCpus.addAll(cell.getCpus().getCpu());
            }
        }
        int threadsPerCore = topology.map(t -> count(t.getThreads())).orElse(1);
        if (!cellCpus.isEmpty()) {
            cpusFromCells(cellCpus, threadsPerCore, b);
        } else if (topology.isPresent() && threadsTotal(topology.get()) > 0) {
            int total = threadsTotal(topology.get());
            b.threads(total).cpuCount(total);
            b.physicalCores(total / Math.max(1, threadsPerCore));
        }
        memoryFromCells(cells).ifPresent(b::memoryBytes);

        Set<String> domainTypes = new TreeSet<>();
        for (Guest guest : root.getGuest()) {
            Arch arch = guest.getArch();
            if (arch != null) {
                for (Domain domain : arch.getDomain()) {
                    if (domain.getType() != null && !domain.getType().isEmpty()) {
                        domainTypes.add(domain.getType());
                    }
                }
            }
        }
        b.domainTypes(domainTypes);
        boolean kvmOffered = domainTypes.contains("kvm");
        b.kvm(kvmOffered ? Support.PRESENT : domainTypes.isEmpty() ? Support.UNKNOWN : Support.ABSENT);

        Set<String> features = new HashSet<>();
        cpu.ifPresent(c -> c.getFeature().stream().map(CpuFeature::getName).forEach(features::add));
        // the CPU flags decide, as /proc/cpuinfo does for the local host: a kvm domain type alone does not
        // prove VT-x/AMD-V (libvirt may offer kvm where the flag is hidden, or report it from a stale probe)
        if (features.contains("vmx") || features.contains("svm")) {
            b.hardwareVirtualization(Support.PRESENT);
        } else if (!features.isEmpty() && isX86(cpu)) {
            b.hardwareVirtualization(Support.ABSENT);
        }
        return b.build();
    }

    private static void cpusFromCells(List<CpusCpu> cpus, int threadsPerCore, HostProfile.Builder b)
            throws HostProfileException {
        int maxId = -1;
        Set<String> coreKeys = new HashSet<>();
        Set<String> siblingGroups = new HashSet<>();
        boolean allHaveIds = true;
        boolean allHaveSiblings = true;
        for (CpusCpu cpu : cpus) {
            maxId = Math.max(maxId, cpuId(cpu.getId()));
            if (cpu.getSocketId() != null && cpu.getCoreId() != null) {
                coreKeys.add(
                        cpu.getSocketId() + "/" + cpu.getDieId() + "/" + cpu.getClusterId() + "/" + cpu.getCoreId());
            } else {
                allHaveIds = false;
            }
            if (cpu.getSiblings() != null) {
                siblingGroups.add(cpu.getSiblings().text());
            } else {
                allHaveSiblings = false;
            }
        }
        int threads = cpus.size();
        b.threads(threads).cpuCount(maxId + 1);
        if (allHaveIds) {
            b.physicalCores(coreKeys.size());
        } else if (allHaveSiblings) {
            b.physicalCores(siblingGroups.size());
        } else {
            b.physicalCores(Math.max(1, threads / Math.max(1, threadsPerCore)));
        }
    }

    private static Optional<Long> memoryFromCells(List<Cell> cells) throws HostProfileException {
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        long total = 0;
        for (Cell cell : cells) {
            if (cell.getMemory() == null || cell.getMemory().size() == null) {
                return Optional.empty();
            }
            try {
                total = Math.addExact(total, bytes(cell.getMemory().size()));
            } catch (ArithmeticException e) {
                throw new HostProfileException("the cells' <memory> add up to more than 2^63 bytes");
            }
        }
        return Optional.of(total);
    }

    /** A cell's memory in bytes; KiB when no unit is written, as libvirt writes it. */
    private static long bytes(DataSize size) throws HostProfileException {
        String unit = size.unit().orElse("KiB");
        if (size.unit().isPresent() && Unit.lookup(unit).isEmpty()) {
            throw new HostProfileException("cell <memory> has an unknown unit '" + unit + "'");
        }
        String number = size.number().trim();
        if (!number.matches("\\d{1,19}")) {
            throw new HostProfileException("cell <memory> is not an unsigned integer: '" + number + "'");
        }
        OptionalLong bytes = size.bytes(Unit.KIB);
        if (bytes.isEmpty()) {
            throw new HostProfileException("cell <memory> is too large: " + number + " " + unit);
        }
        return bytes.getAsLong();
    }

    private static boolean isX86(Optional<HostCpu> cpu) {
        String arch = cpu.map(HostCpu::getArch)
                .map(a -> a.getText() == null ? "" : a.getText().trim())
                .orElse("");
        return arch.equals("x86_64") || arch.matches("i[3-6]86");
    }

    private static int cpuId(IntegerText id) throws HostProfileException {
        String v = id == null ? "" : id.text();
        if (!v.matches("\\d{1,9}")) {
            throw new HostProfileException("<cpu id='" + v + "'> is not a CPU id");
        }
        return Integer.parseInt(v);
    }

    /** A topology count; 1 when absent or not a small unsigned number. */
    private static int count(IntegerText t) {
        return t != null && t.text().matches("\\d{1,6}") ? Integer.parseInt(t.text()) : 1;
    }

    private static int threadsTotal(CpuTopology t) {
        long n = (long) count(t.getSockets())
                * count(t.getDies())
                * count(t.getClusters())
                * count(t.getCores())
                * count(t.getThreads());
        return n > Integer.MAX_VALUE ? 0 : (int) n;
    }
}
