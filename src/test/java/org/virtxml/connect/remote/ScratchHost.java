package org.virtxml.connect.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;

/**
 * A connection to {@code qemu:///system} and a scratch folder its guests can read, for the tests
 * that boot TCG guests on the real daemon; closing it removes the guests it was told about and the
 * folder. Skips the test loudly when there is no daemon (see {@link LibvirtDaemon}).
 */
public final class ScratchHost implements AutoCloseable {
    /** libvirt's image directory: traversable by libvirt-qemu once libvirt-daemon-system is installed. */
    private static final Path IMAGES = Path.of("/var/lib/libvirt/images");

    private final Connector connector;
    private final Path folder;
    private final java.util.List<String> guests = new java.util.ArrayList<>();

    private ScratchHost(Connector connector, Path folder) {
        this.connector = connector;
        this.folder = folder;
    }

    /** Requires the daemon, connects, and makes a folder named {@code prefix...} libvirt-qemu can enter. */
    public static ScratchHost open(String prefix) throws IOException {
        LibvirtDaemon.require();
        Path parent = Files.isDirectory(IMAGES) && Files.isWritable(IMAGES)
                ? IMAGES
                : Path.of(System.getProperty("java.io.tmpdir"));
        Path folder = Files.createTempDirectory(parent, prefix);
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
        return new ScratchHost(Connectors.open("qemu:///system"), folder);
    }

    public Connector connector() {
        return connector;
    }

    public Path folder() {
        return folder;
    }

    /** Removes the guest {@code name} (destroyed when running, then undefined) when this closes. */
    public ScratchHost removesGuest(String name) {
        guests.add(name);
        return this;
    }

    /** Destroys and undefines the guests it was told about now (before their storage goes). */
    public void removeGuests() {
        for (String name : guests) {
            if (connector.findDomain(name).isPresent()
                    && connector.lookupDomain(name).state().isActive()) {
                connector.destroyDomain(name);
            }
            connector.findDomain(name).ifPresent(d -> connector.undefineDomain(d.name()));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            removeGuests();
        } finally {
            connector.close();
            SerialLog.deleteFolder(folder);
        }
    }
}
