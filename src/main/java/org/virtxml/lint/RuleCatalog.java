package org.virtxml.lint;

import static org.virtxml.lint.RuleCategory.CHARDEV;
import static org.virtxml.lint.RuleCategory.CLOCK;
import static org.virtxml.lint.RuleCategory.DEVICES;
import static org.virtxml.lint.RuleCategory.DOCUMENT;
import static org.virtxml.lint.RuleCategory.HOSTDEV_DRIVES;
import static org.virtxml.lint.RuleCategory.HOST_CAPABILITIES;
import static org.virtxml.lint.RuleCategory.HOST_CAPACITY;
import static org.virtxml.lint.RuleCategory.IDENTITY;
import static org.virtxml.lint.RuleCategory.MEMORY;
import static org.virtxml.lint.RuleCategory.NETWORKS;
import static org.virtxml.lint.RuleCategory.NUMA_TUNING;
import static org.virtxml.lint.RuleCategory.OS_BOOT;
import static org.virtxml.lint.RuleCategory.OTHER_KINDS;
import static org.virtxml.lint.RuleCategory.PCI_USB;
import static org.virtxml.lint.RuleCategory.PLATFORM;
import static org.virtxml.lint.RuleCategory.STORAGE;
import static org.virtxml.lint.RuleCategory.VALUES;
import static org.virtxml.lint.RuleCategory.VCPU;
import static org.virtxml.lint.Severity.ERROR;
import static org.virtxml.lint.Severity.INFO;
import static org.virtxml.lint.Severity.WARNING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule id of the catalogue (spec/rules.md) with its default severity, section and a
 * one-line description. Ids are stable: users filter, suppress and baseline by them.
 */
public final class RuleCatalog {

    private static final List<Rule> RULES = List.of(
            // Document
            doc("xml-malformed", ERROR, DOCUMENT, "not well-formed XML"),
            doc("xml-unsafe", ERROR, DOCUMENT, "DOCTYPE or entity declaration: refused, never expanded or fetched"),
            doc("root-unknown", ERROR, DOCUMENT, "root element is not one of libvirt's document kinds"),
            doc("unknown-element", WARNING, DOCUMENT, "element libvirt does not define at this place"),
            doc("unknown-attribute", WARNING, DOCUMENT, "attribute libvirt does not define on this element"),
            doc("schema-invalid", ERROR, DOCUMENT, "violates libvirt's RELAX NG schema"),
            // Identity
            doc("uuid-invalid", ERROR, IDENTITY, "libvirt cannot parse the UUID"),
            doc("uuid-noncanonical", INFO, IDENTITY, "UUID is not in the canonical 8-4-4-4-12 form libvirt writes"),
            doc("uuid-not-rfc4122", INFO, IDENTITY, "UUID version/variant bits are not those of RFC 4122"),
            doc("uuid-sysinfo-mismatch", ERROR, IDENTITY, "sysinfo system uuid differs from <uuid>"),
            set("uuid-duplicate", ERROR, IDENTITY, "two documents of one kind share a UUID"),
            doc("name-missing", ERROR, IDENTITY, "<name> absent or empty"),
            doc("name-invalid", ERROR, IDENTITY, "name contains a newline, or '/' where the driver refuses it"),
            set("name-duplicate", ERROR, IDENTITY, "two documents of one kind share a name"),
            doc("name-unportable", WARNING, IDENTITY, "name has characters other than letters, digits, '-', '_', '.'"),
            doc("title-newline", ERROR, IDENTITY, "<title> contains a newline"),
            doc("domain-type-invalid", ERROR, IDENTITY, "<domain type> missing or not a libvirt hypervisor type"),
            // Memory and units
            doc("unit-invalid", ERROR, MEMORY, "unit suffix libvirt does not know"),
            doc("size-invalid", ERROR, MEMORY, "not an unsigned decimal integer as libvirt reads it"),
            doc("size-overflow", ERROR, MEMORY, "value times unit exceeds libvirt's limit for the element"),
            doc("memory-missing", ERROR, MEMORY, "memory size absent or 0, and no NUMA cells"),
            doc("memory-current-exceeds-max", WARNING, MEMORY, "<currentMemory> exceeds <memory>; libvirt clamps it"),
            doc("memory-max-below-current", ERROR, MEMORY, "<maxMemory> is below <memory>"),
            // OS and boot
            doc("os-type-invalid", ERROR, OS_BOOT, "<os><type> is not hvm, linux, xen, xenpvh, exe or uml"),
            doc(
                    "boot-dev-invalid",
                    ERROR,
                    OS_BOOT,
                    "one of the first 4 <os><boot dev> is not fd, hd, cdrom or network (libvirt never reads a later one)"),
            doc("boot-too-many", WARNING, OS_BOOT, "more than 4 <os><boot> entries; libvirt ignores the rest"),
            doc("boot-order-conflict", ERROR, OS_BOOT, "per-device <boot order> together with <os><boot>"),
            doc("boot-order-duplicate", ERROR, OS_BOOT, "two devices with the same boot order"),
            doc("bootmenu-timeout-range", ERROR, OS_BOOT, "bootmenu timeout outside 0..65535"),
            doc("smbios-sysinfo-missing", ERROR, OS_BOOT, "<smbios mode='sysinfo'/> without <sysinfo>"),
            doc("init-missing", ERROR, OS_BOOT, "container (<os><type>exe</type>) without <init>"),
            doc("kernel-args-without-kernel", WARNING, OS_BOOT, "initrd, cmdline or dtb without <kernel>"),
            // vCPUs
            doc("vcpu-invalid", ERROR, VCPU, "vcpu count is not a positive integer"),
            doc(
                    "vcpu-current-exceeds-max",
                    ERROR,
                    VCPU,
                    "current vCPUs exceed the vcpu count (unless a <vcpus> list is given: libvirt then ignores current)"),
            doc("vcpu-limit", ERROR, VCPU, "more vCPUs than the hypervisor allows"),
            doc("cpuset-invalid", ERROR, VCPU, "cpuset syntax libvirt rejects"),
            doc("cpuset-empty", ERROR, VCPU, "cpuset selects no CPU"),
            doc("topology-mismatch", ERROR, VCPU, "CPU topology product differs from the vcpu count"),
            // Host capacity
            host(
                    "vcpu-exceeds-host-cores",
                    WARNING,
                    false,
                    "one guest has more vCPUs than the host has physical cores"),
            host("vcpu-overcommit", WARNING, true, "guests' vCPUs together exceed 10 per physical core"),
            host("memory-exceeds-host", ERROR, false, "one guest's memory exceeds host RAM plus swap"),
            host("memory-overcommit", WARNING, true, "guests' memory plus 4 GiB for the host exceeds host RAM"),
            host(
                    "host-swap-insufficient",
                    WARNING,
                    true,
                    "host swap is below 4 GiB, or memory is overcommitted and swap is below max(4 GiB, guest memory + 4 GiB - host RAM)"),
            host("kvm-unavailable", ERROR, false, "type='kvm' but the host offers no KVM"),
            host(
                    "cpuset-exceeds-host",
                    ERROR,
                    false,
                    "a cpuset, vcpupin or emulatorpin names CPUs the host lacks"
                            + " (with only the core count known: more than 2 threads per core)"),
            // Devices
            doc("disk-target-missing", ERROR, DEVICES, "disk without <target dev>"),
            doc("disk-target-invalid", ERROR, DEVICES, "disk target name libvirt cannot parse or wrong prefix"),
            doc("disk-target-duplicate", ERROR, DEVICES, "two disks with the same target dev"),
            doc("disk-bus-mismatch", WARNING, DEVICES, "disk target prefix contradicts the bus"),
            doc("disk-source-missing", ERROR, DEVICES, "device='disk' without a source"),
            doc("disk-format-invalid", ERROR, DEVICES, "<driver type> is not a storage format libvirt knows"),
            doc("disk-floppy-bus", ERROR, DEVICES, "floppy not on fdc, or fdc bus for a non-floppy"),
            doc("disk-ejectable-on-virtio", ERROR, DEVICES, "cdrom or floppy on the virtio bus"),
            doc("disk-ide-on-q35", ERROR, DEVICES, "IDE bus on a q35 machine"),
            doc("virtio-recommended", INFO, DEVICES, "disk or NIC of a kvm guest on an emulated bus or model"),
            doc("address-pci-range", ERROR, DEVICES, "PCI bus, slot or function out of range"),
            doc("address-conflict", ERROR, DEVICES, "two devices at the same PCI address"),
            doc("address-octal", WARNING, DEVICES, "leading-zero address value libvirt reads as octal"),
            doc("mac-invalid", ERROR, DEVICES, "MAC syntax libvirt rejects"),
            doc("mac-multicast", ERROR, DEVICES, "multicast MAC on an interface"),
            doc("mac-duplicate", WARNING, DEVICES, "two interfaces with the same MAC"),
            doc("interface-source-missing", ERROR, DEVICES, "interface without the source its type requires"),
            doc("hostdev-source-missing", ERROR, DEVICES, "PCI/USB host device without its source"),
            // Clock
            doc("clock-offset-invalid", ERROR, CLOCK, "unknown clock offset, or offset without its attribute"),
            doc("timer-invalid", ERROR, CLOCK, "unknown timer name or an attribute the timer does not support"),
            // Storage
            doc("pool-type-invalid", ERROR, STORAGE, "pool type libvirt does not know"),
            doc("pool-source-missing", ERROR, STORAGE, "source parts the pool type requires are missing"),
            doc("pool-target-missing", ERROR, STORAGE, "pool type needs <target><path>"),
            doc("output-only", INFO, STORAGE, "input carries values libvirt computes itself"),
            doc("volume-capacity-missing", ERROR, STORAGE, "volume without <capacity>"),
            doc("volume-allocation-exceeds-capacity", WARNING, STORAGE, "volume allocation exceeds capacity"),
            doc("volume-format-invalid", ERROR, STORAGE, "format not valid for volumes"),
            doc("permissions-invalid", ERROR, STORAGE, "mode not octal within 0777, or owner/group not numeric"),
            // Networks (docs/rules-kinds.md)
            doc(
                    "network-dns-disabled-extra",
                    ERROR,
                    NETWORKS,
                    "<dns enable='no'> with hosts, SRV, TXT records or forwarders"),
            doc("network-forward-ip-missing", ERROR, NETWORKS, "nat, route or open forwarding without an <ip>"),
            doc(
                    "network-forward-dev-invalid",
                    ERROR,
                    NETWORKS,
                    "forward dev in open mode, or forward dev together with <address> or <pf>"),
            doc(
                    "network-bridge-not-allowed",
                    ERROR,
                    NETWORKS,
                    "bridge name in private, vepa, passthrough or hostdev mode"),
            doc(
                    "network-hostdev-pool-missing",
                    ERROR,
                    NETWORKS,
                    "forward mode hostdev without <pf>, <address> or <interface>"),
            doc("network-hostdev-duplicate", ERROR, NETWORKS, "one PCI address listed twice in a hostdev pool"),
            doc("network-dhcp-range-outside", ERROR, NETWORKS, "DHCP range not entirely within its <ip> network"),
            doc("ip-address-invalid", ERROR, NETWORKS, "an IP address of a network that libvirt cannot read"),
            doc("vlan-id-invalid", ERROR, NETWORKS, "a VLAN tag id of a network or port that is not 0 to 4095"),
            set("network-bridge-duplicate", ERROR, NETWORKS, "two networks of one run on one bridge"),
            set("network-overlap", WARNING, NETWORKS, "two networks of one run with overlapping IPv4 or IPv6 networks"),
            set(
                    "network-undefined",
                    WARNING,
                    NETWORKS,
                    "a domain uses a network the run's network documents do not define"),
            // Other kinds (docs/rules-kinds.md)
            doc(
                    "secret-usage-incomplete",
                    ERROR,
                    OTHER_KINDS,
                    "secret usage type without the volume, name or target it needs"),
            doc(
                    "snapshot-disk-unknown",
                    ERROR,
                    OTHER_KINDS,
                    "snapshot or checkpoint disk without a name, named twice, or not a disk of its domain"),
            set("pool-undefined", WARNING, OTHER_KINDS, "a domain uses a pool the run's pool documents do not define"),
            // Values (docs/rules-kinds.md)
            doc(
                    "value-invalid",
                    ERROR,
                    VALUES,
                    "attribute or text value outside the enumeration, pattern or range of libvirt's grammar"),
            // Host capabilities (docs/rules-kinds.md): with --domcaps or --qemu
            doc(
                    "caps-virt-type-unsupported",
                    ERROR,
                    HOST_CAPABILITIES,
                    "virtualization type the emulator does not offer"),
            doc("caps-machine-unsupported", ERROR, HOST_CAPABILITIES, "machine type newer than the emulator's"),
            doc("caps-vcpu-limit", ERROR, HOST_CAPABILITIES, "more vCPUs than the machine type allows"),
            doc("caps-cpu-unsupported", ERROR, HOST_CAPABILITIES, "CPU mode or custom CPU model the hypervisor lacks"),
            doc(
                    "caps-firmware-unsupported",
                    ERROR,
                    HOST_CAPABILITIES,
                    "firmware, loader type or secure boot not offered"),
            doc("caps-sev-unsupported", ERROR, HOST_CAPABILITIES, "launch security (SEV, SEV-SNP...) not offered"),
            doc("caps-feature-unsupported", ERROR, HOST_CAPABILITIES, "feature the emulator cannot control (ps2)"),
            doc("caps-disk-unsupported", ERROR, HOST_CAPABILITIES, "disk device, bus or model not offered"),
            doc("caps-graphics-unsupported", ERROR, HOST_CAPABILITIES, "graphics type not offered"),
            doc("caps-video-unsupported", ERROR, HOST_CAPABILITIES, "video model not offered"),
            doc("caps-hostdev-unsupported", ERROR, HOST_CAPABILITIES, "hostdev mode or subsystem type not offered"),
            doc(
                    "caps-device-unsupported",
                    ERROR,
                    HOST_CAPABILITIES,
                    "rng, TPM, redirdev, filesystem, panic or interface backend model not offered"),
            // domain families: begin
            // PCI_USB (docs/rules-domain.md)
            in(
                    PCI_USB,
                    "controller-index-duplicate",
                    ERROR,
                    "two controllers of one type with the same index (USB companions excepted)"),
            in(
                    PCI_USB,
                    "pci-root-invalid",
                    ERROR,
                    "PCI root not the one the machine needs (pci-root on i440fx, pcie-root on q35), root index "
                            + "not 0, root with an address, pSeries host bridge target index or NUMA node, an expander "
                            + "bus on a missing NUMA node"),
            in(PCI_USB, "pci-controller-machine", ERROR, "pcie-expander-bus on an i440fx machine"),
            in(
                    PCI_USB,
                    "pci-plug-invalid",
                    ERROR,
                    "PCI controller plugged into a controller that does not take it, or a virtio IOMMU off bus " + "0"),
            in(PCI_USB, "address-reserved", ERROR, "a device at slot 0:1 of an i440fx machine, which PIIX3 holds"),
            in(
                    PCI_USB,
                    "usb-controller-invalid",
                    ERROR,
                    "xHCI controller with more than 15 ports, companion without its EHCI master, a USB "
                            + "controller beside model='none' or on isapc"),
            in(
                    PCI_USB,
                    "usb-disabled",
                    ERROR,
                    "USB hub, input, host device or redirection while the USB controller is model='none'"),
            in(
                    PCI_USB,
                    "usb-port-invalid",
                    ERROR,
                    "USB port used twice, deeper than 4 levels, behind a hub that does not exist, or beyond the "
                            + "ports of its hub or controller"),
            // CHARDEV (docs/rules-domain.md)
            in(
                    CHARDEV,
                    "chardev-source-missing",
                    ERROR,
                    "character device without the path, host or service its type needs"),
            in(
                    CHARDEV,
                    "chardev-source-invalid",
                    ERROR,
                    "several sources where one is allowed, reconnect outside connect mode or without a timeout, "
                            + "a TCP protocol QEMU lacks"),
            // NUMA_TUNING (docs/rules-domain.md)
            in(
                    NUMA_TUNING,
                    "numa-cell-invalid",
                    ERROR,
                    "NUMA cell ids not 0..n-1, cpus beyond the vCPUs or shared by two cells, a distance to a "
                            + "missing cell"),
            in(
                    NUMA_TUNING,
                    "numatune-invalid",
                    ERROR,
                    "memnode without NUMA cells, for a missing cell, with automatic placement, or mixing "
                            + "restrictive modes; static placement without nodeset"),
            in(
                    NUMA_TUNING,
                    "hugepages-node-missing",
                    ERROR,
                    "hugepage nodeset naming a NUMA node the guest lacks, or two default page sizes"),
            in(
                    NUMA_TUNING,
                    "memory-hotplug-invalid",
                    ERROR,
                    "memory hotplug slots on x86 without NUMA cells, or a memory device for a missing node"),
            in(
                    NUMA_TUNING,
                    "iothread-missing",
                    ERROR,
                    "iothreadpin, iothreadsched or a disk naming an IOThread the domain does not have"),
            in(NUMA_TUNING, "vcpusched-overlap", ERROR, "two vcpusched elements for one vCPU"),
            in(NUMA_TUNING, "vcpupin-ignored", WARNING, "vcpupin for a vCPU beyond the vcpu count; libvirt drops it"),
            // HOSTDEV_DRIVES (docs/rules-domain.md)
            in(
                    HOSTDEV_DRIVES,
                    "hostdev-duplicate",
                    ERROR,
                    "one host device (PCI, USB, SCSI, SCSI host or mediated) assigned twice in a domain"),
            in(HOSTDEV_DRIVES, "drive-address-conflict", ERROR, "two disks or SCSI host devices at one drive address"),
            in(
                    HOSTDEV_DRIVES,
                    "disk-address-type-invalid",
                    ERROR,
                    "an IDE, SATA, SCSI or floppy disk with an address other than drive, a USB disk with one "
                            + "other than usb"),
            in(
                    HOSTDEV_DRIVES,
                    "disk-format-unsupported",
                    ERROR,
                    "a format, protocol or sharing QEMU refuses (cow, dir on a non-dir disk, iso, sheepdog, a "
                            + "shared non-raw disk)"),
            in(
                    HOSTDEV_DRIVES,
                    "disk-given-twice",
                    ERROR,
                    "auth both on the disk and on its source, throttle filters beside iotune"),
            in(
                    HOSTDEV_DRIVES,
                    "disk-encryption-invalid",
                    ERROR,
                    "encryption both on the disk and on its source, LUKS on other than raw or qcow2, a LUKS "
                            + "cipher or ivgen in the domain"),
            in(HOSTDEV_DRIVES, "disk-lun-invalid", ERROR, "device='lun' on other than a block device or iSCSI source"),
            in(
                    HOSTDEV_DRIVES,
                    "disk-auth-secret-type",
                    ERROR,
                    "an iSCSI disk with other than an iscsi secret, an RBD disk with other than a ceph one"),
            in(HOSTDEV_DRIVES, "disk-usb-empty", ERROR, "a USB disk or cdrom without a source"),
            in(
                    HOSTDEV_DRIVES,
                    "disk-inquiry-invalid",
                    ERROR,
                    "vendor on a disk not on the scsi bus (QEMU takes a product on sata too), vendor or product "
                            + "longer than SCSI allows (8 and 16)"),
            // PLATFORM (docs/rules-domain.md)
            in(
                    PLATFORM,
                    "firmware-invalid",
                    ERROR,
                    "loader and NVRAM combinations libvirt refuses: features without autoselection, pflash "
                            + "without a path, NVRAM with a stateless loader or BIOS, enrolled keys without secure boot"),
            in(
                    PLATFORM,
                    "acpi-uefi-mismatch",
                    ERROR,
                    "UEFI on q35 without ACPI, ACPI on aarch64 without UEFI, ACPI on s390"),
            in(
                    PLATFORM,
                    "machine-feature-invalid",
                    ERROR,
                    "a feature or device the machine type lacks: SMM TSEG off q35 or not in whole MiB, gic off "
                            + "ARM virt, hpt off pSeries, parallel ports on pSeries and s390, serial targets of another "
                            + "machine, tsc timer off x86"),
            in(
                    PLATFORM,
                    "cpu-setting-invalid",
                    ERROR,
                    "CPU cache, physical address bits or SVE settings libvirt refuses"),
            in(
                    PLATFORM,
                    "video-invalid",
                    ERROR,
                    "a 'none' video beside others, two primary videos, a ramfb video with an address"),
            in(
                    PLATFORM,
                    "graphics-invalid",
                    ERROR,
                    "egl-headless beside other than vnc or spice, two OpenGL displays, a listen or socket "
                            + "attribute that contradicts the first listen element, a network listen without network"),
            in(
                    PLATFORM,
                    "iommu-invalid",
                    ERROR,
                    "intel IOMMU off q35, virtio IOMMU on i440fx, without ACPI, off PCI or with intel-only "
                            + "attributes"),
            in(
                    PLATFORM,
                    "tpm-invalid",
                    ERROR,
                    "a TPM without backend, two TPMs or two TPM proxies, TPM 1.2 on aarch64"),
            in(
                    PLATFORM,
                    "panic-invalid",
                    ERROR,
                    "a pSeries or s390 panic device with an address, no panic model on RISC-V, pvpanic off PCI "
                            + "on aarch64"),
            in(
                    PLATFORM,
                    "shmem-invalid",
                    ERROR,
                    "shared memory size not a power of 2 of at least 1 MiB, msi without a server"),
            in(
                    PLATFORM,
                    "hostdev-invalid",
                    ERROR,
                    "mediated device address of the wrong type or source without uuid, display without "
                            + "graphics, two ramfb, boot from vfio-ap or vhost SCSI, rawio or sgio off SCSI"),
            in(PLATFORM, "controller-iothread-invalid", ERROR, "an iothread on a controller other than virtio-scsi"),
            in(
                    PLATFORM,
                    "resctrl-overlap",
                    ERROR,
                    "cachetunes sharing vCPUs, one cache allocated twice, a monitor outside its cachetune, a "
                            + "memorytune partly overlapping a cachetune or naming a node twice"),
            in(
                    PLATFORM,
                    "seclabel-invalid",
                    ERROR,
                    "two security labels of one model on the domain or on one disk source, relabel without a "
                            + "label on a disk source"),
            in(
                    PLATFORM,
                    "zpci-invalid",
                    ERROR,
                    "a zPCI uid of 0 or above 0xffff, a uid or fid used twice, zPCI on a non-s390 guest"),
            in(
                    PLATFORM,
                    "address-ccw-spapr-conflict",
                    ERROR,
                    "two devices at one CCW devno or one spapr-vio reg, a spapr-vio reg beyond 32 bits"),
            in(PLATFORM, "sysinfo-bios-date", ERROR, "SMBIOS BIOS date not mm/dd/yy or mm/dd/yyyy"),
            in(
                    PLATFORM,
                    "interface-invalid",
                    ERROR,
                    "portForward without the passt backend, vhostuser passt without shared memory, a queue size "
                            + "not a power of two, virtiofs boot order off PCI"),
            in(
                    PLATFORM,
                    "input-invalid",
                    ERROR,
                    "ps2 inputs or vmport with the ps2 feature off, a transitional model on an input other than "
                            + "passthrough"),
            // domain families: end

            // From the KVM guide (docs/rules-guide.md)
            doc(
                    "timing-advice",
                    INFO,
                    CLOCK,
                    "clock settings against the KVM guide's chapter 8 for the OS the document names"
                            + " (libosinfo metadata or a Hyper-V block)"),
            host(
                    "host-arch-unsupported",
                    WARNING,
                    false,
                    "a kvm guest on a host that is not Intel 64/AMD64 (x86_64),"
                            + " the only architecture the KVM guide covers"),
            host(
                    "iommu-unavailable",
                    ERROR,
                    false,
                    "PCI device assignment on a host without an IOMMU"
                            + " (/sys/kernel/iommu_groups empty or missing)"),
            set(
                    "hostdev-shared",
                    WARNING,
                    DEVICES,
                    "one host PCI device assigned to two domains of the run, or to a domain of the run and one"
                            + " already defined on the host"));

    private static final Map<String, Rule> BY_ID = index(RULES);

    private RuleCatalog() {}

    /** Every rule, in catalogue order. */
    public static List<Rule> all() {
        return RULES;
    }

    public static Optional<Rule> find(String id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    /** The rule with {@code id}; throws {@link IllegalArgumentException} for an unknown id. */
    public static Rule get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("rule id not in the catalogue: " + id));
    }

    public static boolean contains(String id) {
        return BY_ID.containsKey(id);
    }

    private static Rule doc(String id, Severity severity, RuleCategory category, String description) {
        return new Rule(id, severity, category, false, false, description);
    }

    private static Rule in(RuleCategory category, String id, Severity severity, String description) {
        return new Rule(id, severity, category, false, false, description);
    }

    private static Rule set(String id, Severity severity, RuleCategory category, String description) {
        return new Rule(id, severity, category, true, false, description);
    }

    private static Rule host(String id, Severity severity, boolean set, String description) {
        return new Rule(id, severity, HOST_CAPACITY, set, true, description);
    }

    private static Map<String, Rule> index(List<Rule> rules) {
        Map<String, Rule> m = new LinkedHashMap<>();
        for (Rule r : rules) {
            if (m.put(r.id(), r) != null) {
                throw new ExceptionInInitializerError("duplicate rule id " + r.id());
            }
        }
        return Map.copyOf(m);
    }
}
