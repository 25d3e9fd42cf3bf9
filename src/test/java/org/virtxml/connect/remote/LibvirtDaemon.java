package org.virtxml.connect.remote;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;

/** Gate of the tests that need a real libvirtd: they run only with -Dvirtxml.libvirt=true, and skip loudly otherwise. */
public final class LibvirtDaemon {
    static final String PROPERTY = "virtxml.libvirt";

    private LibvirtDaemon() {}

    public static void require() {
        if (!"true".equals(System.getProperty(PROPERTY))) {
            skip("SKIPPED: libvirt integration test (set -D" + PROPERTY
                    + "=true with libvirtd running: .ci/libvirt-up.sh)");
        }
        if (!Files.exists(LibvirtUri.SYSTEM_SOCKET)) {
            skip("SKIPPED: libvirt integration test: " + LibvirtUri.SYSTEM_SOCKET
                    + " does not exist (is libvirtd running?)");
        }
    }

    static void skip(String message) {
        System.err.println(message);
        Assumptions.abort(message);
    }
}
