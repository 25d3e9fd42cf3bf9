package org.virtxml.lint.host;

import java.util.Optional;

/** The few file-system facts the host profile and checks need, so tests can fake a machine. */
public interface HostEnvironment {

    boolean exists(String path);

    /** Readable and writable by this process (as virt-host-validate asks of /dev/kvm). */
    boolean isAccessible(String path);

    /** The file's text, or empty when it is missing or unreadable. */
    Optional<String> readText(String path);

    /** The real machine. */
    static HostEnvironment system() {
        return new SystemHostEnvironment();
    }
}
