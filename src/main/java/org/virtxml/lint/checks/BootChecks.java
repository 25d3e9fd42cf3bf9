package org.virtxml.lint.checks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.domain.Boot;
import org.virtxml.model.domain.Bootmenu;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Os;
import org.virtxml.model.domain.OsBoot;

/** OS and boot rules (rules.md "OS and boot"). */
final class BootChecks {

    static final Set<String> OS_TYPES = Set.of("hvm", "linux", "xen", "xenpvh", "exe", "uml");
    /** VIR_DOMAIN_BOOT_LAST. */
    static final int MAX_BOOT = 4;

    private BootChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of("os-type-invalid", Domain.class, BootChecks::osType),
                RuleCheck.of("boot-dev-invalid", Os.class, BootChecks::bootDev),
                RuleCheck.of("boot-too-many", Os.class, BootChecks::tooMany),
                RuleCheck.of("boot-order-conflict", Domain.class, BootChecks::orderConflict),
                RuleCheck.of("boot-order-duplicate", Domain.class, BootChecks::orderDuplicate),
                RuleCheck.of("bootmenu-timeout-range", Bootmenu.class, BootChecks::menuTimeout),
                RuleCheck.of("smbios-sysinfo-missing", Domain.class, BootChecks::smbiosSysinfo),
                RuleCheck.of("init-missing", Domain.class, BootChecks::initMissing),
                RuleCheck.of("kernel-args-without-kernel", Os.class, BootChecks::kernelArgs));
    }

    private static void osType(Domain d, Consumer<Finding> out) {
        Os os = d.getOs();
        if (os == null || os.getType() == null || Model.blank(os.getType())) {
            if (d.getBootloader() == null) {
                out.accept(Finding.at(os == null ? d : os, "an os <type> must be specified"));
            }
            return;
        }
        String t = os.getType().getText();
        if (!OS_TYPES.contains(t)) {
            out.accept(Finding.at(
                    os.getType(), "unknown OS type '" + t + "' (expected hvm, linux, xen, xenpvh, exe" + " or uml)"));
        }
    }

    /** libvirt's values for {@code <os><boot dev>}. */
    static final Set<String> BOOT_DEVS = Set.of("fd", "hd", "cdrom", "network");

    /**
     * An invalid {@code dev} among the first {@link #MAX_BOOT} entries: libvirt refuses the document. An
     * entry beyond them is never read by libvirt (the guest defines and starts), so it is left to
     * {@code boot-too-many}'s warning.
     */
    private static void bootDev(Os os, Consumer<Finding> out) {
        List<OsBoot> boots = Model.list(os.getBoot());
        for (int i = 0; i < Math.min(boots.size(), MAX_BOOT); i++) {
            OsBoot b = boots.get(i);
            String dev = b.getDev();
            if (dev == null) {
                out.accept(Finding.at(b, "Missing attribute 'dev' in element 'boot'"));
            } else if (!BOOT_DEVS.contains(dev)) {
                out.accept(Finding.at(b, "dev", "Invalid value for attribute 'dev' in element 'boot': '" + dev + "'."));
            }
        }
    }

    private static void tooMany(Os os, Consumer<Finding> out) {
        List<OsBoot> boots = Model.list(os.getBoot());
        if (boots.size() > MAX_BOOT) {
            out.accept(Finding.at(
                    boots.get(MAX_BOOT),
                    boots.size() + " <boot> elements: libvirt uses only the first " + MAX_BOOT
                            + " and silently ignores the other " + (boots.size() - MAX_BOOT)));
        }
    }

    private static List<Boot> deviceBoots(Domain d, Consumer<Finding> out) {
        return d.getDevices() == null ? List.of() : Model.descendants(d.getDevices(), Boot.class, out);
    }

    private static void orderConflict(Domain d, Consumer<Finding> out) {
        if (d.getOs() == null || Model.list(d.getOs().getBoot()).isEmpty() || "vmware".equals(d.getType())) {
            return;
        }
        deviceBoots(d, out).stream()
                .filter(b -> b.getOrder() != null)
                .findFirst()
                .ifPresent(b -> out.accept(Finding.at(
                        b,
                        "per-device boot elements cannot be used together with os/boot elements (boot order='"
                                + b.getOrder() + "')")));
    }

    private static void orderDuplicate(Domain d, Consumer<Finding> out) {
        Map<Long, Boot> seen = new HashMap<>();
        for (Boot b : deviceBoots(d, out)) {
            OptionalLong order = Model.unsigned(b.getOrder());
            if (order.isEmpty()) {
                continue;
            }
            if (seen.putIfAbsent(order.getAsLong(), b) != null) {
                out.accept(Finding.at(b, "order", "boot order '" + b.getOrder() + "' used for more than one device"));
            }
        }
    }

    private static void menuTimeout(Bootmenu m, Consumer<Finding> out) {
        if (!"yes".equals(m.getEnable()) || m.getTimeout() == null) {
            return;
        }
        OptionalLong v = Model.parseUnsignedDecimal(m.getTimeout().text());
        if (v.isEmpty()) {
            out.accept(Finding.at(
                    m,
                    "timeout",
                    "Invalid value for attribute 'timeout' in element 'bootmenu': '" + m.getTimeout()
                            + "'. Expected non-negative integer value"));
        } else if (v.getAsLong() > 65535) {
            out.accept(Finding.at(
                    m,
                    "timeout",
                    "invalid value for boot menu timeout, must be in range [0,65535]: " + m.getTimeout()));
        }
    }

    private static void smbiosSysinfo(Domain d, Consumer<Finding> out) {
        Os os = d.getOs();
        if (os != null
                && os.getSmbios() != null
                && "sysinfo".equals(os.getSmbios().getMode())
                && Model.list(d.getSysinfo()).isEmpty()) {
            out.accept(Finding.at(
                    os.getSmbios(),
                    "mode",
                    "Domain '" + Model.text(d.getName())
                            + "' sysinfo are not available: <smbios mode='sysinfo'/> needs a <sysinfo> element"));
        }
    }

    private static void initMissing(Domain d, Consumer<Finding> out) {
        Os os = d.getOs();
        if (os != null && os.getType() != null && "exe".equals(os.getType().getText()) && Model.blank(os.getInit())) {
            out.accept(Finding.at(os, "init binary must be specified (<os><type>exe</type> needs <init>)"));
        }
    }

    private static void kernelArgs(Os os, Consumer<Finding> out) {
        if (os.getKernel() != null) {
            return;
        }
        if (os.getInitrd() != null) {
            out.accept(Finding.at(os.getInitrd(), "<initrd> without <kernel> is ignored"));
        }
        if (os.getCmdline() != null) {
            out.accept(Finding.at(os.getCmdline(), "<cmdline> without <kernel> is ignored"));
        }
        if (os.getDtb() != null) {
            out.accept(Finding.at(os.getDtb(), "<dtb> without <kernel> is ignored"));
        }
    }
}
