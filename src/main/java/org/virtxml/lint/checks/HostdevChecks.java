package org.virtxml.lint.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.virtxml.model.PciAddress;
import org.virtxml.model.domain.Address;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.HostdevSource;
import org.virtxml.model.domain.HostdevSourceAddress;

/** Host devices and drive addresses (docs/rules-domain.md "Host devices and drives"). */
final class HostdevChecks {

    private HostdevChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("hostdev-duplicate", Domain.class, HostdevChecks::duplicate),
                RuleCheck.of("drive-address-conflict", Domain.class, HostdevChecks::driveConflict));
    }

    /** A key naming the host device a {@code <hostdev>} takes, or null when its source does not say. */
    static String hostKey(Hostdev h) {
        HostdevSource s = h.getSource();
        if (s == null || h.getType() == null || "capabilities".equals(h.getMode())) {
            return null;
        }
        HostdevSourceAddress a = s.getAddress();
        return switch (h.getType()) {
            case "pci" -> {
                if (a == null) {
                    yield null;
                }
                PciAddress p = NetworkChecks.pci(
                        a.getDomain() == null ? "0" : a.getDomain(), a.getBus(), a.getSlot(), a.getFunction());
                yield p.isValid() && !p.isEmpty() ? "pci " + p.canonical() : null;
            }
            case "usb" -> {
                String vp = s.getVendor() == null || s.getProduct() == null
                        ? ""
                        : s.getVendor().getId() + ":" + s.getProduct().getId();
                String bd = a == null || a.getBus() == null || a.getDevice() == null
                        ? ""
                        : Model.number(a.getBus()).orElse(-1) + "."
                                + Model.number(a.getDevice()).orElse(-1);
                yield vp.isEmpty() && bd.isEmpty() ? null : "usb " + vp + "@" + bd;
            }
            case "scsi" -> {
                if ("iscsi".equals(s.getProtocol())) {
                    yield s.getName() == null ? null : "iscsi " + s.getName();
                }
                if (s.getAdapter() == null || s.getAdapter().getName() == null || a == null) {
                    yield null;
                }
                yield "scsi " + s.getAdapter().getName() + ":"
                        + Model.number(a.getBus()).orElse(-1) + ":"
                        + Model.number(a.getTarget()).orElse(-1) + ":"
                        + Model.number(a.getUnit()).orElse(-1);
            }
            case "scsi_host" -> s.getWwpn() == null ? null : "scsi_host " + s.getWwpn();
            case "mdev" ->
                a == null || a.getUuid() == null
                        ? null
                        : "mdev " + a.getUuid().text().toLowerCase(java.util.Locale.ROOT);
            default -> null;
        };
    }

    private static void duplicate(Domain d, Consumer<Finding> out) {
        Map<String, Hostdev> seen = new HashMap<>();
        for (Hostdev h : Model.list(Model.devices(d).getHostdev())) {
            String key = hostKey(h);
            if (key != null && seen.putIfAbsent(key, h) != null) {
                out.accept(
                        Finding.at(h.getSource(), "Hostdev already exists in the domain configuration (" + key + ")"));
            }
        }
    }

    /** controller/bus/target/unit of a drive address; null when a part is unreadable. */
    private static String drive(Address a) {
        long[] parts = new long[4];
        String[] text = {a.getController(), a.getBus(), a.getTarget(), a.getUnit()};
        for (int i = 0; i < 4; i++) {
            OptionalLong v = Model.number(text[i] == null ? "0" : text[i]);
            if (v.isEmpty()) {
                return null;
            }
            parts[i] = v.getAsLong();
        }
        return "controller='" + parts[0] + "' bus='" + parts[1] + "' target='" + parts[2] + "' unit='" + parts[3] + "'";
    }

    /** The drive address libvirt gives a disk without one, from its target name (first units only); or null. */
    private static String implicitDrive(Disk disk, String bus) {
        String dev = DiskChecks.dev(disk);
        if (dev == null || !DiskChecks.parses(dev)) {
            return null;
        }
        String letters =
                dev.replaceAll("^(?:ioemu:)?(fd|hd|vd|sd|xvd|ubd|nvme)", "").replaceAll("\\d+$", "");
        if (letters.length() != 1) {
            return null;
        }
        int idx = letters.charAt(0) - 'a';
        return switch (bus) {
            case "ide" -> "controller='" + idx / 4 + "' bus='" + (idx % 4) / 2 + "' target='0' unit='" + idx % 2 + "'";
            case "sata" -> "controller='" + idx / 6 + "' bus='0' target='0' unit='" + idx % 6 + "'";
            case "scsi" -> idx < 7 ? "controller='0' bus='0' target='0' unit='" + idx + "'" : null;
            default -> null;
        };
    }

    private static void driveConflict(Domain d, Consumer<Finding> out) {
        Map<String, Disk> disks = new HashMap<>();
        for (Disk disk : Model.list(Model.devices(d).getDisk())) {
            String bus = DiskChecks.bus(disk);
            if (bus == null || !List.of("ide", "sata", "scsi", "fdc").contains(bus)) {
                continue;
            }
            Address a = disk.getAddress();
            String where = a == null ? implicitDrive(disk, bus) : "drive".equals(a.getType()) ? drive(a) : null;
            if (where == null) {
                continue;
            }
            if (disks.putIfAbsent(bus + " " + where, disk) != null) {
                out.accept(Finding.at(
                        a == null ? disk : a,
                        "Found duplicate drive address for disk with target name '" + DiskChecks.dev(disk) + "' "
                                + where));
            }
        }
        Map<String, Hostdev> hostdevs = new HashMap<>();
        for (Hostdev h : Model.list(Model.devices(d).getHostdev())) {
            Address a = h.getAddress();
            if (!"scsi".equals(h.getType()) || a == null || !"drive".equals(a.getType())) {
                continue;
            }
            String where = drive(a);
            if (where == null) {
                continue;
            }
            Disk disk = disks.get("scsi " + where);
            if (disk != null) {
                out.accept(Finding.at(
                        a,
                        "using disk target name '" + DiskChecks.dev(disk) + "' conflicts with SCSI"
                                + " host device address " + where));
            } else if (hostdevs.putIfAbsent(where, h) != null) {
                out.accept(Finding.at(a, "SCSI host address " + where + " in use by another SCSI host device"));
            }
        }
    }
}
