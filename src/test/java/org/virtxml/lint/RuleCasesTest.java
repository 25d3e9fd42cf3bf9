package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.Support;

/**
 * Per rule, a small document of our own that fires it and a corrected one that does not
 * (issue 4, what must be shown 1). Set rules get two documents in one run; host rules a host.
 */
class RuleCasesTest {

    /** A kvm domain; {@code os} and {@code devices} replace those parts, {@code extra} goes before {@code <os>}. */
    static String domain(String extra, String os, String devices) {
        return "<domain type='kvm'>\n  <name>vm1</name>\n  <uuid>6f8b3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c</uuid>\n"
                + "  <memory unit='MiB'>1024</memory>\n  <vcpu>2</vcpu>\n" + extra + "\n"
                + "  <os>\n    <type arch='x86_64' machine='pc-q35-9.2'>hvm</type>\n" + os + "\n  </os>\n"
                + "  <devices>\n" + devices + "\n  </devices>\n</domain>\n";
    }

    static String domain(String extra) {
        return domain(extra, "<boot dev='hd'/>", "");
    }

    static String dev(String devices) {
        return domain("", "<boot dev='hd'/>", devices);
    }

    static String disk(String attrs, String inner) {
        return dev("<disk type='file' " + attrs + ">" + inner + "</disk>");
    }

    static String pool(String type, String body) {
        return "<pool type='" + type + "'><name>p</name>" + body + "</pool>";
    }

    static String volume(String body) {
        return "<volume><name>v.img</name>" + body + "</volume>";
    }

    record Case(String rule, String firing, String clean) {
        @Override
        public String toString() {
            return rule;
        }
    }

    static Stream<Case> cases() {
        String src = "<source file='/var/lib/libvirt/images/a.qcow2'/>";
        return Stream.of(
                new Case("xml-malformed", "<domain type='kvm'><name>x</name>", domain("")),
                new Case("xml-unsafe", "<!DOCTYPE domain [<!ENTITY x 'y'>]><domain type='kvm'/>", domain("")),
                new Case("root-unknown", "<vm><name>n</name></vm>", domain("")),
                new Case("unknown-element", domain("<frobnicate/>"), domain("")),
                new Case(
                        "unknown-attribute",
                        domain("", "<boot dev='hd'/><smbios dev='sysinfo'/>", ""),
                        domain("<sysinfo type='smbios'/>", "<boot dev='hd'/><smbios mode='sysinfo'/>", "")),
                new Case("uuid-invalid", domain("").replace("7d8e9f0a1b2c", "7d8e9f0a1b2"), domain("")),
                new Case(
                        "uuid-noncanonical",
                        domain("").replace("6f8b3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c", "6F8B3C2A1D4E4F5A9B6C7D8E9F0A1B2C"),
                        domain("")),
                new Case("uuid-not-rfc4122", domain("").replace("4f5a-9b6c", "cf5a-9b6c"), domain("")),
                new Case(
                        "uuid-sysinfo-mismatch",
                        domain("<sysinfo type='smbios'><system><entry name='uuid'>"
                                + "00000000-1d4e-4f5a-9b6c-7d8e9f0a1b2c</entry></system></sysinfo>"),
                        domain("<sysinfo type='smbios'><system><entry name='uuid'>6f8b3c2a1d4e4f5a9b6c7d8e9f0a1b2c"
                                + "</entry></system></sysinfo>")),
                new Case("name-missing", domain("").replace("<name>vm1</name>", "<name></name>"), domain("")),
                new Case(
                        "name-invalid",
                        domain("").replace("vm1", "vm/1"),
                        domain("").replace("vm1", "vm-1")),
                new Case(
                        "name-unportable",
                        domain("").replace("vm1", "vm 1"),
                        domain("").replace("vm1", "vm_1.a")),
                new Case("title-newline", domain("<title>a\nb</title>"), domain("<title>a b</title>")),
                new Case(
                        "domain-type-invalid",
                        domain("").replace("type='kvm'", "type='kvmm'"),
                        domain("").replace("type='kvm'", "type='qemu'")),
                new Case("unit-invalid", domain("").replace("unit='MiB'", "unit='MiBs'"), domain("")),
                new Case(
                        "size-invalid",
                        domain("").replace(">1024<", ">1024 <"),
                        domain("").replace(">1024<", "> 1024<")),
                new Case("size-overflow", domain("").replace("unit='MiB'>1024", "unit='E'>8"), domain("")),
                new Case("memory-missing", domain("").replace("<memory unit='MiB'>1024</memory>", ""), domain("")),
                new Case(
                        "memory-current-exceeds-max",
                        domain("<currentMemory unit='GiB'>2</currentMemory>"),
                        domain("<currentMemory unit='MiB'>512</currentMemory>")),
                new Case(
                        "memory-max-below-current",
                        domain("<maxMemory slots='2' unit='MiB'>512</maxMemory>"),
                        domain("<maxMemory slots='2' unit='GiB'>4</maxMemory>")),
                new Case("os-type-invalid", domain("").replace(">hvm<", ">hvmx<"), domain("")),
                new Case("boot-dev-invalid", domain("", "<boot dev='usb'/>", ""), domain("")),
                // an invalid 5th entry is never read by libvirt (boot-too-many warns): not an error
                new Case(
                        "boot-dev-invalid",
                        domain("", "<boot dev='hd'/><boot dev='usb'/>", ""),
                        domain(
                                "",
                                "<boot dev='hd'/><boot dev='cdrom'/><boot dev='fd'/><boot dev='network'/><boot dev='usb'/>",
                                "")),
                new Case(
                        "boot-too-many",
                        domain(
                                "",
                                "<boot dev='hd'/><boot dev='cdrom'/><boot dev='fd'/>"
                                        + "<boot dev='network'/><boot dev='hd'/>",
                                ""),
                        domain(
                                "",
                                "<boot dev='hd'/><boot dev='cdrom'/>" + "<boot dev='fd'/><boot dev='network'/>",
                                "")),
                new Case(
                        "boot-order-conflict",
                        disk("device='disk'", src + "<target dev='vda' bus='virtio'/>" + "<boot order='1'/>"),
                        domain(
                                "",
                                "",
                                "<disk type='file' device='disk'>" + src
                                        + "<target dev='vda' bus='virtio'/><boot order='1'/></disk>")),
                new Case(
                        "boot-order-duplicate",
                        domain(
                                "",
                                "",
                                "<disk type='file'>" + src + "<target dev='vda'/>"
                                        + "<boot order='1'/></disk><interface type='network'><source network='default'/>"
                                        + "<boot order='1'/></interface>"),
                        domain(
                                "",
                                "",
                                "<disk type='file'>" + src
                                        + "<target dev='vda'/><boot order='1'/></disk><interface type='network'>"
                                        + "<source network='default'/><boot order='2'/></interface>")),
                new Case(
                        "bootmenu-timeout-range",
                        domain("", "<bootmenu enable='yes' timeout='70000'/>", ""),
                        domain("", "<bootmenu enable='yes' timeout='3000'/>", "")),
                new Case(
                        "smbios-sysinfo-missing",
                        domain("", "<smbios mode='sysinfo'/>", ""),
                        domain("<sysinfo type='smbios'/>", "<smbios mode='sysinfo'/>", "")),
                new Case(
                        "init-missing",
                        domain("", "", "").replace(">hvm<", ">exe<").replace("kvm", "lxc"),
                        domain("", "<init>/sbin/init</init>", "")
                                .replace(">hvm<", ">exe<")
                                .replace("kvm", "lxc")),
                new Case(
                        "kernel-args-without-kernel",
                        domain("", "<initrd>/boot/initrd</initrd>", ""),
                        domain("", "<kernel>/boot/vmlinuz</kernel><initrd>/boot/initrd</initrd>", "")),
                new Case("vcpu-invalid", domain("").replace("<vcpu>2</vcpu>", "<vcpu>two</vcpu>"), domain("")),
                new Case(
                        "vcpu-current-exceeds-max",
                        domain("").replace("<vcpu>2", "<vcpu current='3'>2"),
                        domain("").replace("<vcpu>2", "<vcpu current='1'>2")),
                // with a <vcpus> list libvirt ignores current
                new Case(
                        "vcpu-current-exceeds-max",
                        domain("").replace("<vcpu>2", "<vcpu current='3'>2"),
                        domain("<vcpus><vcpu id='0' enabled='yes' hotpluggable='no'/><vcpu id='1' enabled='no'"
                                        + " hotpluggable='yes'/></vcpus>")
                                .replace("<vcpu>2", "<vcpu current='3'>2")),
                new Case(
                        "vcpu-limit",
                        domain("").replace("<vcpu>2", "<vcpu>300").replace("pc-q35-9.2", "pc"),
                        domain("").replace("<vcpu>2", "<vcpu>200").replace("pc-q35-9.2", "pc")),
                new Case(
                        "cpuset-invalid",
                        domain("").replace("<vcpu>2", "<vcpu cpuset='3-1'>2"),
                        domain("").replace("<vcpu>2", "<vcpu cpuset='1-3'>2")),
                new Case(
                        "cpuset-empty",
                        domain("").replace("<vcpu>2", "<vcpu cpuset='^2'>2"),
                        domain("").replace("<vcpu>2", "<vcpu cpuset='0-3,^2'>2")),
                new Case(
                        "topology-mismatch",
                        domain("<cpu><topology sockets='1' cores='4' threads='1'/></cpu>"),
                        domain("<cpu><topology sockets='1' cores='2' threads='1'/></cpu>")),
                new Case(
                        "disk-target-missing",
                        disk("device='disk'", src),
                        disk("device='disk'", src + "<target dev='vda'/>")),
                new Case(
                        "disk-target-invalid",
                        disk("device='disk'", src + "<target dev='xda'/>"),
                        disk("device='disk'", src + "<target dev='sda'/>")),
                new Case(
                        "disk-target-duplicate",
                        dev("<disk type='file'>" + src + "<target dev='vda'/></disk>" + "<disk type='file'>" + src
                                + "<target dev='vda'/></disk>"),
                        dev("<disk type='file'>" + src + "<target dev='vda'/></disk><disk type='file'>" + src
                                + "<target dev='vdb'/></disk>")),
                new Case(
                        "disk-bus-mismatch",
                        disk("device='disk'", src + "<target dev='hda' bus='virtio'/>"),
                        disk("device='disk'", src + "<target dev='vda' bus='virtio'/>")),
                new Case(
                        "disk-source-missing",
                        disk("device='disk'", "<target dev='vda'/>"),
                        disk("device='cdrom'", "<target dev='sda' bus='sata'/>")),
                new Case(
                        "disk-format-invalid",
                        disk("", "<driver name='qemu' type='qcow3'/>" + src + "<target dev='vda'/>"),
                        disk("", "<driver name='qemu' type='qcow2'/>" + src + "<target dev='vda'/>")),
                new Case(
                        "disk-floppy-bus",
                        disk("device='floppy'", "<target dev='fda' bus='ide'/>"),
                        disk("device='floppy'", "<target dev='fda' bus='fdc'/>")),
                new Case(
                        "disk-ejectable-on-virtio",
                        disk("device='cdrom'", "<target dev='vdb' bus='virtio'/>"),
                        disk("device='cdrom'", "<target dev='sdb' bus='sata'/>")),
                new Case(
                        "disk-ide-on-q35",
                        disk("device='cdrom'", "<target dev='hdc' bus='ide'/>"),
                        disk("device='cdrom'", "<target dev='sdc' bus='sata'/>")),
                new Case(
                        "virtio-recommended",
                        disk("device='disk'", src + "<target dev='sda' bus='sata'/>"),
                        disk("device='disk'", src + "<target dev='vda' bus='virtio'/>")),
                new Case(
                        "address-pci-range",
                        dev(
                                "<interface type='network'><source network='default'/>"
                                        + "<address type='pci' domain='0x0000' bus='0x00' slot='0x20' function='0x0'/></interface>"),
                        dev("<interface type='network'><source network='default'/>"
                                + "<address type='pci' domain='0x0000' bus='0x00' slot='0x1f' function='0x0'/>"
                                + "</interface>")),
                new Case(
                        "address-conflict",
                        dev(
                                "<interface type='network'><source network='default'/>"
                                        + "<address type='pci' bus='0x01' slot='0x00'/></interface><interface type='network'>"
                                        + "<source network='default'/><address type='pci' bus='0x01' slot='0x00'/></interface>"),
                        dev("<interface type='network'><source network='default'/>"
                                + "<address type='pci' bus='0x01' slot='0x00'/></interface><interface type='network'>"
                                + "<source network='default'/><address type='pci' bus='0x02' slot='0x00'/>"
                                + "</interface>")),
                new Case(
                        "address-octal",
                        dev("<interface type='network'><source network='default'/>"
                                + "<address type='pci' bus='0x00' slot='010'/></interface>"),
                        dev("<interface type='network'><source network='default'/>"
                                + "<address type='pci' bus='0x00' slot='0x0a'/></interface>")),
                new Case(
                        "mac-invalid",
                        dev("<interface type='network'><mac address='52-54-00-01-02-03'/>"
                                + "<source network='default'/></interface>"),
                        dev("<interface type='network'>"
                                + "<mac address='52:54:0:1:2:3'/><source network='default'/></interface>")),
                new Case(
                        "mac-multicast",
                        dev("<interface type='network'><mac address='01:54:00:01:02:03'/>"
                                + "<source network='default'/></interface>"),
                        dev("<interface type='network'>"
                                + "<mac address='52:54:00:01:02:03'/><source network='default'/></interface>")),
                new Case(
                        "mac-duplicate",
                        dev("<interface type='network'><mac address='52:54:00:01:02:03'/>"
                                + "<source network='default'/></interface><interface type='network'>"
                                + "<mac address='52:54:0:1:2:3'/><source network='default'/></interface>"),
                        dev("<interface type='network'><mac address='52:54:00:01:02:03'/>"
                                + "<source network='default'/></interface><interface type='network'>"
                                + "<mac address='52:54:00:01:02:04'/><source network='default'/></interface>")),
                new Case(
                        "interface-source-missing",
                        dev("<interface type='bridge'><source network='br0'/>" + "</interface>"),
                        dev("<interface type='bridge'><source bridge='br0'/></interface>")),
                new Case(
                        "hostdev-source-missing",
                        dev("<hostdev mode='subsystem' type='pci' managed='yes'>" + "<source/></hostdev>"),
                        dev(
                                "<hostdev mode='subsystem' type='pci' managed='yes'><source>"
                                        + "<address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>")),
                new Case(
                        "clock-offset-invalid",
                        domain("<clock offset='absolute'/>"),
                        domain("<clock offset='absolute' start='1700000000'/>")),
                new Case("value-invalid", dev("<graphics type='vcn'/>"), dev("<graphics type='vnc'/>")),
                new Case(
                        "timer-invalid",
                        domain("<clock offset='utc'><timer name='hpet' frequency='100'/></clock>"),
                        domain("<clock offset='utc'><timer name='tsc' frequency='1000000000'/></clock>")),
                new Case(
                        "pool-type-invalid",
                        pool("nfs", "<target><path>/a</path></target>"),
                        pool("dir", "<target><path>/a</path></target>")),
                new Case(
                        "pool-source-missing",
                        pool(
                                "netfs",
                                "<source><host name='nfs.example'/></source>" + "<target><path>/mnt</path></target>"),
                        pool(
                                "netfs",
                                "<source><host name='nfs.example'/>"
                                        + "<dir path='/export'/></source><target><path>/mnt</path></target>")),
                new Case("pool-target-missing", pool("dir", ""), pool("dir", "<target><path>/a</path></target>")),
                new Case(
                        "output-only",
                        pool("dir", "<capacity>1</capacity><target><path>/a</path></target>"),
                        pool("dir", "<target><path>/a</path></target>")),
                new Case(
                        "volume-capacity-missing",
                        volume("<allocation>0</allocation>"),
                        volume("<capacity>1024</capacity>")),
                new Case(
                        "volume-allocation-exceeds-capacity",
                        volume("<capacity>1024</capacity>" + "<allocation unit='KiB'>2</allocation>"),
                        volume("<capacity>1024</capacity>" + "<allocation>1024</allocation>")),
                new Case(
                        "volume-format-invalid",
                        volume("<capacity>1</capacity><target><format type='qcow3'/>" + "</target>"),
                        volume("<capacity>1</capacity><target><format type='qcow2'/></target>")),
                new Case(
                        "timing-advice",
                        domain("<metadata><libosinfo:libosinfo"
                                + " xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'><libosinfo:os"
                                + " id='http://microsoft.com/win/10'/></libosinfo:libosinfo></metadata>"
                                + "<clock offset='utc'><timer name='hpet' present='yes'/></clock>"),
                        domain("<metadata><libosinfo:libosinfo"
                                + " xmlns:libosinfo='http://libosinfo.org/xmlns/libvirt/domain/1.0'><libosinfo:os"
                                + " id='http://microsoft.com/win/10'/></libosinfo:libosinfo></metadata>"
                                + "<clock offset='localtime'><timer name='rtc' tickpolicy='catchup'/><timer name='hpet'"
                                + " present='no'/><timer name='hypervclock' present='yes'/></clock>")),
                new Case(
                        "permissions-invalid",
                        volume("<capacity>1</capacity><target><permissions>"
                                + "<mode>01777</mode><owner>qemu</owner></permissions></target>"),
                        volume("<capacity>1</capacity><target><permissions><mode>0644</mode><owner>107</owner>"
                                + "</permissions></target>")));
    }

    static Set<String> fired(LintReport report) {
        return report.diagnostics().stream().map(Diagnostic::rule).collect(Collectors.toSet());
    }

    /** The case's rule fires on its firing document and not on its clean one. */
    static void firesOnlyWhereItShould(Case c) {
        Linter linter = Linter.defaults();
        assertThat(fired(linter.lintText("firing.xml", c.firing()))).as("fires").contains(c.rule());
        assertThat(fired(linter.lintText("clean.xml", c.clean()))).as("clean").doesNotContain(c.rule());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnItsDocumentAndNotOnTheCorrectedOne(Case c) {
        firesOnlyWhereItShould(c);
    }

    // ---- set rules: several documents in one run ----

    @Test
    void uuidAndNameDuplicatesAcrossDocumentsOfOneRun() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lint-set");
        java.nio.file.Files.writeString(dir.resolve("a.xml"), domain(""));
        java.nio.file.Files.writeString(dir.resolve("b.xml"), domain(""));
        java.nio.file.Files.writeString(
                dir.resolve("c.xml"), domain("").replace("vm1", "vm3").replace("6f8b3c2a", "7f8b3c2a"));
        LintReport report = Linter.defaults().lint(dir);
        assertThat(fired(new LintReport(List.of(report.files().get(1))))).contains("uuid-duplicate", "name-duplicate");
        assertThat(fired(new LintReport(
                        List.of(report.files().get(0), report.files().get(2)))))
                .doesNotContain("uuid-duplicate", "name-duplicate");
    }

    @Test
    void macDuplicateAcrossDocuments() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lint-mac");
        String nic = "<interface type='network'><mac address='52:54:00:aa:bb:cc'/><source network='default'/>"
                + "</interface>";
        java.nio.file.Files.writeString(dir.resolve("a.xml"), dev(nic));
        java.nio.file.Files.writeString(
                dir.resolve("b.xml"), dev(nic).replace("vm1", "vm2").replace("6f8b3c2a", "7f8b3c2a"));
        assertThat(fired(Linter.defaults().lint(dir))).contains("mac-duplicate");
        java.nio.file.Files.writeString(
                dir.resolve("b.xml"),
                dev(nic.replace("cc", "cd")).replace("vm1", "vm2").replace("6f8b3c2a", "7f8b3c2a"));
        assertThat(fired(Linter.defaults().lint(dir))).doesNotContain("mac-duplicate");
    }

    // ---- host rules: need a host profile ----

    static HostProfile host(int cores, long memoryGiB, long swapGiB, Support kvm) {
        return HostProfile.builder()
                .physicalCores(cores)
                .cpuCount(cores)
                .memoryBytes(memoryGiB << 30)
                .swapBytes(swapGiB << 30)
                .kvm(kvm)
                .hardwareVirtualization(kvm)
                .build();
    }

    @Test
    void hostRulesFireOnlyBeyondTheHost() {
        String big = domain("")
                .replace("<vcpu>2</vcpu>", "<vcpu cpuset='0-7'>8</vcpu>")
                .replace("unit='MiB'>1024", "unit='GiB'>40");
        Linter small = Linter.builder().host(host(4, 16, 4, Support.ABSENT)).build();
        assertThat(fired(small.lintText("big.xml", big)))
                .contains(
                        "vcpu-exceeds-host-cores",
                        "memory-exceeds-host",
                        "kvm-unavailable",
                        "cpuset-exceeds-host",
                        "memory-overcommit",
                        "host-swap-insufficient");
        Linter large = Linter.builder().host(host(64, 256, 16, Support.PRESENT)).build();
        assertThat(fired(large.lintText("big.xml", big)))
                .doesNotContainAnyElementsOf(List.of(
                        "vcpu-exceeds-host-cores",
                        "memory-exceeds-host",
                        "kvm-unavailable",
                        "cpuset-exceeds-host",
                        "memory-overcommit",
                        "host-swap-insufficient",
                        "vcpu-overcommit"));
        assertThat(fired(Linter.defaults().lintText("big.xml", big)))
                .as("no host, no host rules")
                .doesNotContain("vcpu-exceeds-host-cores", "memory-exceeds-host");
    }

    @Test
    void vcpuOvercommitOverTheGuestsOfOneRun() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("lint-oc");
        for (int i = 0; i < 3; i++) {
            java.nio.file.Files.writeString(
                    dir.resolve("g" + i + ".xml"),
                    domain("")
                            .replace("vm1", "g" + i)
                            .replace("6f8b3c2a", "6f8b3c2" + i)
                            .replace("<vcpu>2", "<vcpu>4"));
        }
        HostProfile one = HostProfile.builder().physicalCores(1).build();
        assertThat(fired(Linter.builder().host(one).build().lint(dir))).contains("vcpu-overcommit");
        HostProfile two = HostProfile.builder().physicalCores(2).build();
        assertThat(fired(Linter.builder().host(two).build().lint(dir))).doesNotContain("vcpu-overcommit");
    }

    @Test
    void hostArchitectureAndIommu() {
        String guest = dev("<hostdev mode='subsystem' type='pci' managed='yes'><source>"
                + "<address domain='0x0000' bus='0x06' slot='0x12' function='0x5'/></source></hostdev>");
        HostProfile arm =
                HostProfile.builder().arch("aarch64").iommu(Support.ABSENT).build();
        LintReport onArm = Linter.builder().host(arm).build().lintText("g.xml", guest);
        assertThat(fired(onArm)).contains("host-arch-unsupported", "iommu-unavailable");
        assertThat(onArm.diagnostics())
                .filteredOn(d -> d.rule().equals("iommu-unavailable"))
                .singleElement()
                .satisfies(d -> assertThat(d.xpath()).isEqualTo("/domain/devices/hostdev[1]"));
        HostProfile x86 =
                HostProfile.builder().arch("x86_64").iommu(Support.PRESENT).build();
        assertThat(fired(Linter.builder().host(x86).build().lintText("g.xml", guest)))
                .doesNotContain("host-arch-unsupported", "iommu-unavailable");
        assertThat(fired(Linter.builder().host(arm).build().lintText("g.xml", domain(""))))
                .as("no PCI device assigned")
                .doesNotContain("iommu-unavailable");
    }

    @Test
    void everyCatalogueRuleHasACase() {
        Set<String> covered = cases().map(Case::rule).collect(Collectors.toSet());
        covered.addAll(List.of(
                "uuid-duplicate",
                "name-duplicate",
                "mac-duplicate",
                "vcpu-exceeds-host-cores",
                "vcpu-overcommit",
                "memory-exceeds-host",
                "memory-overcommit",
                "host-swap-insufficient",
                "kvm-unavailable",
                "cpuset-exceeds-host",
                "schema-invalid",
                "host-arch-unsupported",
                "iommu-unavailable",
                "hostdev-shared")); // HostdevSharedRuleTest
        covered.addAll(KindRuleCasesTest.covered());
        covered.addAll(CapabilityRulesTest.covered());
        covered.addAll(DomainRuleCasesTest.covered());
        assertThat(covered).containsAll(RuleCatalog.all().stream().map(Rule::id).toList());
    }
}
