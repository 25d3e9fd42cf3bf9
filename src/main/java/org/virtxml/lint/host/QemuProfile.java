package org.virtxml.lint.host;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A real QEMU as libvirt 11.3.0's test suite describes it (its {@code domaincapsdata}, shipped as
 * resources): the domain capabilities of one QEMU version for x86_64, under KVM with the i440fx
 * ({@code pc}) and the q35 machine types, and under TCG. Chosen by name ({@code 9.2},
 * {@code 9.2.0}, {@code 9.2+amdsev} for a host with AMD SEV); a guest's virtualization type and
 * machine type pick the document. Immutable.
 */
public final class QemuProfile implements GuestCapabilities {

    /** The QEMU versions shipped (x86_64), oldest first. */
    public static final List<String> VERSIONS = List.of("6.2", "7.2", "8.2", "9.2", "10.0");
    /** The versions shipped with an AMD SEV variant ({@code +amdsev}). */
    public static final List<String> SEV_VERSIONS = List.of("9.2", "10.0");

    private final String name;
    private final DomainCapabilities pc;
    private final DomainCapabilities q35;
    private final DomainCapabilities tcg;

    private QemuProfile(String name, String version, String variant) {
        this.name = name;
        String v = version + ".0";
        this.pc = DomainCapabilities.resource("qemu_" + v + ".x86_64" + variant + ".xml");
        this.q35 = DomainCapabilities.resource("qemu_" + v + "-q35.x86_64" + variant + ".xml");
        this.tcg = DomainCapabilities.resource("qemu_" + v + "-tcg.x86_64" + variant + ".xml");
    }

    /**
     * The profile named {@code 9.2}, {@code 9.2.0} or {@code 9.2+amdsev}.
     *
     * @throws IllegalArgumentException for a version not shipped; the message lists those that are
     */
    public static QemuProfile named(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        String variant = "";
        if (n.endsWith("+amdsev")) {
            variant = "+amdsev";
            n = n.substring(0, n.length() - variant.length());
        }
        if (n.endsWith(".0") && n.chars().filter(c -> c == '.').count() == 2) {
            n = n.substring(0, n.length() - 2);
        }
        List<String> known = variant.isEmpty() ? VERSIONS : SEV_VERSIONS;
        if (!known.contains(n)) {
            throw new IllegalArgumentException("no QEMU profile '" + name + "'; shipped: " + String.join(", ", VERSIONS)
                    + " (x86_64), and " + String.join(", ", SEV_VERSIONS) + " with +amdsev");
        }
        return new QemuProfile(n + variant, n, variant);
    }

    /** The profile's name ({@code 9.2}, {@code 10.0+amdsev}). */
    public String name() {
        return name;
    }

    /**
     * The document for a guest: x86_64 (or no arch given) under {@code kvm} with a q35 machine the
     * q35 one, with {@code pc}, an i440fx machine or none the i440fx one; under {@code qemu} (TCG)
     * the TCG one (i440fx), or the q35 one for a q35 machine. Empty for other arches, other machine
     * families and other virtualization types (the profile does not describe them).
     */
    @Override
    public Optional<DomainCapabilities> forGuest(String type, String arch, String machine) {
        if (arch != null && !arch.equals("x86_64")) {
            return Optional.empty();
        }
        String family = GuestCapabilities.machineFamily(machine);
        if (!"kvm".equals(type) && !"qemu".equals(type)) {
            return Optional.empty();
        }
        return switch (family) {
            case "q35" -> Optional.of(q35);
            case "i440fx" -> Optional.of("qemu".equals(type) ? tcg : pc);
            default -> Optional.empty();
        };
    }

    @Override
    public String describe() {
        return "QEMU " + name + " profile";
    }
}
