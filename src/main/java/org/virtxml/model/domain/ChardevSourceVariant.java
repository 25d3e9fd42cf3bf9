package org.virtxml.model.domain;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a character device's {@code type} selects ({@code <serial>}, {@code <console>},
 * {@code <channel>}, {@code <parallel>}), with the {@code <source>} attributes that belong to it.
 * Read it with {@link ChardevView#source()}, set it with {@link ChardevView#source(ChardevSourceVariant)}:
 * setting writes {@code type} and clears the other variants' source attributes. A variant is a value.
 */
public sealed interface ChardevSourceVariant {

    /** The device's {@code type} attribute for this variant. */
    default String type() {
        return this instanceof Pty
                ? "pty"
                : this instanceof Dev
                        ? "dev"
                        : this instanceof File
                                ? "file"
                                : this instanceof Pipe
                                        ? "pipe"
                                        : this instanceof Unix
                                                ? "unix"
                                                : this instanceof Tcp
                                                        ? "tcp"
                                                        : this instanceof Udp
                                                                ? "udp"
                                                                : this instanceof Spiceport
                                                                        ? "spiceport"
                                                                        : this instanceof Dbus ? "dbus" : "nmdm";
    }

    /** A pseudo terminal; {@code path} is the one libvirt allocated, absent in a definition. */
    record Pty(String path) implements ChardevSourceVariant {}

    /** A host character device, {@code <source path=...>}. */
    record Dev(String path) implements ChardevSourceVariant {}

    /** Output to a file, {@code <source path=... append='on|off'>}. */
    record File(String path, String append) implements ChardevSourceVariant {}

    /** A named pipe, {@code <source path=...>}. */
    record Pipe(String path) implements ChardevSourceVariant {}

    /** A UNIX socket, {@code <source mode='bind|connect' path=...>}. */
    record Unix(String path, String mode) implements ChardevSourceVariant {}

    /** A TCP socket, {@code <source mode=... host=... service=...>} and {@code <protocol type=...>} (raw, telnet, telnets, tls). */
    record Tcp(String host, String service, String mode, String protocol) implements ChardevSourceVariant {}

    /** UDP: the {@code mode='connect'} source, and optionally the {@code mode='bind'} one. */
    record Udp(String host, String service, String bindHost, String bindService) implements ChardevSourceVariant {}

    /** A SPICE port, {@code <source channel=...>}. */
    record Spiceport(String channel) implements ChardevSourceVariant {}

    /** A D-Bus channel, {@code <source channel=...>}. */
    record Dbus(String channel) implements ChardevSourceVariant {}

    /** A FreeBSD nmdm pair, {@code <source master=... slave=...>}. */
    record Nmdm(String master, String slave) implements ChardevSourceVariant {}

    /** A type without source attributes: {@code null}, {@code vc}, {@code stdio}, {@code spicevmc}, {@code qemu-vdagent}. */
    record Plain(String type) implements ChardevSourceVariant {
        static final Set<String> TYPES = Set.of("null", "vc", "stdio", "spicevmc", "qemu-vdagent");

        public Plain {
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException("not a character device type without source: " + type
                        + " (one of null, vc, stdio, spicevmc, qemu-vdagent)");
            }
        }
    }

    /** A type libvirt 11.3 does not define; its sources only through {@code getSource()}. */
    record Other(String type) implements ChardevSourceVariant {
        public Other {
            Objects.requireNonNull(type, "type");
        }
    }

    /** The variant a device's type, sources and protocol select ({@code pty} when the type is absent, as libvirt reads it). */
    static ChardevSourceVariant of(String type, List<SerialSource> sources, Protocol protocol) {
        String t = type == null ? "pty" : type;
        SerialSource first = sources.isEmpty() ? new SerialSource() : sources.get(0);
        if (Plain.TYPES.contains(t)) {
            return new Plain(t);
        }
        return switch (t) {
            case "pty" -> new Pty(first.getPath());
            case "dev" -> new Dev(first.getPath());
            case "file" -> new File(first.getPath(), first.getAppend());
            case "pipe" -> new Pipe(first.getPath());
            case "unix" -> new Unix(first.getPath(), first.getMode());
            case "tcp" ->
                new Tcp(
                        first.getHost(),
                        first.getService(),
                        first.getMode(),
                        protocol == null ? null : protocol.getType());
            case "udp" -> udp(sources);
            case "spiceport" -> new Spiceport(first.getChannel());
            case "dbus" -> new Dbus(first.getChannel());
            case "nmdm" -> new Nmdm(first.getMaster(), first.getSlave());
            default -> new Other(t);
        };
    }

    private static Udp udp(List<SerialSource> sources) {
        SerialSource connect = null;
        SerialSource bind = null;
        for (SerialSource s : sources) {
            if ("bind".equals(s.getMode())) {
                bind = bind == null ? s : bind;
            } else if (connect == null) {
                connect = s;
            }
        }
        return new Udp(
                connect == null ? null : connect.getHost(),
                connect == null ? null : connect.getService(),
                bind == null ? null : bind.getHost(),
                bind == null ? null : bind.getService());
    }

    /** The sources this variant writes: the first existing one (its other content kept) with this variant's attributes. */
    static List<SerialSource> sources(ChardevSourceVariant v, List<SerialSource> existing) {
        SerialSource s = existing.isEmpty() ? new SerialSource() : existing.get(0);
        s.setMode(null);
        s.setPath(null);
        s.setHost(null);
        s.setService(null);
        s.setChannel(null);
        s.setMaster(null);
        s.setSlave(null);
        s.setAppend(null);
        s.setTls(null);
        if (v instanceof Pty p) {
            s.setPath(p.path());
        } else if (v instanceof Dev d) {
            s.setPath(d.path());
        } else if (v instanceof File f) {
            s.setPath(f.path());
            s.setAppend(f.append());
        } else if (v instanceof Pipe p) {
            s.setPath(p.path());
        } else if (v instanceof Unix u) {
            s.setPath(u.path());
            s.setMode(u.mode());
        } else if (v instanceof Tcp c) {
            s.setHost(c.host());
            s.setService(c.service());
            s.setMode(c.mode());
        } else if (v instanceof Udp u) {
            s.setMode("connect");
            s.setHost(u.host());
            s.setService(u.service());
            if (u.bindHost() != null || u.bindService() != null) {
                return List.of(
                        s,
                        new SerialSource()
                                .withMode("bind")
                                .withHost(u.bindHost())
                                .withService(u.bindService()));
            }
        } else if (v instanceof Spiceport p) {
            s.setChannel(p.channel());
        } else if (v instanceof Dbus d) {
            s.setChannel(d.channel());
        } else if (v instanceof Nmdm n) {
            s.setMaster(n.master());
            s.setSlave(n.slave());
        }
        return s.equals(new SerialSource()) ? List.of() : List.of(s);
    }
}
