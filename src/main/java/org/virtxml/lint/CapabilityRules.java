package org.virtxml.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtxml.lint.host.DomainCapabilities;
import org.virtxml.lint.host.GuestCapabilities;
import org.virtxml.model.ModelElement;
import org.virtxml.model.domain.Cpu;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Graphics;
import org.virtxml.model.domain.Hostdev;
import org.virtxml.model.domain.Os;

/**
 * The host-capability rules (issue 15): what a guest asks of the hypervisor that will run it,
 * checked against that hypervisor's domain capabilities ({@code --domcaps FILE} or a shipped
 * {@code --qemu} profile). A value the capabilities do not list is refused only where the
 * capabilities document lists that kind of value at all (an {@code <enum>} present, a part marked
 * supported or not); what they do not mention is not judged.
 */
final class CapabilityRules {

    private static final Pattern VERSIONED_MACHINE = Pattern.compile("pc-(q35|i440fx)-(\\d+)\\.(\\d+)");

    private final DomainCapabilities caps;
    private final String where;
    private final String file;
    private final DocumentLinter.Paths paths;
    private final List<Diagnostic> out = new ArrayList<>();

    private CapabilityRules(DomainCapabilities caps, String where, String file, DocumentLinter.Paths paths) {
        this.caps = caps;
        this.where = where;
        this.file = file;
        this.paths = paths;
    }

    static List<Diagnostic> check(GuestCapabilities source, Domain d, String file, DocumentLinter.Paths paths) {
        Os os = d.getOs();
        String arch = os == null || os.getType() == null ? null : os.getType().getArch();
        String machine =
                os == null || os.getType() == null ? null : os.getType().getMachine();
        String type = d.getType();
        if ("hvf".equals(type) && source.forGuest("kvm", arch, machine).isPresent()) {
            DomainCapabilities kvm = source.forGuest("kvm", arch, machine).get();
            return List.of(DocumentLinter.at(
                    "caps-virt-type-unsupported",
                    Severity.ERROR,
                    "unsupported configuration: Emulator '" + kvm.emulator().orElse("qemu") + "' does not support virt"
                            + " type 'hvf' (" + source.describe() + ")",
                    file,
                    paths,
                    d,
                    "type"));
        }
        Optional<DomainCapabilities> caps = source.forGuest(type, arch, machine);
        if (caps.isEmpty()) {
            return List.of();
        }
        CapabilityRules r = new CapabilityRules(
                caps.get(), source.describe() + ": " + caps.get().source(), file, paths);
        r.machine(d, machine);
        if (caps.get().domainType().map(t -> t.equals(type)).orElse(false)) {
            r.vcpus(d);
            r.cpu(d.getCpu(), type);
        }
        r.firmware(os);
        r.launchSecurity(d);
        r.features(d);
        if (d.getDevices() != null) {
            r.devices(d.getDevices());
        }
        return r.out;
    }

    private void refuse(String rule, ModelElement at, String attribute, String message) {
        out.add(DocumentLinter.at(
                rule,
                Severity.ERROR,
                "unsupported configuration: " + message + " (" + where + ")",
                file,
                paths,
                at,
                attribute));
    }

    /** A value outside the enum at {@code key}, when the capabilities have that enum. */
    private void value(String rule, ModelElement at, String attribute, String value, String key, String what) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Optional<Set<String>> allowed = caps.values(key);
        if (allowed.isPresent() && !allowed.get().contains(value)) {
            refuse(
                    rule,
                    at,
                    attribute,
                    what + " '" + value + "' is not supported by this QEMU binary"
                            + (allowed.get().isEmpty() ? "" : "; it supports " + String.join(", ", allowed.get())));
        }
    }

    private void machine(Domain d, String machine) {
        if (machine == null || d.getOs() == null) {
            return;
        }
        Matcher asked = VERSIONED_MACHINE.matcher(machine);
        Matcher offered = VERSIONED_MACHINE.matcher(caps.machine().orElse(""));
        if (asked.matches() && offered.matches()) {
            int a = Integer.parseInt(asked.group(2)) * 1000 + Integer.parseInt(asked.group(3));
            int o = Integer.parseInt(offered.group(2)) * 1000 + Integer.parseInt(offered.group(3));
            if (a > o) {
                refuse(
                        "caps-machine-unsupported",
                        d.getOs().getType(),
                        "machine",
                        "Emulator '"
                                + caps.emulator().orElse("qemu") + "' does not support machine type '" + machine
                                + "' (its newest " + asked.group(1) + " machine is "
                                + caps.machine().orElse("?") + ")");
            }
        }
    }

    private void vcpus(Domain d) {
        if (d.getVcpu() == null || d.getVcpu().value() == null || caps.vcpuMax().isEmpty()) {
            return;
        }
        java.util.OptionalLong n = d.getVcpu().value().value();
        if (n.isPresent() && n.getAsLong() > caps.vcpuMax().getAsInt()) {
            refuse(
                    "caps-vcpu-limit",
                    d.getVcpu(),
                    null,
                    "Maximum CPUs greater than specified machine type limit "
                            + caps.vcpuMax().getAsInt());
        }
    }

    private void cpu(Cpu cpu, String type) {
        if (cpu == null) {
            return;
        }
        String mode = cpu.getMode() == null ? "custom" : cpu.getMode();
        if (cpu.getMode() != null
                && caps.supported("cpu/mode/" + mode).map(s -> !s).orElse(false)) {
            String arch = caps.arch().orElse("?");
            refuse(
                    "caps-cpu-unsupported",
                    cpu,
                    "mode",
                    "CPU mode '" + mode + "' for " + arch + " " + type + " domain on " + arch
                            + " host is not supported by hypervisor");
            return;
        }
        if (mode.equals("custom") && cpu.getModel() != null && !caps.cpuModels().isEmpty()) {
            String model = cpu.getModel().getText() == null
                    ? ""
                    : cpu.getModel().getText().strip();
            if (!model.isEmpty()
                    && !caps.cpuModels().contains(model)
                    && "forbid".equals(cpu.getModel().getFallback())) { // libvirt's default fallback is 'allow'
                refuse(
                        "caps-cpu-unsupported",
                        cpu.getModel(),
                        null,
                        "CPU model '" + model + "' is not supported by hypervisor");
            }
        }
    }

    private void firmware(Os os) {
        if (os == null) {
            return;
        }
        value("caps-firmware-unsupported", os, "firmware", os.getFirmwareAttribute(), "os/firmware", "firmware");
        if (os.getLoader() != null) {
            value(
                    "caps-firmware-unsupported",
                    os.getLoader(),
                    "type",
                    os.getLoader().getType(),
                    "os/loader/type",
                    "loader type");
            if ("yes".equals(os.getLoader().getSecure())) {
                value("caps-firmware-unsupported", os.getLoader(), "secure", "yes", "os/loader/secure", "secure boot");
            }
        }
    }

    private void launchSecurity(Domain d) {
        if (d.getLaunchSecurity() == null || d.getLaunchSecurity().getType() == null) {
            return;
        }
        String type = d.getLaunchSecurity().getType();
        if (caps.supported("features/launchSecurity").map(s -> !s).orElse(false)) {
            refuse(
                    "caps-sev-unsupported",
                    d.getLaunchSecurity(),
                    "type",
                    "launch security type '" + type
                            + "' is not supported by this QEMU binary (it supports no launch security)");
            return;
        }
        value(
                "caps-sev-unsupported",
                d.getLaunchSecurity(),
                "type",
                type,
                "features/launchSecurity/sectype",
                "launch security type");
    }

    private void features(Domain d) {
        if (d.getFeatures() != null
                && d.getFeatures().getPs2() != null
                && d.getFeatures().getPs2().getState() != null
                && caps.supported("features/ps2").map(s -> !s).orElse(false)) {
            refuse(
                    "caps-feature-unsupported",
                    d.getFeatures().getPs2(),
                    "state",
                    "ps2 feature state cannot be controlled with this QEMU binary");
        }
    }

    private void devices(Devices devices) {
        for (Disk disk : devices.getDisk()) {
            value("caps-disk-unsupported", disk, "device", disk.getDevice(), "devices/disk/diskDevice", "disk device");
            // libvirt's QEMU capabilities do not list the sd bus, though QEMU takes it
            if (disk.getTarget() != null && !"sd".equals(disk.getTarget().getBus())) {
                value(
                        "caps-disk-unsupported",
                        disk.getTarget(),
                        "bus",
                        disk.getTarget().getBus(),
                        "devices/disk/bus",
                        "disk bus");
            }
            value("caps-disk-unsupported", disk, "model", disk.getModel(), "devices/disk/model", "disk model");
        }
        for (Graphics g : devices.getGraphics()) {
            value("caps-graphics-unsupported", g, "type", g.getType(), "devices/graphics/type", "graphics type");
        }
        for (org.virtxml.model.domain.Video v : devices.getVideo()) {
            if (v.getModel() != null) {
                value(
                        "caps-video-unsupported",
                        v.getModel(),
                        "type",
                        v.getModel().getType(),
                        "devices/video/modelType",
                        "video model");
            }
        }
        for (Hostdev h : devices.getHostdev()) {
            value("caps-hostdev-unsupported", h, "mode", h.getMode(), "devices/hostdev/mode", "hostdev mode");
            // libvirt's QEMU capabilities list usb, pci and scsi only, though QEMU also takes scsi_host and mdev
            if (!"scsi_host".equals(h.getType())
                    && !"mdev".equals(h.getType())
                    && (h.getMode() == null || h.getMode().equals("subsystem"))) {
                value(
                        "caps-hostdev-unsupported",
                        h,
                        "type",
                        h.getType(),
                        "devices/hostdev/subsysType",
                        "hostdev subsystem type");
            }
        }
        for (org.virtxml.model.domain.Rng rng : devices.getRng()) {
            value("caps-device-unsupported", rng, "model", rng.getModel(), "devices/rng/model", "rng model");
            if (rng.getBackend() != null) {
                value(
                        "caps-device-unsupported",
                        rng.getBackend(),
                        "model",
                        rng.getBackend().getModel(),
                        "devices/rng/backendModel",
                        "rng backend");
            }
        }
        for (org.virtxml.model.domain.Tpm tpm : devices.getTpm()) {
            value("caps-device-unsupported", tpm, "model", tpm.getModel(), "devices/tpm/model", "TPM model");
            if (tpm.getBackend() != null) {
                value(
                        "caps-device-unsupported",
                        tpm.getBackend(),
                        "type",
                        tpm.getBackend().getType(),
                        "devices/tpm/backendModel",
                        "TPM backend");
            }
        }
        for (org.virtxml.model.domain.Redirdev r : devices.getRedirdev()) {
            value("caps-device-unsupported", r, "bus", r.getBus(), "devices/redirdev/bus", "redirdev bus");
        }
        for (org.virtxml.model.domain.Filesystem fs : devices.getFilesystem()) {
            // nor the mtp filesystem driver (a USB MTP device)
            if (fs.getDriver() != null && !"mtp".equals(fs.getDriver().getType())) {
                value(
                        "caps-device-unsupported",
                        fs.getDriver(),
                        "type",
                        fs.getDriver().getType(),
                        "devices/filesystem/driverType",
                        "filesystem driver");
            }
        }
        for (org.virtxml.model.domain.Panic p : devices.getPanic()) {
            value("caps-device-unsupported", p, "model", p.getModel(), "devices/panic/model", "panic model");
        }
        for (org.virtxml.model.domain.Interface i : devices.getInterface()) {
            if (i.getBackend() != null) {
                value(
                        "caps-device-unsupported",
                        i.getBackend(),
                        "type",
                        i.getBackend().getType(),
                        "devices/interface/backendType",
                        "interface backend");
            }
        }
    }
}
