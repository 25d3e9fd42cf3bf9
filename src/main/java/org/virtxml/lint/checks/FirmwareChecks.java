package org.virtxml.lint.checks;

import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Cpu;
import org.virtxml.model.domain.CpuFeature;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainFeatures;
import org.virtxml.model.domain.FirmwareFeature;
import org.virtxml.model.domain.Loader;
import org.virtxml.model.domain.Os;
import org.virtxml.model.domain.OsNvram;
import org.virtxml.model.domain.Parallel;
import org.virtxml.model.domain.Serial;
import org.virtxml.model.domain.Timer;

/**
 * Firmware, loader and NVRAM, and the machine features and CPU settings tied to the architecture
 * or machine type (docs/rules-domain.md "Platform devices and firmware").
 */
final class FirmwareChecks {

    private FirmwareChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("firmware-invalid", Domain.class, FirmwareChecks::firmware),
                RuleCheck.of("acpi-uefi-mismatch", Domain.class, FirmwareChecks::acpi),
                RuleCheck.of("machine-feature-invalid", Domain.class, FirmwareChecks::features),
                RuleCheck.of("cpu-setting-invalid", Domain.class, FirmwareChecks::cpu));
    }

    private static boolean on(String yesNo) {
        return "yes".equals(yesNo);
    }

    private static void firmware(Domain d, Consumer<Finding> out) {
        Os os = d.getOs();
        if (os == null || !Model.isQemu(d)) {
            return;
        }
        String auto = os.getFirmwareAttribute();
        Loader loader = os.getLoader();
        OsNvram nvram = os.getNvram();
        boolean stateless = loader != null && on(loader.getStateless());
        boolean statefulAsked = loader != null && "no".equals(loader.getStateless());
        if (auto == null) {
            if (os.getFirmware() != null
                    && !Model.list(os.getFirmware().getFeature()).isEmpty()) {
                out.accept(Finding.at(
                        os.getFirmware(),
                        "cannot use feature-based firmware autoselection when firmware"
                                + " autoselection is disabled (no <os firmware='...'>)"));
            }
            if (loader != null && "pflash".equals(loader.getType()) && Model.blank(loader)) {
                out.accept(Finding.at(loader, "no loader path specified and firmware auto selection disabled"));
            }
            if (statefulAsked && !"pflash".equals(loader.getType())) {
                out.accept(Finding.at(loader, "stateless", "Only pflash loader type permits NVRAM"));
            }
        } else if ("bios".equals(auto)) {
            if (statefulAsked) {
                out.accept(Finding.at(loader, "stateless", "Only EFI firmware permits NVRAM"));
            }
            if (nvram != null) {
                out.accept(Finding.at(nvram, "firmware type 'bios' does not support nvram"));
            }
        }
        if (stateless && nvram != null) {
            boolean template = nvram.getTemplate() != null;
            out.accept(Finding.at(
                    nvram,
                    template
                            ? "NVRAM template is not permitted when loader is stateless"
                            : "NVRAM is not permitted when loader is stateless"));
        }
        if (os.getFirmware() != null) {
            FirmwareFeature enrolled = feature(os, "enrolled-keys");
            FirmwareFeature secure = feature(os, "secure-boot");
            if (enrolled != null && on(enrolled.getEnabled()) && secure != null && "no".equals(secure.getEnabled())) {
                out.accept(Finding.at(
                        enrolled,
                        "firmware feature 'enrolled-keys' cannot be enabled when firmware"
                                + " feature 'secure-boot' is disabled"));
            }
        }
    }

    private static FirmwareFeature feature(Os os, String name) {
        return Model.list(os.getFirmware().getFeature()).stream()
                .filter(f -> name.equals(f.getName()))
                .findFirst()
                .orElse(null);
    }

    private static boolean acpiOn(Domain d) {
        return d.getFeatures() != null && d.getFeatures().getAcpi() != null;
    }

    /** Whether the document asks for UEFI: a pflash loader or firmware='efi'. */
    private static boolean uefi(Domain d) {
        Os os = d.getOs();
        return os != null
                && ("efi".equals(os.getFirmwareAttribute())
                        || os.getLoader() != null
                                && "pflash".equals(os.getLoader().getType()));
    }

    private static void acpi(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d) || d.getOs() == null) {
            return;
        }
        String arch = Model.arch(d);
        if (Model.isQ35(d)
                && d.getOs().getLoader() != null
                && "pflash".equals(d.getOs().getLoader().getType())
                && d.getOs().getFirmwareAttribute() == null
                && !acpiOn(d)) {
            out.accept(Finding.at(
                    d.getOs().getLoader(), "UEFI requires ACPI on this architecture (add <acpi/> to" + " <features>)"));
        }
        if ("aarch64".equals(arch)
                && acpiOn(d)
                && !uefi(d)
                && d.getOs().getKernel() == null
                && d.getOs().getLoader() == null) {
            out.accept(Finding.at(d.getFeatures().getAcpi(), "ACPI requires UEFI on this architecture"));
        }
        if (acpiOn(d) && Model.machineStarts(d, "s390-ccw")) {
            out.accept(Finding.at(
                    d.getFeatures().getAcpi(), "machine type '" + Model.machine(d) + "' does not support ACPI"));
        }
    }

    private static void features(Domain d, Consumer<Finding> out) {
        if (!Model.isQemu(d)) {
            return;
        }
        DomainFeatures f = d.getFeatures();
        String arch = Model.arch(d);
        String machine = Model.machine(d);
        if (f != null) {
            if (f.getSmm() != null && f.getSmm().getTseg() != null) {
                if (Model.isI440fx(d)) {
                    out.accept(Finding.at(f.getSmm().getTseg(), "SMM TSEG is only supported with q35 machine type"));
                }
                OptionalLong kib = Model.kib(
                        Model.text(f.getSmm().getTseg()), f.getSmm().getTseg().getUnit(), Unit.MIB);
                if (kib.isPresent() && kib.getAsLong() % 1024 != 0) {
                    out.accept(Finding.at(f.getSmm().getTseg(), "SMM TSEG size must be divisible by 1 MiB"));
                }
            }
            boolean armVirt =
                    ("aarch64".equals(arch) || "armv7l".equals(arch)) && machine != null && machine.startsWith("virt");
            if (f.getGic() != null && arch != null && machine != null && !armVirt) {
                out.accept(Finding.at(
                        f.getGic(),
                        "The 'gic' feature is not supported for architecture '" + arch + "' or machine type '" + machine
                                + "'"));
            }
            if (f.getHpt() != null && arch != null && machine != null && !machine.startsWith("pseries")) {
                out.accept(Finding.at(
                        f.getHpt(),
                        "The 'hpt' feature is not supported for architecture '" + arch + "' or machine type '" + machine
                                + "'"));
            }
        }
        boolean noParallel = Model.machineStarts(d, "pseries") || Model.machineStarts(d, "s390-ccw");
        for (Parallel p : Model.list(Model.devices(d).getParallel())) {
            if (noParallel) {
                out.accept(Finding.at(p, "parallel ports are not supported (machine '" + machine + "')"));
            }
        }
        for (Serial s : Model.list(Model.devices(d).getSerial())) {
            String target = s.getTarget() == null ? null : s.getTarget().getType();
            boolean wrong = "spapr-vio-serial".equals(target) && machine != null && !machine.startsWith("pseries")
                    || "system-serial".equals(target) && Model.isX86Pc(d);
            if (wrong) {
                String model = s.getTarget().getModel() == null
                        ? null
                        : s.getTarget().getModel().getName();
                out.accept(Finding.at(
                        s.getTarget(),
                        "type",
                        "Serial device with target type '" + target + "'"
                                + (model == null ? "" : " and target model '" + model + "'")
                                + " not compatible with guest architecture or machine type"));
            }
        }
        if (d.getClock() != null && arch != null && !arch.equals("x86_64") && !arch.equals("i686")) {
            for (Timer t : Model.list(d.getClock().getTimer())) {
                if ("tsc".equals(t.getName()) && !"no".equals(t.getPresent()) && t.getPresent() != null) {
                    out.accept(Finding.at(
                            t,
                            "name",
                            "Configuring the 'tsc' timer is not supported for virtType=" + d.getType() + " arch=" + arch
                                    + " machine=" + machine + " guests"));
                }
            }
        }
    }

    private static void cpu(Domain d, Consumer<Finding> out) {
        Cpu cpu = d.getCpu();
        if (cpu == null || !Model.isQemu(d)) {
            return;
        }
        String mode = cpu.getMode() == null ? "custom" : cpu.getMode();
        boolean passthroughCpu = "host-passthrough".equals(mode) || "maximum".equals(mode);
        if (cpu.getCache() != null) {
            String level = cpu.getCache().getLevel();
            String cacheMode = cpu.getCache().getMode();
            if ("emulate".equals(cacheMode) && level != null && !"3".equals(level)) {
                out.accept(Finding.at(
                        cpu.getCache(), "level", "CPU cache mode 'emulate' can only be used with" + " level='3'"));
            }
            if ("passthrough".equals(cacheMode) && !passthroughCpu) {
                out.accept(Finding.at(
                        cpu.getCache(),
                        "mode",
                        "CPU cache mode 'passthrough' can only be used with" + " 'host-passthrough' / 'maximum' CPUs"));
            } else if ("passthrough".equals(cacheMode) && level != null) {
                out.accept(Finding.at(cpu.getCache(), "level", "unsupported CPU cache level for mode 'passthrough'"));
            }
        }
        {
            boolean sveOff = Model.list(cpu.getFeature()).stream()
                    .anyMatch(x -> "sve".equals(x.getName()) && "disable".equals(x.getPolicy()));
            for (CpuFeature x : Model.list(cpu.getFeature())) {
                if (sveOff
                        && x.getName() != null
                        && x.getName().matches("sve\\d+")
                        && !"disable".equals(x.getPolicy())
                        && !"forbid".equals(x.getPolicy())) {
                    out.accept(Finding.at(x, "name", "SVE disabled, but SVE vector lengths provided"));
                    break;
                }
            }
        }
        if (cpu.getMaxphysaddr() != null
                && "passthrough".equals(cpu.getMaxphysaddr().getMode())
                && cpu.getMaxphysaddr().getBits() != null) {
            out.accept(Finding.at(
                    cpu.getMaxphysaddr(),
                    "bits",
                    "CPU maximum physical address bits number"
                            + " specification cannot be used with mode='passthrough'"));
        }
    }
}
