package org.virtxml.edit;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The guest operating system families {@code new} knows, each with its defaults (KVM guide
 * chapters 3, 5 and 8): disk bus, NIC model, clock, machine type and firmware, and whether it has
 * inbox virtio drivers.
 *
 * <table>
 * <caption>Defaults by family</caption>
 * <tr><th>family</th><th>disk bus</th><th>NIC</th><th>clock</th><th>machine</th><th>firmware</th></tr>
 * <tr><td>linux, rhel, centos, fedora, debian, ubuntu</td><td>virtio</td><td>virtio</td><td>utc, kvmclock</td><td>q35</td><td>BIOS</td></tr>
 * <tr><td>windows, win10, winserver</td><td>sata (virtio with a driver ISO)</td><td>e1000e (virtio with a driver ISO)</td><td>localtime, Hyper-V</td><td>q35</td><td>BIOS</td></tr>
 * <tr><td>win11</td><td>sata (virtio with a driver ISO)</td><td>e1000e (virtio with a driver ISO)</td><td>localtime, Hyper-V</td><td>q35</td><td>UEFI with a TPM 2.0</td></tr>
 * <tr><td>freebsd</td><td>virtio</td><td>virtio</td><td>utc</td><td>q35</td><td>BIOS</td></tr>
 * <tr><td>other</td><td>ide</td><td>e1000</td><td>utc</td><td>pc (i440fx: q35 has no IDE)</td><td>BIOS</td></tr>
 * </table>
 */
public enum OsFamily {
    LINUX(Kind.LINUX, false),
    RHEL(Kind.LINUX, false),
    CENTOS(Kind.LINUX, false),
    FEDORA(Kind.LINUX, false),
    DEBIAN(Kind.LINUX, false),
    UBUNTU(Kind.LINUX, false),
    WINDOWS(Kind.WINDOWS, false),
    WIN10(Kind.WINDOWS, false),
    WIN11(Kind.WINDOWS, true),
    WINSERVER(Kind.WINDOWS, false),
    FREEBSD(Kind.BSD, false),
    OTHER(Kind.OTHER, false);

    /** The kinds of operating system that decide the defaults. */
    private enum Kind {
        LINUX,
        WINDOWS,
        BSD,
        OTHER
    }

    private final Kind kind;
    private final boolean uefiAndTpm;

    OsFamily(Kind kind, boolean uefiAndTpm) {
        this.kind = kind;
        this.uefiAndTpm = uefiAndTpm;
    }

    /** The family named {@code name} ({@code rhel}, {@code win11}, ... any case). */
    public static Optional<OsFamily> named(String name) {
        return Arrays.stream(values())
                .filter(f -> f.cliName().equals(name.toLowerCase(Locale.ROOT)))
                .findFirst();
    }

    /** The name on the command line: {@code rhel}, {@code win11}, ... */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A Windows family: localtime clock, Hyper-V enlightenments, no inbox virtio drivers. */
    public boolean isWindows() {
        return kind == Kind.WINDOWS;
    }

    /** A Linux family: UTC with kvmclock. */
    public boolean isLinux() {
        return kind == Kind.LINUX;
    }

    /** Whether the installer and OS carry virtio drivers (Linux and FreeBSD do; Windows and "other" not). */
    public boolean hasInboxVirtio() {
        return kind == Kind.LINUX || kind == Kind.BSD;
    }

    /** Whether the family needs UEFI firmware and a TPM 2.0 (Windows 11). */
    public boolean needsUefiAndTpm() {
        return uefiAndTpm;
    }

    /** The disk bus without virtio: sata for Windows, ide for "other" (and the virtio families never use it). */
    public String fallbackDiskBus() {
        return kind == Kind.OTHER ? "ide" : "sata";
    }

    /** The NIC model without virtio: e1000e for Windows, e1000 for "other". */
    public String fallbackNicModel() {
        return kind == Kind.OTHER ? "e1000" : "e1000e";
    }

    /** The machine type: q35, but pc for "other" (IDE disks need the i440fx machine). */
    public String machine() {
        return kind == Kind.OTHER ? "pc" : "q35";
    }

    /** The names of all families, for messages. */
    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(OsFamily::cliName).toList());
    }
}
