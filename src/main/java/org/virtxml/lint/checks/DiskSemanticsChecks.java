package org.virtxml.lint.checks;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.domain.Address;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskAuth;
import org.virtxml.model.domain.DiskSource;
import org.virtxml.model.domain.Domain;

/**
 * Disk semantics beyond target names (docs/rules-domain.md "Host devices and drives"): the
 * address type a bus takes, formats and encryption QEMU refuses, auth and encryption given twice,
 * SCSI inquiry data.
 */
final class DiskSemanticsChecks {

    private static final Set<String> DRIVE_BUSES = Set.of("ide", "sata", "scsi", "fdc");

    private DiskSemanticsChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("disk-address-type-invalid", Disk.class, DiskSemanticsChecks::addressType),
                RuleCheck.of("disk-format-unsupported", Domain.class, DiskSemanticsChecks::format),
                RuleCheck.of("disk-given-twice", Disk.class, DiskSemanticsChecks::twice),
                RuleCheck.of("disk-encryption-invalid", Disk.class, DiskSemanticsChecks::encryption),
                RuleCheck.of("disk-lun-invalid", Disk.class, DiskSemanticsChecks::lun),
                RuleCheck.of("disk-auth-secret-type", Disk.class, DiskSemanticsChecks::secretType),
                RuleCheck.of("disk-usb-empty", Disk.class, DiskSemanticsChecks::usbEmpty),
                RuleCheck.of("disk-inquiry-invalid", Disk.class, DiskSemanticsChecks::inquiry));
    }

    private static void addressType(Disk d, Consumer<Finding> out) {
        Address a = d.getAddress();
        String bus = DiskChecks.bus(d);
        if (a == null || a.getType() == null || bus == null) {
            return;
        }
        if (DRIVE_BUSES.contains(bus) && !"drive".equals(a.getType())) {
            out.accept(Finding.at(
                    a,
                    "type",
                    "Invalid address type '" + a.getType() + "' for the disk '" + DiskChecks.dev(d)
                            + "' with the bus type '" + bus + "'"));
        } else if ("usb".equals(bus) && !"usb".equals(a.getType())) {
            out.accept(Finding.at(
                    a,
                    "type",
                    "unexpected address type for usb disk (type '" + a.getType()
                            + "'; a usb disk takes a usb address)"));
        }
    }

    private static String format(Disk d) {
        return d.getDriver() == null ? null : d.getDriver().getType();
    }

    private static void format(Domain domain, Consumer<Finding> out) {
        if (!Model.isQemu(domain)) {
            return;
        }
        for (Disk d : Model.list(Model.devices(domain).getDisk())) {
            if (d.getSource() != null && "sheepdog".equals(d.getSource().getProtocol())) {
                out.accept(Finding.at(
                        d.getSource(),
                        "protocol",
                        "'sheepdog' protocol is no longer supported by any" + " hypervisor driver"));
            }
            String f = format(d);
            if (f == null) {
                continue;
            }
            String message = switch (f) {
                case "cow" -> "'cow' storage format is not supported";
                case "dir" ->
                    "dir".equals(d.effectiveType())
                            ? null
                            : "'directory' storage format is not directly supported by QEMU, use 'dir' disk type instead";
                case "iso" -> "storage format 'iso' is not directly supported by QEMU, use 'raw' instead";
                default -> null;
            };
            if (message == null
                    && d.getShareable() != null
                    && d.getReadonly() == null
                    && !"raw".equals(f)
                    && ("disk".equals(DiskChecks.device(d)) || "lun".equals(DiskChecks.device(d)))) {
                message = "shared access for disk '" + DiskChecks.dev(d) + "' requires use of supported storage format"
                        + " ('" + f + "' cannot be shared; use raw)";
            }
            if (message != null) {
                out.accept(Finding.at(d.getDriver(), "type", message));
            }
        }
    }

    private static String encryptionFormat(Disk d, String f) {
        boolean luks =
                d.getEncryption() != null && "luks".equals(d.getEncryption().getFormat())
                        || d.getSource() != null
                                && d.getSource().getEncryption() != null
                                && "luks".equals(d.getSource().getEncryption().getFormat());
        if (luks && !"raw".equals(f) && !"qcow2".equals(f)) {
            return "encryption is supported only with 'raw' and 'qcow2' image format (not '" + f + "')";
        }
        return null;
    }

    private static void twice(Disk d, Consumer<Finding> out) {
        DiskSource s = d.getSource();
        if (s == null) {
            return;
        }
        if (d.getAuth() != null && s.getAuth() != null) {
            out.accept(Finding.at(d.getAuth(), "an <auth> definition already found for disk source"));
        }
        if (d.getThrottlefilters() != null
                && !Model.list(d.getThrottlefilters().getThrottlefilter()).isEmpty()
                && d.getIotune() != null) {
            out.accept(Finding.at(
                    d.getThrottlefilters(),
                    "block 'throttlefilters' can't be used together with" + " 'iotune' for disk '" + DiskChecks.dev(d)
                            + "'"));
        }
    }

    private static void encryption(Disk d, Consumer<Finding> out) {
        DiskSource s = d.getSource();
        if (d.getEncryption() != null && s != null && s.getEncryption() != null) {
            out.accept(Finding.at(d.getEncryption(), "an <encryption> definition already found for disk source"));
        }
        String f = format(d);
        String message = f == null ? null : encryptionFormat(d, f);
        if (message != null) {
            out.accept(Finding.at(d.getDriver(), "type", message));
        }
        for (var e :
                new org.virtxml.model.domain.DiskEncryption[] {d.getEncryption(), s == null ? null : s.getEncryption()
                }) {
            if (e != null && "luks".equals(e.getFormat()) && (e.getCipher() != null || e.getIvgen() != null)) {
                out.accept(Finding.at(
                        e.getCipher() != null ? e.getCipher() : e.getIvgen(),
                        "supplying <" + (e.getCipher() != null ? "cipher" : "ivgen")
                                + "> for domain disk definition is unnecessary"));
            }
        }
    }

    /** device='lun' passes SCSI commands through: it needs a block device or an iSCSI source. */
    private static void lun(Disk d, Consumer<Finding> out) {
        if (!"lun".equals(d.getDevice())) {
            return;
        }
        String type = d.effectiveType();
        boolean iscsi = "network".equals(type)
                && d.getSource() != null
                && "iscsi".equals(d.getSource().getProtocol());
        if (!"block".equals(type) && !iscsi && !"volume".equals(type)) {
            out.accept(Finding.at(
                    d, "device", "disk device='lun' is only valid for block type disk source (type '" + type + "')"));
        }
    }

    /** iSCSI authenticates with an iscsi secret, RBD with a ceph one. */
    private static void secretType(Disk d, Consumer<Finding> out) {
        DiskSource s = d.getSource();
        if (s == null || s.getProtocol() == null) {
            return;
        }
        String wanted = switch (s.getProtocol()) {
            case "iscsi" -> "iscsi";
            case "rbd" -> "ceph";
            default -> null;
        };
        for (DiskAuth auth : new DiskAuth[] {d.getAuth(), s.getAuth()}) {
            if (wanted == null
                    || auth == null
                    || auth.getSecret() == null
                    || auth.getSecret().getType() == null) {
                continue;
            }
            if (!wanted.equals(auth.getSecret().getType())) {
                out.accept(Finding.at(
                        auth.getSecret(),
                        "type",
                        "invalid secret type '" + auth.getSecret().getType() + "' (protocol '" + s.getProtocol()
                                + "' takes a '" + wanted + "' secret)"));
            }
        }
    }

    private static void usbEmpty(Disk d, Consumer<Finding> out) {
        if ("usb".equals(DiskChecks.bus(d))
                && d.source().where() == null
                && (d.getSource() == null || d.getSource().getProtocol() == null)) {
            out.accept(Finding.at(d.getTarget() == null ? d : d.getTarget(), "'usb' disk must not be empty"));
        }
    }

    private static void inquiry(Disk d, Consumer<Finding> out) {
        String bus = DiskChecks.bus(d);
        if (bus == null) {
            return;
        }
        if (!"scsi".equals(bus)) {
            if (d.getVendor() != null) {
                out.accept(Finding.at(d.getVendor(), "Only scsi disk supports 'vendor' (bus '" + bus + "')"));
            }
            return;
        }
        String vendor = Model.text(d.getVendor());
        String product = Model.text(d.getProduct());
        if (vendor != null && vendor.length() > 8) {
            out.accept(Finding.at(d.getVendor(), "disk vendor is more than 8 characters"));
        }
        if (product != null && product.length() > 16) {
            out.accept(Finding.at(d.getProduct(), "disk product is more than 16 characters"));
        }
    }
}
