package org.virtxml.connect;

import java.util.Optional;

/** libvirt's error domains (virErrorDomain): which part of libvirt raised an error. */
public enum ErrorDomain {
    VIR_FROM_NONE(0),
    VIR_FROM_XEN(1),
    VIR_FROM_XEND(2),
    VIR_FROM_XENSTORE(3),
    VIR_FROM_SEXPR(4),
    VIR_FROM_XML(5),
    VIR_FROM_DOM(6),
    VIR_FROM_RPC(7),
    VIR_FROM_PROXY(8),
    VIR_FROM_CONF(9),
    VIR_FROM_QEMU(10),
    VIR_FROM_NET(11),
    VIR_FROM_TEST(12),
    VIR_FROM_REMOTE(13),
    VIR_FROM_OPENVZ(14),
    VIR_FROM_XENXM(15),
    VIR_FROM_STATS_LINUX(16),
    VIR_FROM_LXC(17),
    VIR_FROM_STORAGE(18),
    VIR_FROM_NETWORK(19),
    VIR_FROM_DOMAIN(20),
    VIR_FROM_UML(21),
    VIR_FROM_NODEDEV(22),
    VIR_FROM_XEN_INOTIFY(23),
    VIR_FROM_SECURITY(24),
    VIR_FROM_VBOX(25),
    VIR_FROM_INTERFACE(26),
    VIR_FROM_ONE(27),
    VIR_FROM_ESX(28),
    VIR_FROM_PHYP(29),
    VIR_FROM_SECRET(30),
    VIR_FROM_CPU(31),
    VIR_FROM_XENAPI(32),
    VIR_FROM_NWFILTER(33),
    VIR_FROM_HOOK(34),
    VIR_FROM_DOMAIN_SNAPSHOT(35),
    VIR_FROM_AUDIT(36),
    VIR_FROM_SYSINFO(37),
    VIR_FROM_STREAMS(38),
    VIR_FROM_VMWARE(39),
    VIR_FROM_EVENT(40),
    VIR_FROM_LIBXL(41),
    VIR_FROM_LOCKING(42),
    VIR_FROM_HYPERV(43),
    VIR_FROM_CAPABILITIES(44),
    VIR_FROM_URI(45),
    VIR_FROM_AUTH(46),
    VIR_FROM_DBUS(47),
    VIR_FROM_PARALLELS(48),
    VIR_FROM_DEVICE(49),
    VIR_FROM_SSH(50),
    VIR_FROM_LOCKSPACE(51),
    VIR_FROM_INITCTL(52),
    VIR_FROM_IDENTITY(53),
    VIR_FROM_CGROUP(54),
    VIR_FROM_ACCESS(55),
    VIR_FROM_SYSTEMD(56),
    VIR_FROM_BHYVE(57),
    VIR_FROM_CRYPTO(58),
    VIR_FROM_FIREWALL(59),
    VIR_FROM_POLKIT(60),
    VIR_FROM_THREAD(61),
    VIR_FROM_ADMIN(62),
    VIR_FROM_LOGGING(63),
    VIR_FROM_XENXL(64),
    VIR_FROM_PERF(65),
    VIR_FROM_LIBSSH(66),
    VIR_FROM_RESCTRL(67),
    VIR_FROM_FIREWALLD(68),
    VIR_FROM_DOMAIN_CHECKPOINT(69),
    VIR_FROM_TPM(70),
    VIR_FROM_BPF(71),
    VIR_FROM_CH(72);

    private final int number;

    ErrorDomain(int number) {
        this.number = number;
    }

    /** The number libvirt puts on the wire. */
    public int number() {
        return number;
    }

    /** The constant with that number, if this client knows it. */
    public static Optional<ErrorDomain> of(int number) {
        for (ErrorDomain value : values()) {
            if (value.number == number) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
