package org.virtxml.lint.checks;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.virtxml.model.CpuSet;
import org.virtxml.model.ModelElement;
import org.virtxml.model.domain.Address;
import org.virtxml.model.domain.BiosEntry;
import org.virtxml.model.domain.Cachetune;
import org.virtxml.model.domain.CachetuneCache;
import org.virtxml.model.domain.CachetuneMonitor;
import org.virtxml.model.domain.DevicesInput;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainFeatures;
import org.virtxml.model.domain.DomainSeclabel;
import org.virtxml.model.domain.Filesystem;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.Memorytune;
import org.virtxml.model.domain.MemorytuneNode;
import org.virtxml.model.domain.SourceSeclabel;
import org.virtxml.model.domain.Sysinfo;
import org.virtxml.model.domain.Zpci;

/**
 * Resource control, security labels, s390 and pSeries addresses, interfaces, inputs and the other
 * single checks of libvirt's parser (docs/rules-domain.md "Platform devices and firmware").
 */
final class MiscDeviceChecks {

    /** libvirt's SMBIOS BIOS date: mm/dd/yy or mm/dd/yyyy. */
    private static final Pattern BIOS_DATE = Pattern.compile("\\d{2}/\\d{2}/(\\d{2}|\\d{4})");

    private MiscDeviceChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("resctrl-overlap", Domain.class, MiscDeviceChecks::resctrl),
                RuleCheck.of("seclabel-invalid", Domain.class, MiscDeviceChecks::seclabels),
                RuleCheck.of("zpci-invalid", Domain.class, MiscDeviceChecks::zpci),
                RuleCheck.of("address-ccw-spapr-conflict", Domain.class, MiscDeviceChecks::ccwSpapr),
                RuleCheck.of("sysinfo-bios-date", Sysinfo.class, MiscDeviceChecks::biosDate),
                RuleCheck.of("interface-invalid", Domain.class, MiscDeviceChecks::interfaces),
                RuleCheck.of("input-invalid", Domain.class, MiscDeviceChecks::inputs));
    }

    private static BitSet bits(CpuSet s) {
        return s == null || !s.isValid() ? new BitSet() : s.cpus();
    }

    private static void resctrl(Domain d, Consumer<Finding> out) {
        if (d.getCputune() == null) {
            return;
        }
        List<Cachetune> tunes = Model.list(d.getCputune().getCachetune());
        BitSet all = new BitSet();
        for (Cachetune t : tunes) {
            BitSet vcpus = bits(t.getVcpus());
            if (all.intersects(vcpus)) {
                out.accept(Finding.at(t, "vcpus", "Overlapping vcpus in cachetunes"));
            }
            all.or(vcpus);
            Map<String, String> types = new HashMap<>();
            for (CachetuneCache c : Model.list(t.getCache())) {
                String key = (c.getId() == null ? "" : c.getId().text()) + "/"
                        + (c.getLevel() == null ? "" : c.getLevel().text());
                String type = c.getType() == null ? "both" : c.getType();
                String before = types.put(key, type);
                if (before != null && (before.equals(type) || "both".equals(before) || "both".equals(type))) {
                    out.accept(Finding.at(
                            c,
                            "Cache allocation of type '" + type + "' for cache id " + key
                                    + " (id/level) collides with an earlier one of type '" + before + "'"));
                }
            }
            for (CachetuneMonitor m : Model.list(t.getMonitor())) {
                BitSet mv = (BitSet) bits(m.getVcpus()).clone();
                mv.andNot(vcpus);
                if (!mv.isEmpty()) {
                    out.accept(Finding.at(
                            m,
                            "vcpus",
                            "Monitor vcpus conflicts with allocation: they must be within" + " the cachetune's vcpus"));
                }
            }
        }
        for (Memorytune m : Model.list(d.getCputune().getMemorytune())) {
            BitSet vcpus = bits(m.getVcpus());
            boolean sameAsTune = tunes.stream().anyMatch(t -> bits(t.getVcpus()).equals(vcpus));
            if (!sameAsTune && all.intersects(vcpus)) {
                out.accept(Finding.at(
                        m,
                        "vcpus",
                        "Overlapping vcpus in memorytunes: they must equal a cachetune's"
                                + " vcpus or not overlap them"));
            }
            Set<String> ids = new HashSet<>();
            for (MemorytuneNode n : Model.list(m.getNode())) {
                if (n.getId() != null && !ids.add(n.getId().text())) {
                    out.accept(Finding.at(
                            n,
                            "id",
                            "Memory bandwidth allocation for node " + n.getId().text() + " given twice"));
                }
            }
        }
    }

    private static <T> void twice(
            List<T> labels,
            java.util.function.Function<T, String> model,
            java.util.function.Function<T, ModelElement> at,
            Consumer<Finding> out) {
        Set<String> seen = new HashSet<>();
        for (T l : labels) {
            String m = model.apply(l);
            if (m != null && !seen.add(m)) {
                out.accept(Finding.at(at.apply(l), "model", "seclabel for model " + m + " is already provided"));
            }
        }
    }

    private static void seclabels(Domain d, Consumer<Finding> out) {
        twice(Model.list(d.getSeclabel()), DomainSeclabel::getModel, l -> l, out);
        if (d.getDevices() == null) {
            return;
        }
        for (org.virtxml.model.domain.DiskSource s : Model.list(d.getDevices().getDisk()).stream()
                .map(org.virtxml.model.domain.Disk::getSource)
                .filter(java.util.Objects::nonNull)
                .toList()) {
            twice(Model.list(s.getSeclabel()), SourceSeclabel::getModel, l -> l, out);
            for (SourceSeclabel l : Model.list(s.getSeclabel())) {
                if ("yes".equals(l.getRelabel())
                        && Model.list(l.getLabel()).isEmpty()
                        && "selinux".equals(l.getModel())) {
                    out.accept(Finding.at(
                            l, "relabel", "Cannot specify relabel if label is missing. model=" + l.getModel()));
                }
            }
        }
    }

    private static void zpci(Domain d, Consumer<Finding> out) {
        if (d.getDevices() == null) {
            return;
        }
        Map<Long, Zpci> uids = new HashMap<>();
        Map<Long, Zpci> fids = new HashMap<>();
        boolean s390 = "s390x".equals(Model.arch(d)) || "s390".equals(Model.arch(d));
        // zPCI addresses are an s390 matter: elsewhere only host devices are looked at (the usual mistake)
        List<Zpci> all = s390
                ? Model.descendants(d.getDevices(), Zpci.class, out)
                : Model.list(d.getDevices().getHostdev()).stream()
                        .filter(h -> h.getAddress() != null)
                        .map(h -> h.getAddress().getZpci())
                        .filter(java.util.Objects::nonNull)
                        .toList();
        for (Zpci z : all) {
            if (!s390 && Model.arch(d) != null && Model.isQemu(d)) {
                out.accept(Finding.at(
                        z,
                        "zPCI addresses need an s390 guest; this QEMU binary doesn't support zPCI" + " (arch '"
                                + Model.arch(d) + "')"));
            }
            OptionalLong uid = Model.number(z.getUid());
            OptionalLong fid = Model.number(z.getFid());
            if (z.getUid() != null && uid.isPresent() && (uid.getAsLong() == 0 || uid.getAsLong() > 0xffff)) {
                out.accept(Finding.at(
                        z, "uid", "Invalid PCI address uid='" + z.getUid() + "', must be > 0x0000 and <= 0xffff"));
            } else if (uid.isPresent() && uids.putIfAbsent(uid.getAsLong(), z) != null) {
                out.accept(Finding.at(z, "uid", "zPCI uid " + uid.getAsLong() + " is already reserved"));
            }
            if (fid.isPresent() && fid.getAsLong() > 0xffffffffL) {
                out.accept(Finding.at(z, "fid", "Invalid PCI address fid='" + z.getFid() + "', must be <= 0xffffffff"));
            } else if (fid.isPresent() && fids.putIfAbsent(fid.getAsLong(), z) != null) {
                out.accept(Finding.at(z, "fid", "zPCI fid " + fid.getAsLong() + " is already reserved"));
            }
        }
    }

    private static void ccwSpapr(Domain d, Consumer<Finding> out) {
        String arch = Model.arch(d);
        if (arch == null || !arch.startsWith("s390") && !arch.startsWith("ppc")) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (Address a : Model.deviceAddresses(d, out)) {
            if ("ccw".equals(a.getType()) && a.getDevno() != null) {
                OptionalLong cssid = Model.number(a.getCssid() == null ? "0" : a.getCssid());
                OptionalLong ssid = Model.number(a.getSsid() == null ? "0" : a.getSsid());
                OptionalLong devno = Model.number(a.getDevno());
                if (cssid.isPresent() && ssid.isPresent() && devno.isPresent()) {
                    String id = String.format("%x.%x.%04x", cssid.getAsLong(), ssid.getAsLong(), devno.getAsLong());
                    if (!seen.add("ccw " + id)) {
                        out.accept(Finding.at(a, "devno", "The CCW devno '" + id + "' is in use already"));
                    }
                }
            } else if ("spapr-vio".equals(a.getType()) && a.getReg() != null) {
                OptionalLong reg = Model.number(a.getReg());
                if (reg.isPresent() && reg.getAsLong() > 0xffffffffL) {
                    out.accept(Finding.at(
                            a,
                            "reg",
                            "spapr-vio reg='" + a.getReg() + "' exceeds maximum possible value" + " (0xffffffff)"));
                } else if (reg.isPresent() && !seen.add("spapr " + reg.getAsLong())) {
                    out.accept(Finding.at(
                            a, "reg", "spapr-vio address 0x" + Long.toHexString(reg.getAsLong()) + " already in use"));
                }
            }
        }
    }

    private static void biosDate(Sysinfo s, Consumer<Finding> out) {
        if (s.getBios() == null) {
            return;
        }
        for (BiosEntry e : Model.list(s.getBios().getEntry())) {
            String text = Model.text(e);
            if ("date".equals(e.getName())
                    && text != null
                    && !BIOS_DATE.matcher(text).matches()) {
                out.accept(Finding.at(e, "Invalid BIOS 'date' format: '" + text + "' (mm/dd/yy or mm/dd/yyyy)"));
            }
        }
    }

    private static void interfaces(Domain d, Consumer<Finding> out) {
        boolean sharedMemory = d.getMemoryBacking() != null
                && d.getMemoryBacking().getAccess() != null
                && "shared".equals(d.getMemoryBacking().getAccess().getMode());
        for (Interface nic : Model.list(Model.devices(d).getInterface())) {
            String backend = nic.getBackend() == null ? null : nic.getBackend().getType();
            if (!Model.list(nic.getPortForward()).isEmpty() && !"passt".equals(backend)) {
                out.accept(Finding.at(
                        nic.getPortForward().get(0),
                        "The <portForward> element can only be used with"
                                + " the 'passt' backend of interface type='user' or type='vhostuser'"));
            }
            if ("vhostuser".equals(nic.getType()) && "passt".equals(backend) && !sharedMemory && Model.isQemu(d)) {
                out.accept(
                        Finding.at(nic, "'interface' requires shared memory (<memoryBacking><access mode='shared'/>)"));
            }
            if (nic.getDriver() == null) {
                continue;
            }
            for (String attr : new String[] {"rx_queue_size", "tx_queue_size"}) {
                var t = attr.startsWith("rx")
                        ? nic.getDriver().getRxQueueSize()
                        : nic.getDriver().getTxQueueSize();
                OptionalLong v = t == null ? OptionalLong.empty() : t.nonNegativeValue();
                if (v.isPresent() && Long.bitCount(v.getAsLong()) != 1) {
                    out.accept(Finding.at(
                            nic.getDriver(), attr, attr.substring(0, 2) + "_queue_size has to be a power" + " of two"));
                }
            }
        }
        for (Filesystem fs : Model.list(Model.devices(d).getFilesystem())) {
            boolean virtiofs =
                    fs.getDriver() != null && "virtiofs".equals(fs.getDriver().getType());
            String addr = fs.getAddress() == null || fs.getAddress().getType() == null
                    ? (Model.machineStarts(d, "s390-ccw") ? "ccw" : null)
                    : fs.getAddress().getType();
            if (virtiofs && fs.getBoot() != null && addr != null && !"pci".equals(addr)) {
                out.accept(Finding.at(fs.getBoot(), "setting virtiofs boot order is supported only with PCI bus"));
            }
        }
    }

    private static void inputs(Domain d, Consumer<Finding> out) {
        DomainFeatures f = d.getFeatures();
        boolean ps2Off =
                f != null && f.getPs2() != null && "off".equals(f.getPs2().getState());
        if (ps2Off && f.getVmport() != null && "on".equals(f.getVmport().getState())) {
            out.accept(Finding.at(f.getVmport(), "vmport feature requires the ps2 feature not to be disabled"));
        }
        for (DevicesInput i : Model.list(Model.devices(d).getInput())) {
            if (ps2Off && "ps2".equals(i.getBus())) {
                out.accept(Finding.at(i, "bus", "ps2 bus inputs require the ps2 feature not to be disabled"));
            }
            String model = i.getModel();
            if (model != null && model.endsWith("transitional") && !"passthrough".equals(i.getType())) {
                out.accept(Finding.at(
                        i,
                        "model",
                        "virtio (non-)transitional models are not supported for input type=" + i.getType()));
            }
        }
    }
}
