package org.virtxml.model.domain;

import java.util.List;
import java.util.Objects;
import org.virtxml.model.ModelElement;

/**
 * What a disk's {@code type} attribute selects, with the {@code <source>} attributes that belong to
 * it (libvirt's {@code diskSource} choice): one variant per disk type, {@link Other} for a type this
 * libvirt version does not know (kept as text). Read it with {@link DiskView#source()}, set it with
 * {@link DiskView#source(DiskSourceVariant)}: setting writes the {@code type} attribute and clears
 * the attributes of every other variant, so {@code type='block'} can no longer carry a {@code file}.
 * A variant is a value: changing it does not change the disk.
 */
public sealed interface DiskSourceVariant {

    /** The disk's {@code type} attribute for this variant. */
    default String type() {
        return this instanceof File
                ? DiskTypes.FILE
                : this instanceof Block
                        ? DiskTypes.BLOCK
                        : this instanceof Dir
                                ? DiskTypes.DIR
                                : this instanceof Volume
                                        ? DiskTypes.VOLUME
                                        : this instanceof Network
                                                ? DiskTypes.NETWORK
                                                : this instanceof Nvme
                                                        ? DiskTypes.NVME
                                                        : this instanceof Vhostuser
                                                                ? DiskTypes.VHOSTUSER
                                                                : DiskTypes.VHOSTVDPA;
    }

    /** {@code type='file'} (libvirt's default): an image file, {@code <source file=...>}. */
    record File(String file) implements DiskSourceVariant {}

    /** {@code type='block'}: a host block device, {@code <source dev=...>}. */
    record Block(String dev) implements DiskSourceVariant {}

    /** {@code type='dir'}: a host directory shown to the guest as a disk, {@code <source dir=...>}. */
    record Dir(String dir) implements DiskSourceVariant {}

    /** {@code type='volume'}: a volume of a storage pool, {@code <source pool=... volume=... mode=...>}. */
    record Volume(String pool, String volume, String mode) implements DiskSourceVariant {
        public Volume(String pool, String volume) {
            this(pool, volume, null);
        }
    }

    /**
     * {@code type='network'}: a network protocol ({@code nbd}, {@code rbd}, {@code iscsi}, {@code http}, ...),
     * the image's name on that server and its {@code <host>} elements (copies of the disk's).
     */
    record Network(String protocol, String name, List<DiskSourceHost> hosts) implements DiskSourceVariant {
        public Network {
            hosts = List.copyOf(hosts);
        }

        public Network(String protocol, String name) {
            this(protocol, name, List.of());
        }
    }

    /** {@code type='nvme'}: an NVMe namespace of a host PCI controller, {@code <source type='pci' namespace=...>}. */
    record Nvme(String namespace, String managed, DiskSourceAddress address) implements DiskSourceVariant {}

    /** {@code type='vhostuser'}: a vhost-user socket, {@code <source type='unix' path=...>}. */
    record Vhostuser(String path) implements DiskSourceVariant {}

    /** {@code type='vhostvdpa'}: a vhost-vDPA character device, {@code <source dev=...>}. */
    record Vhostvdpa(String dev) implements DiskSourceVariant {}

    /** A type libvirt 11.3 does not define; its source is only reachable through {@code getSource()}. */
    record Other(String type) implements DiskSourceVariant {
        public Other {
            Objects.requireNonNull(type, "type");
        }
    }

    /**
     * Where the data is, in a few words: the file, device or directory path, {@code pool/volume},
     * {@code protocol:name}, the socket path; null when the variant names none.
     */
    default String where() {
        if (this instanceof File f) {
            return f.file();
        } else if (this instanceof Block b) {
            return b.dev();
        } else if (this instanceof Dir d) {
            return d.dir();
        } else if (this instanceof Volume v) {
            return v.pool() == null && v.volume() == null ? null : v.pool() + "/" + v.volume();
        } else if (this instanceof Network n) {
            return n.name() == null ? null : n.protocol() + ":" + n.name();
        } else if (this instanceof Nvme n) {
            return n.namespace() == null ? null : "nvme namespace " + n.namespace();
        } else if (this instanceof Vhostuser u) {
            return u.path();
        } else if (this instanceof Vhostvdpa d) {
            return d.dev();
        }
        return null;
    }

    /** The variant a disk's type and source select, read from the flat storage. */
    static DiskSourceVariant of(String type, DiskSource s) {
        String t = type == null ? DiskTypes.FILE : type;
        DiskSource src = s == null ? new DiskSource() : s;
        return switch (t) {
            case DiskTypes.FILE -> new File(src.getFile());
            case DiskTypes.BLOCK -> new Block(src.getDev());
            case DiskTypes.DIR -> new Dir(src.getDir());
            case DiskTypes.VOLUME -> new Volume(src.getPool(), src.getVolume(), src.getMode());
            case DiskTypes.NETWORK ->
                new Network(
                        src.getProtocol(),
                        src.getName(),
                        src.getHost().stream().map(ModelElement::copyOf).toList());
            case DiskTypes.NVME ->
                new Nvme(
                        src.getNamespace(),
                        src.getManaged(),
                        src.getAddress() == null ? null : ModelElement.copyOf(src.getAddress()));
            case DiskTypes.VHOSTUSER -> new Vhostuser(src.getPath());
            case DiskTypes.VHOSTVDPA -> new Vhostvdpa(src.getDev());
            default -> new Other(t);
        };
    }

    /** Clears every variant's attributes from {@code s} and writes this variant's. */
    static void write(DiskSourceVariant v, DiskSource s) {
        s.setFile(null);
        s.setFdgroup(null);
        s.setDev(null);
        s.setDir(null);
        s.setPool(null);
        s.setVolume(null);
        s.setMode(null);
        s.setProtocol(null);
        s.setName(null);
        s.setTls(null);
        s.setTlsHostname(null);
        s.setQuery(null);
        s.getHost().clear();
        s.setType(null);
        s.setNamespace(null);
        s.setManaged(null);
        s.setAddress(null);
        s.setPath(null);
        s.setReconnect(null);
        if (v instanceof File f) {
            s.setFile(f.file());
        } else if (v instanceof Block b) {
            s.setDev(b.dev());
        } else if (v instanceof Dir d) {
            s.setDir(d.dir());
        } else if (v instanceof Volume vol) {
            s.setPool(vol.pool());
            s.setVolume(vol.volume());
            s.setMode(vol.mode());
        } else if (v instanceof Network n) {
            s.setProtocol(n.protocol());
            s.setName(n.name());
            n.hosts().forEach(h -> s.getHost().add(ModelElement.copyOf(h)));
        } else if (v instanceof Nvme n) {
            s.setType("pci");
            s.setNamespace(n.namespace());
            s.setManaged(n.managed());
            s.setAddress(n.address() == null ? null : ModelElement.copyOf(n.address()));
        } else if (v instanceof Vhostuser u) {
            s.setType("unix");
            s.setPath(u.path());
        } else if (v instanceof Vhostvdpa d) {
            s.setDev(d.dev());
        }
    }
}
