package org.virtxml.lint.checks;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Controller;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Graphics;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.Iommu;
import org.virtxml.model.domain.IommuDriver;
import org.virtxml.model.domain.Listen;
import org.virtxml.model.domain.Panic;
import org.virtxml.model.domain.Shmem;
import org.virtxml.model.domain.Tpm;
import org.virtxml.model.domain.Video;

/**
 * Video, graphics, IOMMU, TPM, panic, shared memory and mediated devices (docs/rules-domain.md
 * "Platform devices and firmware").
 */
final class DeviceChecks {

    private DeviceChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("video-invalid", Domain.class, DeviceChecks::video),
                RuleCheck.of("graphics-invalid", Domain.class, DeviceChecks::graphics),
                RuleCheck.of("iommu-invalid", Domain.class, DeviceChecks::iommu),
                RuleCheck.of("tpm-invalid", Domain.class, DeviceChecks::tpm),
                RuleCheck.of("panic-invalid", Domain.class, DeviceChecks::panic),
                RuleCheck.of("shmem-invalid", Shmem.class, DeviceChecks::shmem),
                RuleCheck.of("hostdev-invalid", Domain.class, DeviceChecks::hostdevs),
                RuleCheck.of("controller-iothread-invalid", Controller.class, DeviceChecks::controllerIothread));
    }

    private static String videoType(Video v) {
        return v.getModel() == null ? null : v.getModel().getType();
    }

    private static void video(Domain d, Consumer<Finding> out) {
        List<Video> videos = Model.list(Model.devices(d).getVideo());
        int primaries = 0;
        for (Video v : videos) {
            String type = videoType(v);
            if ("none".equals(type) && videos.size() > 1) {
                out.accept(Finding.at(
                        v.getModel(),
                        "type",
                        "a 'none' video type must be the only video device defined" + " for the domain"));
            }
            if (v.getModel() != null && "yes".equals(v.getModel().getPrimary()) && ++primaries == 2) {
                out.accept(Finding.at(v.getModel(), "primary", "Only one primary video device is supported"));
            }
            if ("ramfb".equals(type) && v.getAddress() != null && v.getAddress().getType() != null) {
                out.accept(Finding.at(v.getAddress(), "address not supported for video type ramfb"));
            }
        }
    }

    private static void graphics(Domain d, Consumer<Finding> out) {
        List<Graphics> all = Model.list(Model.devices(d).getGraphics());
        boolean egl = all.stream().anyMatch(g -> "egl-headless".equals(g.getType()));
        int gl = 0;
        for (Graphics g : all) {
            boolean hasGl = "egl-headless".equals(g.getType())
                    || g.getGl() != null && "yes".equals(g.getGl().getEnable());
            if (hasGl && ++gl == 2 && Model.isQemu(d)) {
                out.accept(Finding.at(g, "multiple OpenGL displays are not supported by QEMU"));
            }
            if (egl
                    && Model.isQemu(d)
                    && g.getType() != null
                    && !List.of("vnc", "spice", "egl-headless", "dbus").contains(g.getType())) {
                out.accept(Finding.at(
                        g,
                        "type",
                        "graphics type 'egl-headless' is only supported with one of: 'vnc',"
                                + " 'spice' graphics types (not '" + g.getType() + "')"));
            }
            listenMismatch(g, out);
        }
    }

    /** The back-compat listen attribute or socket attribute must agree with the first {@code <listen>}. */
    private static void listenMismatch(Graphics g, Consumer<Finding> out) {
        List<Listen> listens = Model.list(g.getListen());
        if (listens.isEmpty()) {
            return;
        }
        for (Listen l : listens) {
            if ("network".equals(l.getType()) && l.getNetwork() == null) {
                out.accept(Finding.at(l, "type", "listen type 'network' needs a 'network' attribute"));
            }
        }
        Listen first = listens.get(0);
        if (g.getListenAttribute() != null
                && "address".equals(first.getType())
                && first.getAddress() != null
                && !g.getListenAttribute().equals(first.getAddress())) {
            out.accept(Finding.at(
                    g,
                    "listen",
                    "graphics 'listen' attribute '" + g.getListenAttribute() + "' must match"
                            + " 'address' attribute of first listen element (found '" + first.getAddress() + "')"));
        }
        if (g.getSocket() != null
                && "socket".equals(first.getType())
                && first.getSocket() != null
                && !g.getSocket().equals(first.getSocket())) {
            out.accept(Finding.at(
                    g,
                    "socket",
                    "graphics 'socket' attribute '" + g.getSocket() + "' must match"
                            + " 'socket' attribute of first listen element (found '" + first.getSocket() + "')"));
        }
    }

    private static void iommu(Domain d, Consumer<Finding> out) {
        Iommu iommu = Model.devices(d).getIommu();
        if (iommu == null || !Model.isQemu(d)) {
            return;
        }
        String model = iommu.getModel();
        if ("intel".equals(model) && Model.isI440fx(d)) {
            out.accept(Finding.at(iommu, "model", "IOMMU device: 'intel' is only supported with Q35 machines"));
        }
        if (!"virtio".equals(model)) {
            return;
        }
        if (Model.isI440fx(d)) {
            out.accept(Finding.at(
                    iommu, "model", "IOMMU device: 'virtio' is only supported with Q35 and ARM Virt" + " machines"));
        }
        if (Model.isQ35(d) && (d.getFeatures() == null || d.getFeatures().getAcpi() == null)) {
            out.accept(Finding.at(iommu, "IOMMU device: 'virtio' requires ACPI"));
        }
        if (iommu.getAddress() != null
                && iommu.getAddress().getType() != null
                && !"pci".equals(iommu.getAddress().getType())) {
            out.accept(Finding.at(iommu.getAddress(), "type", "IOMMU device: 'virtio' needs a PCI address"));
        }
        IommuDriver drv = iommu.getDriver();
        if (drv != null
                && (drv.getIntremap() != null
                        || drv.getCachingMode() != null
                        || drv.getEim() != null
                        || drv.getIotlb() != null
                        || drv.getDmaTranslation() != null)) {
            out.accept(Finding.at(drv, "iommu model 'virtio' doesn't support additional attributes"));
        }
    }

    private static void tpm(Domain d, Consumer<Finding> out) {
        int proxies = 0;
        int others = 0;
        for (Tpm t : Model.list(Model.devices(d).getTpm())) {
            if ("spapr-tpm-proxy".equals(t.getModel())) {
                if (++proxies == 2) {
                    out.accept(Finding.at(t, "only a single TPM Proxy device is supported"));
                }
            } else if (++others == 2) {
                out.accept(Finding.at(t, "only a single TPM non-proxy device is supported"));
            }
            if (t.getBackend() == null) {
                out.accept(Finding.at(t, "missing TPM device backend"));
            }
            String version = t.getBackend() == null ? null : t.getBackend().getVersion();
            if ("1.2".equals(version) && "aarch64".equals(Model.arch(d)) && Model.isQemu(d)) {
                out.accept(Finding.at(t.getBackend(), "version", "TPM 1.2 is not supported on architecture 'aarch64'"));
            }
        }
    }

    private static void panic(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d)) {
            return;
        }
        String arch = Model.arch(d);
        for (Panic p : Model.list(Model.devices(d).getPanic())) {
            String model = p.getModel();
            boolean pseries = "pseries".equals(model) || model == null && Model.machineStarts(d, "pseries");
            boolean s390 = "s390".equals(model) || model == null && Model.machineStarts(d, "s390-ccw");
            if ((pseries || s390) && p.getAddress() != null && p.getAddress().getType() != null) {
                out.accept(Finding.at(
                        p.getAddress(),
                        "setting the panic device address is not supported for model '" + (pseries ? "pseries" : "s390")
                                + "'"));
            }
            if (model == null && arch != null && arch.startsWith("riscv")) {
                out.accept(Finding.at(
                        p, "no panic model provided, and no default for the architecture and machine" + " type"));
            }
            if ("pvpanic".equals(model)
                    && "aarch64".equals(arch)
                    && p.getAddress() != null
                    && p.getAddress().getType() != null
                    && !"pci".equals(p.getAddress().getType())) {
                out.accept(Finding.at(p.getAddress(), "type", "pvpanic is supported only with PCI address type"));
            }
        }
    }

    private static void shmem(Shmem s, Consumer<Finding> out) {
        if (s.getSize() != null) {
            OptionalLong kib = Model.kib(Model.text(s.getSize()), s.getSize().getUnit(), Unit.MIB);
            if (kib.isPresent() && (kib.getAsLong() < 1024 || Long.bitCount(kib.getAsLong()) != 1)) {
                out.accept(Finding.at(s.getSize(), "shmem size must be a power of 2 and at least 1 MiB (1024 KiB)"));
            }
        }
        if (s.getMsi() != null && s.getServer() == null) {
            out.accept(Finding.at(s.getMsi(), "msi option is only supported with a server"));
        }
    }

    private static void hostdevs(Domain d, Consumer<Finding> out) {
        Devices devs = Model.devices(d);
        int ramfb = 0;
        for (Hostdev h : Model.list(devs.getHostdev())) {
            if (!"mdev".equals(h.getType())) {
                continue;
            }
            String model = h.getModel();
            String addr = h.getAddress() == null ? null : h.getAddress().getType();
            if ("vfio-pci".equals(model) && addr != null && !"pci".equals(addr) && !"unassigned".equals(addr)
                    || "vfio-ccw".equals(model) && addr != null && !"ccw".equals(addr)) {
                out.accept(Finding.at(
                        h.getAddress(),
                        "type",
                        "Unsupported address type '" + addr + "' with mediated" + " device model '" + model + "'"));
            }
            if ("on".equals(h.getDisplay()) && Model.list(devs.getGraphics()).isEmpty()) {
                out.accept(Finding.at(
                        h, "display", "graphics device is needed for attribute value 'display=on' in" + " <hostdev>"));
            }
            if ("on".equals(h.getRamfb()) && ++ramfb == 2) {
                out.accept(Finding.at(h, "ramfb", "Only one vgpu device can have 'ramfb' enabled"));
            }
            if ("vfio-ap".equals(model) && h.getBoot() != null) {
                out.accept(Finding.at(
                        h.getBoot(),
                        "booting from assigned devices is not supported by mediated devices" + " of model vfio-ap"));
            }
        }
        for (Hostdev h : Model.list(devs.getHostdev())) {
            if (h.getType() != null && !"scsi".equals(h.getType())) {
                if (h.getRawio() != null) {
                    out.accept(Finding.at(h, "rawio", "rawio is only supported for scsi host device"));
                }
                if (h.getSgio() != null) {
                    out.accept(Finding.at(h, "sgio", "sgio is only supported for scsi host device"));
                }
            }
            if ("mdev".equals(h.getType())
                    && h.getSource() != null
                    && h.getSource().getAddress() != null
                    && h.getSource().getAddress().getUuid() == null) {
                out.accept(Finding.at(h.getSource().getAddress(), "Missing 'uuid' attribute for element <address>"));
            }
            if ("scsi_host".equals(h.getType()) && h.getBoot() != null && Model.isQemu(d)) {
                out.accept(Finding.at(
                        h.getBoot(), "booting from assigned devices is not supported by vhost SCSI" + " devices"));
            }
        }
    }

    private static void controllerIothread(Controller c, Consumer<Finding> out) {
        if (c.getDriver() == null || c.getDriver().getIothread() == null) {
            return;
        }
        String model = PciChecks.model(c);
        boolean virtioScsi = "scsi".equals(c.getType()) && (model == null || model.startsWith("virtio"));
        if (!virtioScsi) {
            out.accept(Finding.at(
                    c.getDriver(), "iothread", "'iothread' attribute only supported for virtio scsi" + " controllers"));
        }
    }
}
