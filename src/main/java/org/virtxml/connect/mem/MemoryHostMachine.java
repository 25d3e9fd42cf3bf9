package org.virtxml.connect.mem;

import java.util.LinkedHashSet;
import java.util.Set;
import org.virtxml.connect.NodeInfo;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.IntegerText;
import org.virtxml.model.Unit;
import org.virtxml.model.capabilities.Capabilities;
import org.virtxml.model.capabilities.CapabilitiesHost;
import org.virtxml.model.capabilities.Cell;
import org.virtxml.model.capabilities.Cells;
import org.virtxml.model.capabilities.CpuTopology;
import org.virtxml.model.capabilities.Guest;
import org.virtxml.model.capabilities.HostCpu;

/**
 * The machine an in-memory host stands for, read from a capabilities document: node info (CPUs,
 * memory, topology) and the virtualization types ({@code <guest><arch><domain type=...>}) it
 * accepts. (The linter's view of a host is {@code org.virtxml.lint.host.HostProfile}.)
 */
public record MemoryHostMachine(String hostname, String capabilitiesXml, NodeInfo nodeInfo, Set<String> domainTypes) {

    public MemoryHostMachine {
        domainTypes = java.util.Collections.unmodifiableSet(new LinkedHashSet<>(domainTypes)); // capabilities order
    }

    /** A machine from a capabilities document (libvirt's {@code virsh capabilities} output), read through the typed model. */
    public static MemoryHostMachine fromCapabilities(String hostname, String capabilitiesXml) {
        Capabilities root;
        try {
            root = LibvirtXml.defaults().parseCapabilities(capabilitiesXml).root();
        } catch (DocumentReadException e) {
            throw new IllegalArgumentException("not a capabilities document: " + e.problem(), e);
        }
        CapabilitiesHost host = root.getHost();
        HostCpu cpu = host == null ? null : host.getCpu();
        String model = cpu == null || cpu.getModel() == null || cpu.getModel().getText() == null
                ? ""
                : cpu.getModel().getText().trim();
        CpuTopology topology = cpu == null ? null : cpu.getTopology();
        int sockets = count(topology == null ? null : topology.getSockets());
        int cores = count(topology == null ? null : topology.getCores());
        int threads = count(topology == null ? null : topology.getThreads());
        int dies = count(topology == null ? null : topology.getDies());
        long memoryKiB = 0;
        int cpus = 0;
        int nodes = 0;
        Cells cells = host == null || host.getTopology() == null
                ? null
                : host.getTopology().getCells();
        if (cells != null) {
            for (Cell cell : cells.getCell()) {
                nodes++;
                if (cell.getMemory() != null && cell.getMemory().size() != null) {
                    memoryKiB += cell.getMemory()
                            .size()
                            .kibibytes(Unit.KIB)
                            .orElseThrow(() -> new IllegalArgumentException("unreadable cell memory '"
                                    + cell.getMemory().size() + "' in capabilities"));
                }
                if (cell.getCpus() != null) {
                    IntegerText num = cell.getCpus().getNum();
                    cpus += num != null && num.value().isPresent()
                            ? (int) num.value().getAsLong()
                            : cell.getCpus().getCpu().size();
                }
            }
        }
        if (cpus == 0) {
            cpus = sockets * dies * cores * threads * Math.max(1, nodes);
        }
        Set<String> types = new LinkedHashSet<>();
        for (Guest guest : root.getGuest()) {
            if (guest.getArch() != null) {
                for (org.virtxml.model.capabilities.Domain domain :
                        guest.getArch().getDomain()) {
                    types.add(domain.getType());
                }
            }
        }
        NodeInfo info = new NodeInfo(model, memoryKiB, cpus, 0, Math.max(1, nodes), sockets, cores, threads);
        return new MemoryHostMachine(hostname, capabilitiesXml, info, types);
    }

    private static int count(IntegerText t) {
        return t == null || t.value().isEmpty() ? 1 : (int) t.value().getAsLong();
    }

    /** A plausible x86_64 KVM host: 1 NUMA cell, 8 logical CPUs (1 socket, 4 cores, 2 threads), 16 GiB. */
    public static MemoryHostMachine defaultProfile(String hostname) {
        StringBuilder cpus = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            cpus.append("          <cpu id='")
                    .append(i)
                    .append("' socket_id='0' core_id='")
                    .append(i / 2)
                    .append("' siblings='")
                    .append(i - i % 2)
                    .append('-')
                    .append(i - i % 2 + 1)
                    .append("'/>\n");
        }
        String xml = "<capabilities>\n"
                + "  <host>\n"
                + "    <uuid>00000000-0000-4000-8000-000000000001</uuid>\n"
                + "    <cpu>\n"
                + "      <arch>x86_64</arch>\n"
                + "      <model>Skylake-Client-IBRS</model>\n"
                + "      <vendor>Intel</vendor>\n"
                + "      <topology sockets='1' dies='1' cores='4' threads='2'/>\n"
                + "    </cpu>\n"
                + "    <topology>\n"
                + "      <cells num='1'>\n"
                + "        <cell id='0'>\n"
                + "          <memory unit='KiB'>16777216</memory>\n"
                + "          <cpus num='8'>\n"
                + cpus
                + "          </cpus>\n"
                + "        </cell>\n"
                + "      </cells>\n"
                + "    </topology>\n"
                + "  </host>\n"
                + "  <guest>\n"
                + "    <os_type>hvm</os_type>\n"
                + "    <arch name='x86_64'>\n"
                + "      <wordsize>64</wordsize>\n"
                + "      <emulator>/usr/bin/qemu-system-x86_64</emulator>\n"
                + "      <machine maxCpus='255'>pc</machine>\n"
                + "      <machine maxCpus='288'>q35</machine>\n"
                + "      <domain type='qemu'/>\n"
                + "      <domain type='kvm'/>\n"
                + "    </arch>\n"
                + "  </guest>\n"
                + "</capabilities>\n";
        return fromCapabilities(hostname, xml);
    }
}
