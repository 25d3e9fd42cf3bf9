package org.virtxml.lint;

import static org.virtxml.lint.RuleCategory.CLOCK;
import static org.virtxml.lint.RuleCategory.DEVICES;
import static org.virtxml.lint.RuleCategory.DOCUMENT;
import static org.virtxml.lint.RuleCategory.HOST_CAPACITY;
import static org.virtxml.lint.RuleCategory.IDENTITY;
import static org.virtxml.lint.RuleCategory.MEMORY;
import static org.virtxml.lint.RuleCategory.NETWORKS;
import static org.virtxml.lint.RuleCategory.OTHER_KINDS;
import static org.virtxml.lint.RuleCategory.OS_BOOT;
import static org.virtxml.lint.RuleCategory.STORAGE;
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
            doc("boot-dev-invalid", ERROR, OS_BOOT, "one of the first 4 <os><boot dev> is not fd, hd, cdrom or network (libvirt never reads a later one)"),
            doc("boot-too-many", WARNING, OS_BOOT, "more than 4 <os><boot> entries; libvirt ignores the rest"),
            doc("boot-order-conflict", ERROR, OS_BOOT, "per-device <boot order> together with <os><boot>"),
            doc("boot-order-duplicate", ERROR, OS_BOOT, "two devices with the same boot order"),
            doc("bootmenu-timeout-range", ERROR, OS_BOOT, "bootmenu timeout outside 0..65535"),
            doc("smbios-sysinfo-missing", ERROR, OS_BOOT, "<smbios mode='sysinfo'/> without <sysinfo>"),
            doc("init-missing", ERROR, OS_BOOT, "container (<os><type>exe</type>) without <init>"),
            doc("kernel-args-without-kernel", WARNING, OS_BOOT, "initrd, cmdline or dtb without <kernel>"),
            // vCPUs
            doc("vcpu-invalid", ERROR, VCPU, "vcpu count is not a positive integer"),
            doc("vcpu-current-exceeds-max", ERROR, VCPU, "current vCPUs exceed the vcpu count (unless a <vcpus> list is given: libvirt then ignores current)"),
            doc("vcpu-limit", ERROR, VCPU, "more vCPUs than the hypervisor allows"),
            doc("cpuset-invalid", ERROR, VCPU, "cpuset syntax libvirt rejects"),
            doc("cpuset-empty", ERROR, VCPU, "cpuset selects no CPU"),
            doc("topology-mismatch", ERROR, VCPU, "CPU topology product differs from the vcpu count"),
            // Host capacity
            host("vcpu-exceeds-host-cores", WARNING, false, "one guest has more vCPUs than the host has physical cores"),
            host("vcpu-overcommit", WARNING, true, "guests' vCPUs together exceed 10 per physical core"),
            host("memory-exceeds-host", ERROR, false, "one guest's memory exceeds host RAM plus swap"),
            host("memory-overcommit", WARNING, true, "guests' memory plus 4 GiB for the host exceeds host RAM"),
            host("host-swap-insufficient", WARNING, true,
                    "host swap is below 4 GiB, or memory is overcommitted and swap is below max(4 GiB, guest memory + 4 GiB - host RAM)"),
            host("kvm-unavailable", ERROR, false, "type='kvm' but the host offers no KVM"),
            host("cpuset-exceeds-host", ERROR, false, "a cpuset, vcpupin or emulatorpin names CPUs the host lacks"
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
            doc("network-dns-disabled-extra", ERROR, NETWORKS, "<dns enable='no'> with hosts, SRV, TXT records or forwarders"),
            doc("network-forward-ip-missing", ERROR, NETWORKS, "nat, route or open forwarding without an <ip>"),
            doc("network-forward-dev-invalid", ERROR, NETWORKS,
                    "forward dev in open mode, or forward dev together with <address> or <pf>"),
            doc("network-bridge-not-allowed", ERROR, NETWORKS, "bridge name in private, vepa, passthrough or hostdev mode"),
            doc("network-hostdev-pool-missing", ERROR, NETWORKS, "forward mode hostdev without <pf>, <address> or <interface>"),
            doc("network-hostdev-duplicate", ERROR, NETWORKS, "one PCI address listed twice in a hostdev pool"),
            doc("network-dhcp-range-outside", ERROR, NETWORKS, "DHCP range not entirely within its <ip> network"),
            set("network-bridge-duplicate", ERROR, NETWORKS, "two networks of one run on one bridge"),
            set("network-overlap", WARNING, NETWORKS, "two networks of one run with overlapping IPv4 networks"),
            set("network-undefined", WARNING, NETWORKS, "a domain uses a network the run's network documents do not define"),
            // Other kinds (docs/rules-kinds.md)
            doc("secret-usage-incomplete", ERROR, OTHER_KINDS, "secret usage type without the volume, name or target it needs"),
            doc("snapshot-disk-unknown", ERROR, OTHER_KINDS,
                    "snapshot or checkpoint disk without a name, named twice, or not a disk of its domain"),
            set("pool-undefined", WARNING, OTHER_KINDS, "a domain uses a pool the run's pool documents do not define"),
            // From the KVM guide (docs/rules-guide.md)
            doc("timing-advice", INFO, CLOCK, "clock settings against the KVM guide's chapter 8 for the OS the document names"
                    + " (libosinfo metadata or a Hyper-V block)"),
            host("host-arch-unsupported", WARNING, false, "a kvm guest on a host that is not Intel 64/AMD64 (x86_64),"
                    + " the only architecture the KVM guide covers"),
            host("iommu-unavailable", ERROR, false, "PCI device assignment on a host without an IOMMU"
                    + " (/sys/kernel/iommu_groups empty or missing)"));

    private static final Map<String, Rule> BY_ID = index(RULES);

    private RuleCatalog() {
    }

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
