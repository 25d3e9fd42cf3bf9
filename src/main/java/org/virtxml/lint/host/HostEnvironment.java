package org.virtxml.lint.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The few file-system facts the host profile and checks need, so tests can fake a machine. */
public interface HostEnvironment {

    boolean exists(String path);

    /** Readable and writable by this process (as virt-host-validate asks of /dev/kvm). */
    boolean isAccessible(String path);

    /** The file's text, or empty when it is missing or unreadable. */
    Optional<String> readText(String path);

    /**
     * The names in the directory, or empty when it cannot be told (not listable, or an environment
     * that does not know); a missing directory under an existing parent is an empty list.
     */
    default Optional<List<String>> list(String directory) {
        return Optional.empty();
    }

    /** The machine's architecture as libvirt names it ({@code x86_64}, {@code aarch64}), when known. */
    default Optional<String> architecture() {
        return Optional.empty();
    }

    /** The real machine. */
    static HostEnvironment system() {
        return new SystemHostEnvironment(
                Path.of("/"), Optional.of(SystemHostEnvironment.libvirtArch(System.getProperty("os.arch"))));
    }

    /**
     * The real file system with every absolute path read under {@code root} (a copy of /proc and
     * /sys in a test folder), and the architecture {@code arch} (null: unknown).
     */
    static HostEnvironment rootedAt(Path root, String arch) {
        return new SystemHostEnvironment(root, Optional.ofNullable(arch));
    }
}
