package org.virtxml.lint.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskSource;
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.DiskTargetNames;
import org.virtxml.model.domain.Domain;

/** Disk rules (rules.md "Devices": disk-*). */
final class DiskChecks {

    /** virStorageFileFormat values accepted as a disk {@code <driver type>} ({@code aio} = raw, Xen). */
    static final Set<String> DISK_FORMATS = Set.of(
            "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2",
            "qed", "vmdk", "aio");

    private static final Pattern NAME = Pattern.compile("(?:ioemu:)?(fd|hd|vd|sd|xvd|ubd|nvme)([a-z]+)(\\d*)");
    private static final Set<String> DRIVE_BUSES = Set.of("ide", "scsi", "sata", "fdc");

    private DiskChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("disk-target-missing", Disk.class, DiskChecks::targetMissing),
                RuleCheck.of("disk-target-invalid", Disk.class, DiskChecks::targetInvalid),
                RuleCheck.of("disk-target-invalid", Domain.class, DiskChecks::partition),
                RuleCheck.of("disk-target-duplicate", Domain.class, DiskChecks::targetDuplicate),
                RuleCheck.of("disk-bus-mismatch", Disk.class, DiskChecks::busMismatch),
                RuleCheck.of("disk-source-missing", Disk.class, DiskChecks::sourceMissing),
                RuleCheck.of("disk-floppy-bus", Disk.class, DiskChecks::floppyBus),
                RuleCheck.of("disk-ejectable-on-virtio", Domain.class, DiskChecks::ejectableOnVirtio),
                RuleCheck.of("disk-ide-on-q35", Domain.class, DiskChecks::ideOnQ35),
                RuleCheck.of("virtio-recommended", Domain.class, DiskChecks::virtioRecommended));
    }

    static String device(Disk d) {
        return d.effectiveDevice();
    }

    static String dev(Disk d) {
        return d.getTarget() == null ? null : d.getTarget().getDev();
    }

    /** The longest known prefix of a target name, or null. */
    static String prefix(String dev) {
        return DiskTargetNames.prefix(dev);
    }

    /** The bus as written, or as libvirt infers it from the device and the name's prefix. */
    static String bus(Disk d) {
        return d.effectiveBus();
    }

    /** libvirt's virDiskNameParse: prefix, letters (a bijective base-26 index that must fit an int), partition. */
    static boolean parses(String dev) {
        Matcher m = NAME.matcher(dev);
        if (!m.matches() || (m.group(3).length() > 1 && m.group(3).charAt(0) == '0')) {
            return false;
        }
        long idx = 0;
        for (char c : m.group(2).toCharArray()) {
            idx = idx * 26 + (c - 'a' + 1);
            if (idx - 1 > Integer.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static void partition(Domain domain, Consumer<Finding> out) {
        if (!Model.isQemu(domain)) {
            return;
        }
        for (Disk d : Model.list(Model.devices(domain).getDisk())) {
            String dev = dev(d);
            if (dev != null && parses(dev)) {
                Matcher m = NAME.matcher(dev);
                if (m.matches() && !m.group(3).isEmpty()) {
                    out.accept(Finding.at(
                            d.getTarget(),
                            "dev",
                            "invalid disk target '" + dev + "', partitions can't appear in disk targets"));
                }
            }
        }
    }

    private static String describe(Disk d) {
        String where = d.source().where();
        if (where != null) {
            return d.source() instanceof DiskSourceVariant.Volume v
                    ? "pool = '" + v.pool() + "', volume = '" + v.volume() + "'"
                    : where;
        }
        return "<disk device='" + device(d) + "'>";
    }

    private static void targetMissing(Disk d, Consumer<Finding> out) {
        if (d.getTarget() == null
                || d.getTarget().getDev() == null
                || d.getTarget().getDev().isEmpty()) {
            out.accept(Finding.at(
                    d.getTarget() == null ? d : d.getTarget(), "missing target information for device " + describe(d)));
        }
    }

    private static void targetInvalid(Disk d, Consumer<Finding> out) {
        String dev = dev(d);
        if (dev == null || dev.isEmpty()) {
            return;
        }
        String device = device(d);
        String p = prefix(dev);
        if (("disk".equals(device) || "lun".equals(device)) && (p == null || p.equals("fd"))) {
            out.accept(Finding.at(d.getTarget(), "dev", "Invalid harddisk device name: " + dev));
        } else if ("floppy".equals(device) && !"fd".equals(p)) {
            out.accept(Finding.at(d.getTarget(), "dev", "Invalid floppy device name: " + dev));
        } else if (!parses(dev)
                && (d.getAddress() == null
                        || DRIVE_BUSES.contains(bus(d))
                                && !"drive".equals(d.getAddress().getType()))) {
            out.accept(Finding.at(d.getTarget(), "dev", "Unknown disk name '" + dev + "' and no address specified"));
        }
    }

    private static void targetDuplicate(Domain domain, Consumer<Finding> out) {
        Map<String, Disk> seen = new HashMap<>();
        for (Disk d : Model.list(Model.devices(domain).getDisk())) {
            String dev = dev(d);
            if (dev == null || dev.isEmpty()) {
                continue;
            }
            Disk first = seen.putIfAbsent(dev, d);
            if (first != null) {
                out.accept(Finding.at(
                        d.getTarget(),
                        "dev",
                        "target '" + dev + "' duplicated for disk sources '" + describe(first) + "' and '" + describe(d)
                                + "'"));
            }
        }
    }

    private static Set<String> busesFor(String prefix) {
        return switch (prefix) {
            case "hd" -> Set.of("ide");
            case "sd" -> Set.of("scsi", "sata", "usb", "sd");
            case "vd" -> Set.of("virtio");
            case "xvd" -> Set.of("xen");
            case "ubd" -> Set.of("uml");
            case "fd" -> Set.of("fdc");
            case "nvme" -> Set.of("nvme");
            default -> Set.of();
        };
    }

    private static void busMismatch(Disk d, Consumer<Finding> out) {
        String bus = d.getTarget() == null ? null : d.getTarget().getBus();
        String p = prefix(dev(d));
        if (bus == null || p == null || busesFor(p).contains(bus)) {
            return;
        }
        out.accept(Finding.at(
                d.getTarget(),
                "bus",
                "target '" + dev(d) + "' is named like a "
                        + String.join("/", busesFor(p).stream().sorted().toList()) + " disk but sits on bus '" + bus
                        + "'"));
    }

    private static void sourceMissing(Disk d, Consumer<Finding> out) {
        if (!"disk".equals(device(d))) {
            return;
        }
        DiskSource s = d.getSource();
        String type = d.effectiveType();
        DiskSourceVariant v = d.source();
        boolean empty = s == null
                || v instanceof DiskSourceVariant.File f
                        && (f.file() == null || f.file().isEmpty())
                || v instanceof DiskSourceVariant.Block b
                        && (b.dev() == null || b.dev().isEmpty())
                || v instanceof DiskSourceVariant.Dir dir
                        && (dir.dir() == null || dir.dir().isEmpty())
                || v instanceof DiskSourceVariant.Volume vol && (vol.pool() == null || vol.volume() == null)
                || v instanceof DiskSourceVariant.Network n && n.protocol() == null;
        if (empty) {
            out.accept(Finding.at(
                    s == null ? d : s,
                    "missing source information for device " + describe(d) + " (a device='disk' needs a " + type
                            + " source)"));
        }
    }

    private static void floppyBus(Disk d, Consumer<Finding> out) {
        String bus = d.getTarget() == null ? null : d.getTarget().getBus();
        if (bus == null) {
            return;
        }
        boolean floppy = "floppy".equals(device(d));
        if (floppy && !"fdc".equals(bus)) {
            out.accept(Finding.at(d.getTarget(), "bus", "Invalid bus type '" + bus + "' for floppy disk"));
        } else if (!floppy && "fdc".equals(bus)) {
            out.accept(Finding.at(d.getTarget(), "bus", "Invalid bus type '" + bus + "' for disk"));
        }
    }

    private static void ejectableOnVirtio(Domain domain, Consumer<Finding> out) {
        if (!Model.isQemu(domain)) {
            return;
        }
        for (Disk d : Model.list(Model.devices(domain).getDisk())) {
            String device = device(d);
            String bus = bus(d);
            if (("cdrom".equals(device) || "floppy".equals(device)) && ("virtio".equals(bus) || "sd".equals(bus))) {
                out.accept(Finding.at(
                        d.getTarget() == null ? d : d.getTarget(),
                        d.getTarget() == null ? null : "bus",
                        "disk type of '" + device + "' does not support ejectable media (bus '" + bus + "')"));
            }
        }
    }

    private static void ideOnQ35(Domain domain, Consumer<Finding> out) {
        if (!Model.isQemu(domain) || !Model.isQ35(domain)) {
            return;
        }
        for (Disk d : Model.list(Model.devices(domain).getDisk())) {
            if ("ide".equals(bus(d))) {
                boolean explicit = d.getTarget() != null && d.getTarget().getBus() != null;
                out.accept(Finding.at(
                        d.getTarget() == null ? d : d.getTarget(),
                        explicit ? "bus" : "dev",
                        "IDE controllers are unsupported for this QEMU binary or machine type ('"
                                + Model.machine(domain) + "'): disk '" + dev(d) + "' is on the ide bus"));
            }
        }
    }

    private static final Set<String> EMULATED_NICS = Set.of("e1000", "e1000e", "rtl8139", "ne2k_pci", "pcnet");

    private static boolean windows(Domain d) {
        if (d.getFeatures() != null && d.getFeatures().getHyperv() != null) {
            return true;
        }
        if (d.getMetadata() != null) {
            for (org.w3c.dom.Element e : d.getMetadata().keptElements()) {
                if (e.getTextContent() != null
                                && e.getTextContent().toLowerCase(Locale.ROOT).contains("win")
                        || e.toString().toLowerCase(Locale.ROOT).contains("microsoft")) {
                    return true;
                }
                org.w3c.dom.NodeList os = e.getElementsByTagNameNS("*", "os");
                for (int i = 0; i < os.getLength(); i++) {
                    String id = ((org.w3c.dom.Element) os.item(i)).getAttribute("id");
                    if (id.contains("microsoft.com/win")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void virtioRecommended(Domain domain, Consumer<Finding> out) {
        if (!"kvm".equals(domain.getType()) || windows(domain)) {
            return;
        }
        for (Disk d : Model.list(Model.devices(domain).getDisk())) {
            String bus = bus(d);
            if ("disk".equals(device(d)) && ("ide".equals(bus) || "sata".equals(bus))) {
                out.accept(Finding.at(
                        d.getTarget() == null ? d : d.getTarget(),
                        "hard disk '" + dev(d) + "' is on the emulated " + bus
                                + " bus; virtio (bus='virtio') is faster for a kvm guest"));
            }
        }
        for (var nic : Model.list(Model.devices(domain).getInterface())) {
            String model = nic.getModel() == null ? null : nic.getModel().getType();
            if (model != null && EMULATED_NICS.contains(model)) {
                out.accept(Finding.at(
                        nic.getModel(),
                        "type",
                        "NIC model '" + model
                                + "' is emulated; virtio (<model type='virtio'/>) is faster for a kvm guest"));
            }
        }
    }
}
