package org.virtxml.lint.host;

import java.util.Optional;

/**
 * What lint's capability rules check a guest against: the domain capabilities document of the
 * hypervisor that will run it, chosen by the guest's virtualization type, arch and machine type;
 * empty when the source does not describe such a guest (then nothing is said about it).
 */
public interface GuestCapabilities {

    /**
     * The domain capabilities for a guest of virtualization type {@code type} ({@code kvm}),
     * {@code arch} and {@code machine} (each null when the document does not say).
     */
    Optional<DomainCapabilities> forGuest(String type, String arch, String machine);

    /** For messages: {@code QEMU 9.2 profile}, or the file the capabilities came from. */
    String describe();

    /**
     * The x86 machine family of a machine type: {@code q35} for {@code q35} and
     * {@code pc-q35-*}, {@code i440fx} for {@code pc}, {@code pc-i440fx-*}, the old {@code pc-N.M}
     * and none given (libvirt's default for x86_64 is {@code pc}); any other name as it is.
     */
    static String machineFamily(String machine) {
        if (machine == null || machine.isBlank()) {
            return "i440fx";
        }
        if (machine.equals("q35") || machine.startsWith("pc-q35-")) {
            return "q35";
        }
        if (machine.equals("pc") || machine.startsWith("pc-i440fx-") || machine.matches("pc-[0-9].*")) {
            return "i440fx";
        }
        return machine;
    }
}
