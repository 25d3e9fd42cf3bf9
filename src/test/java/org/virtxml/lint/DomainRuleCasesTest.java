package org.virtxml.lint;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.virtxml.lint.RuleCasesTest.Case;

/**
 * The rules of docs/rules-domain.md (issue 15): each fires on a small document of its own and not
 * on the corrected one; plus the changes to older rules (maxMemory against the NUMA total,
 * the vCPU limit of the default machine).
 */
class DomainRuleCasesTest {

    static String dev(String devices) {
        return RuleCasesTest.dev(devices);
    }

    /** The same kvm domain on an i440fx machine. */
    static String i440fx(String extra, String os, String devices) {
        return RuleCasesTest.domain(extra, os, devices).replace("pc-q35-9.2", "pc-i440fx-9.2");
    }

    static String i440fx(String devices) {
        return i440fx("", "<boot dev='hd'/>", devices);
    }

    static String arch(String arch, String machine, String extra, String devices) {
        return RuleCasesTest.domain(extra, "<boot dev='hd'/>", devices)
                .replace("arch='x86_64' machine='pc-q35-9.2'", "arch='" + arch + "' machine='" + machine + "'");
    }

    static String extra(String extra) {
        return RuleCasesTest.domain(extra);
    }

    static final String SRC = "<source file='/var/lib/libvirt/images/a.qcow2'/>";

    static String disk(String attrs, String inner) {
        return dev("<disk type='file' device='disk'" + attrs + ">" + inner + "</disk>");
    }

    static String scsiDisk(String dev, String unit) {
        return "<disk type='file' device='disk'><source file='/var/lib/libvirt/images/" + dev + ".img'/>"
                + "<target dev='" + dev + "' bus='scsi'/><address type='drive' controller='0' bus='0' target='0' unit='"
                + unit + "'/></disk>";
    }

    static String pciHostdev(String slot) {
        return "<hostdev mode='subsystem' type='pci' managed='yes'><source><address domain='0x0000' bus='0x06'"
                + " slot='" + slot + "' function='0x0'/></source></hostdev>";
    }

    static String cell(String cpus) {
        return "<cpu><numa><cell id='0' cpus='" + cpus + "' memory='1024' unit='MiB'/></numa></cpu>";
    }

    static final String USB_HUB = "<controller type='usb' index='0' model='qemu-xhci'/>"
            + "<hub type='usb'><address type='usb' bus='0' port='1'/></hub>";

    static String tablet(String port) {
        return "<input type='tablet' bus='usb'><address type='usb' bus='0' port='" + port + "'/></input>";
    }

    static String video(String primary2) {
        return "<video><model type='virtio' primary='yes'/></video><video><model type='virtio'" + primary2
                + "/></video>";
    }

    static String ccwDisk(String dev, String devno) {
        return "<disk type='file' device='disk'><source file='/var/lib/libvirt/images/" + dev + ".img'/><target dev='"
                + dev + "' bus='virtio'/><address type='ccw' cssid='0xfe' ssid='0x0' devno='" + devno + "'/></disk>";
    }

    static String zpciHostdev(String uid) {
        return "<hostdev mode='subsystem' type='pci' managed='no'><source><address domain='0x0000' bus='0x00'"
                + " slot='0x00' function='0x0'/></source><address type='pci'><zpci uid='" + uid + "' fid='0x1'/>"
                + "</address></hostdev>";
    }

    static final String MDEV = "<hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on'><source>"
            + "<address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/></source></hostdev>";

    static Stream<Case> cases() {
        return Stream.of(
                // PCI and USB
                new Case(
                        "controller-index-duplicate",
                        dev("<controller type='scsi' index='0' model='virtio-scsi'/>"
                                + "<controller type='scsi' index='0' model='virtio-scsi'/>"),
                        dev("<controller type='scsi' index='0' model='virtio-scsi'/>"
                                + "<controller type='scsi' index='1' model='virtio-scsi'/>")),
                new Case(
                        "pci-root-invalid",
                        i440fx("<controller type='pci' index='0' model='pcie-root'/>"),
                        i440fx("<controller type='pci' index='0' model='pci-root'/>")),
                new Case(
                        "pci-root-invalid",
                        dev("<controller type='pci' index='0' model='pcie-root'><address type='pci'"
                                + " domain='0' bus='0' slot='0' function='0'/></controller>"),
                        dev("<controller type='pci' index='0' model='pcie-root'/>")),
                new Case(
                        "pci-controller-machine",
                        i440fx("<controller type='pci' index='1' model='pcie-expander-bus'/>"),
                        i440fx("<controller type='pci' index='1' model='pci-expander-bus'/>")),
                new Case(
                        "pci-plug-invalid",
                        dev("<controller type='pci' index='0' model='pcie-root'/>"
                                + "<controller type='pci' index='1' model='pcie-root-port'/>"
                                + "<controller type='pci' index='2' model='dmi-to-pci-bridge'><address type='pci' bus='1'/>"
                                + "</controller>"),
                        dev("<controller type='pci' index='0' model='pcie-root'/>"
                                + "<controller type='pci' index='1' model='pcie-root-port'/>"
                                + "<controller type='pci' index='2' model='dmi-to-pci-bridge'><address type='pci' bus='0'"
                                + " slot='0x1e'/></controller>")),
                new Case(
                        "address-reserved",
                        i440fx("<memballoon model='virtio'><address type='pci' slot='1'"
                                + " function='1'/></memballoon>"),
                        i440fx("<memballoon model='virtio'><address type='pci'"
                                + " slot='5' function='0'/></memballoon>")),
                new Case(
                        "usb-controller-invalid",
                        dev("<controller type='usb' index='0' model='qemu-xhci' ports='16'/>"),
                        dev("<controller type='usb' index='0' model='qemu-xhci' ports='15'/>")),
                new Case(
                        "usb-disabled",
                        dev("<controller type='usb' index='0' model='none'/><input type='tablet'" + " bus='usb'/>"),
                        dev("<controller type='usb' index='0' model='none'/><input type='tablet'" + " bus='virtio'/>")),
                new Case("usb-port-invalid", dev(USB_HUB + tablet("1.9")), dev(USB_HUB + tablet("1.8"))),
                new Case(
                        "usb-port-invalid",
                        dev("<controller type='usb' index='0' model='qemu-xhci'/>" + tablet("1.2")),
                        dev("<controller type='usb' index='0' model='qemu-xhci'/>" + tablet("2"))),
                // Character devices
                new Case(
                        "chardev-source-missing",
                        dev("<serial type='unix'><source mode='bind'/><target port='0'/>" + "</serial>"),
                        dev("<serial type='unix'><source mode='bind' path='/tmp/s.sock'/>"
                                + "<target port='0'/></serial>")),
                new Case(
                        "chardev-source-missing",
                        dev("<channel type='tcp'><source mode='bind' service='5678'/>"
                                + "<target type='virtio' name='t'/></channel>"),
                        dev("<channel type='unix'><source"
                                + " mode='bind'/><target type='virtio' name='org.qemu.guest_agent.0'/></channel>")),
                new Case(
                        "chardev-source-invalid",
                        dev("<serial type='tcp'><source mode='connect' host='127.0.0.1'"
                                + " service='9999'/><protocol type='tls'/></serial>"),
                        dev("<serial type='tcp'><source"
                                + " mode='connect' host='127.0.0.1' service='9999'/><protocol type='raw'/></serial>")),
                new Case(
                        "chardev-source-invalid",
                        dev("<serial type='tcp'><source mode='bind' host='127.0.0.1'"
                                + " service='9999'><reconnect enabled='yes' timeout='10'/></source></serial>"),
                        dev("<serial type='tcp'><source mode='connect' host='127.0.0.1' service='9999'><reconnect"
                                + " enabled='yes' timeout='10'/></source></serial>")),
                // NUMA and tuning
                new Case("numa-cell-invalid", extra(cell("0-3")), extra(cell("0-1"))),
                new Case(
                        "numatune-invalid",
                        extra("<numatune><memnode cellid='0' mode='strict' nodeset='0'/>" + "</numatune>"),
                        extra("<numatune><memnode cellid='0' mode='strict' nodeset='0'/></numatune>" + cell("0-1"))),
                new Case(
                        "hugepages-node-missing",
                        extra("<memoryBacking><hugepages><page size='2048' unit='KiB'"
                                + " nodeset='1'/></hugepages></memoryBacking>"),
                        extra("<memoryBacking><hugepages><page"
                                + " size='2048' unit='KiB' nodeset='0'/></hugepages></memoryBacking>")),
                new Case(
                        "memory-hotplug-invalid",
                        extra("<maxMemory slots='4' unit='GiB'>8</maxMemory>"),
                        extra("<maxMemory slots='4' unit='GiB'>8</maxMemory>" + cell("0-1"))),
                new Case(
                        "iothread-missing",
                        extra("<iothreads>1</iothreads><cputune><iothreadpin iothread='2'" + " cpuset='0'/></cputune>"),
                        extra("<iothreads>1</iothreads><cputune><iothreadpin"
                                + " iothread='1' cpuset='0'/></cputune>")),
                new Case(
                        "vcpusched-overlap",
                        extra("<cputune><vcpusched vcpus='0-1' scheduler='fifo' priority='1'/>"
                                + "<vcpusched vcpus='1' scheduler='fifo' priority='1'/></cputune>"),
                        extra("<cputune>"
                                + "<vcpusched vcpus='0' scheduler='fifo' priority='1'/><vcpusched vcpus='1' scheduler='fifo'"
                                + " priority='1'/></cputune>")),
                new Case(
                        "vcpupin-ignored",
                        extra("<cputune><vcpupin vcpu='2' cpuset='0'/></cputune>"),
                        extra("<cputune><vcpupin vcpu='1' cpuset='0'/></cputune>")),
                new Case(
                        "memory-max-below-current",
                        extra("<maxMemory slots='4' unit='MiB'>1536</maxMemory>"
                                + "<cpu><numa><cell id='0' cpus='0-1' memory='2048' unit='MiB'/></numa></cpu>"),
                        extra("<maxMemory slots='4' unit='MiB'>2048</maxMemory><cpu><numa><cell id='0' cpus='0-1'"
                                + " memory='2048' unit='MiB'/></numa></cpu>")),
                new Case(
                        "vcpu-limit",
                        RuleCasesTest.domain("").replace("<vcpu>2", "<vcpu>300").replace(" machine='pc-q35-9.2'", ""),
                        RuleCasesTest.domain("").replace("<vcpu>2", "<vcpu>255").replace(" machine='pc-q35-9.2'", "")),
                // Host devices and drives
                new Case(
                        "hostdev-duplicate",
                        dev(pciHostdev("0x12") + pciHostdev("0x12")),
                        dev(pciHostdev("0x12") + pciHostdev("0x13"))),
                new Case(
                        "drive-address-conflict",
                        dev(scsiDisk("sda", "0") + scsiDisk("sdb", "0")),
                        dev(scsiDisk("sda", "0") + scsiDisk("sdb", "1"))),
                new Case(
                        "disk-address-type-invalid",
                        disk(
                                "",
                                SRC + "<target dev='sda' bus='sata'/><address"
                                        + " type='pci' domain='0' bus='0' slot='6' function='0'/>"),
                        disk(
                                "",
                                SRC + "<target dev='sda'"
                                        + " bus='sata'/><address type='drive' controller='0' bus='0' target='0' unit='0'/>")),
                new Case(
                        "disk-format-unsupported",
                        disk("", "<driver name='qemu' type='cow'/>" + SRC + "<target dev='vda' bus='virtio'/>"),
                        disk("", "<driver name='qemu' type='qcow2'/>" + SRC + "<target dev='vda' bus='virtio'/>")),
                new Case(
                        "disk-format-unsupported",
                        disk(
                                "",
                                "<driver name='qemu' type='qcow2'/>" + SRC
                                        + "<target dev='vda' bus='virtio'/><shareable/>"),
                        disk(
                                "",
                                "<driver name='qemu' type='raw'/>" + SRC
                                        + "<target dev='vda' bus='virtio'/><shareable/>")),
                new Case(
                        "disk-encryption-invalid",
                        disk(
                                "",
                                "<source file='/var/lib/libvirt/images/a.img'><encryption"
                                        + " format='luks'><secret type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/>"
                                        + "</encryption></source><target dev='vda' bus='virtio'/><encryption format='luks'><secret"
                                        + " type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/></encryption>"),
                        disk(
                                "",
                                "<source file='/var/lib/libvirt/images/a.img'><encryption format='luks'><secret"
                                        + " type='passphrase' uuid='0a81f5b2-8403-7b23-c8d6-21ccc2f80d6f'/></encryption>"
                                        + "</source><target dev='vda' bus='virtio'/>")),
                new Case("disk-auth-secret-type", rbd("iscsi"), rbd("ceph")),
                new Case(
                        "disk-given-twice",
                        dev(rbdDisk(
                                "<auth username='admin'><secret type='ceph'" + " usage='client.admin'/></auth>",
                                "<auth username='admin'><secret type='ceph'" + " usage='client.admin'/></auth>")),
                        dev(rbdDisk(
                                "", "<auth username='admin'><secret" + " type='ceph' usage='client.admin'/></auth>"))),
                new Case(
                        "disk-lun-invalid",
                        dev("<disk type='file' device='lun'><source file='/dev/sdb'/><target"
                                + " dev='sda' bus='scsi'/></disk>"),
                        dev("<disk type='block' device='lun'><source"
                                + " dev='/dev/sdb'/><target dev='sda' bus='scsi'/></disk>")),
                new Case(
                        "disk-usb-empty",
                        dev("<disk type='file' device='cdrom'><target dev='sdb' bus='usb'/>" + "<readonly/></disk>"),
                        dev(
                                "<disk type='file' device='cdrom'><source"
                                        + " file='/var/lib/libvirt/images/a.iso'/><target dev='sdb' bus='usb'/><readonly/></disk>")),
                new Case(
                        "disk-inquiry-invalid",
                        disk("", SRC + "<target dev='vda' bus='virtio'/><vendor>SEAGATE" + "</vendor>"),
                        disk("", SRC + "<target dev='sda' bus='scsi'/><vendor>SEAGATE</vendor>")),
                // Platform devices and firmware
                new Case(
                        "firmware-invalid",
                        RuleCasesTest.domain(
                                "", "<firmware><feature enabled='yes'" + " name='secure-boot'/></firmware>", ""),
                        RuleCasesTest.domain(
                                        "", "<firmware><feature" + " enabled='yes' name='secure-boot'/></firmware>", "")
                                .replace("<os>", "<os firmware='efi'>")),
                new Case(
                        "firmware-invalid",
                        RuleCasesTest.domain(
                                "<features><acpi/></features>",
                                "<loader readonly='yes'"
                                        + " type='pflash' stateless='yes'>/usr/share/edk2/ovmf/OVMF_CODE.fd</loader><nvram>/var/lib/"
                                        + "libvirt/qemu/nvram/vm1_VARS.fd</nvram>",
                                ""),
                        RuleCasesTest.domain(
                                "<features><acpi/>" + "</features>",
                                "<loader readonly='yes' type='pflash'>/usr/share/edk2/ovmf/OVMF_CODE.fd"
                                        + "</loader><nvram>/var/lib/libvirt/qemu/nvram/vm1_VARS.fd</nvram>",
                                "")),
                new Case(
                        "acpi-uefi-mismatch",
                        RuleCasesTest.domain(
                                "",
                                "<loader readonly='yes' type='pflash'>" + "/usr/share/edk2/ovmf/OVMF_CODE.fd</loader>",
                                ""),
                        RuleCasesTest.domain(
                                "<features><acpi/>" + "</features>",
                                "<loader readonly='yes' type='pflash'>/usr/share/edk2/ovmf/OVMF_CODE.fd" + "</loader>",
                                "")),
                new Case(
                        "machine-feature-invalid",
                        i440fx(
                                "<features><smm state='on'><tseg unit='MiB'>48</tseg></smm>" + "</features>",
                                "<boot dev='hd'/>",
                                ""),
                        RuleCasesTest.domain(
                                "<features><smm state='on'>" + "<tseg unit='MiB'>48</tseg></smm></features>")),
                new Case(
                        "cpu-setting-invalid",
                        extra("<cpu mode='host-model'><cache mode='passthrough'/></cpu>"),
                        extra("<cpu mode='host-passthrough'><cache mode='passthrough'/></cpu>")),
                new Case("video-invalid", dev(video(" primary='yes'")), dev(video(""))),
                new Case(
                        "graphics-invalid",
                        dev("<graphics type='sdl'/><graphics type='egl-headless'/>"),
                        dev("<graphics type='vnc'/><graphics type='egl-headless'/>")),
                new Case("iommu-invalid", i440fx("<iommu model='intel'/>"), dev("<iommu model='intel'/>")),
                new Case(
                        "tpm-invalid",
                        dev("<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>"
                                + "<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>"),
                        dev("<tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>")),
                new Case(
                        "panic-invalid",
                        arch("riscv64", "virt", "", "<panic/>"),
                        arch("riscv64", "virt", "", "<panic model='pvpanic'/>")),
                new Case(
                        "shmem-invalid",
                        dev("<shmem name='s0'><model type='ivshmem-plain'/><size unit='K'>16</size>" + "</shmem>"),
                        dev("<shmem name='s0'><model type='ivshmem-plain'/><size unit='M'>4</size>" + "</shmem>")),
                new Case("hostdev-invalid", dev(MDEV), dev(MDEV + "<graphics type='vnc'/>")),
                new Case(
                        "controller-iothread-invalid",
                        extra("<iothreads>1</iothreads>")
                                .replace(
                                        "</devices>",
                                        "<controller type='virtio-serial' index='0'><driver iothread='1'/></controller></devices>"),
                        extra("<iothreads>1</iothreads>")
                                .replace(
                                        "</devices>",
                                        "<controller type='scsi' index='0'"
                                                + " model='virtio-scsi'><driver iothread='1'/></controller></devices>")),
                new Case(
                        "resctrl-overlap",
                        extra("<cputune><cachetune vcpus='0-1'><cache id='0' level='3'"
                                + " type='both' size='3' unit='MiB'/></cachetune><cachetune vcpus='1'><cache id='0' level='3'"
                                + " type='both' size='3' unit='MiB'/></cachetune></cputune>"),
                        extra(
                                "<cputune><cachetune"
                                        + " vcpus='0'><cache id='0' level='3' type='both' size='3' unit='MiB'/></cachetune><cachetune"
                                        + " vcpus='1'><cache id='0' level='3' type='both' size='3' unit='MiB'/></cachetune></cputune>")),
                new Case(
                        "seclabel-invalid",
                        RuleCasesTest.domain("")
                                .replace(
                                        "</devices>",
                                        "</devices><seclabel"
                                                + " type='dynamic' model='selinux'/><seclabel type='dynamic' model='selinux'/>"),
                        RuleCasesTest.domain("")
                                .replace(
                                        "</devices>",
                                        "</devices><seclabel type='dynamic'"
                                                + " model='selinux'/><seclabel type='dynamic' model='dac'/>")),
                new Case(
                        "zpci-invalid",
                        arch("s390x", "s390-ccw-virtio", "", zpciHostdev("0x0000")),
                        arch("s390x", "s390-ccw-virtio", "", zpciHostdev("0x0001"))),
                new Case(
                        "address-ccw-spapr-conflict",
                        arch("s390x", "s390-ccw-virtio", "", ccwDisk("vda", "0x0001") + ccwDisk("vdb", "0x0001")),
                        arch("s390x", "s390-ccw-virtio", "", ccwDisk("vda", "0x0001") + ccwDisk("vdb", "0x0002"))),
                new Case(
                        "sysinfo-bios-date",
                        extra("<sysinfo type='smbios'><bios><entry name='date'>999/999/123"
                                + "</entry></bios></sysinfo>"),
                        extra("<sysinfo type='smbios'><bios><entry name='date'>"
                                + "01/02/2024</entry></bios></sysinfo>")),
                new Case(
                        "interface-invalid",
                        dev("<interface type='user'><model type='virtio'/><driver"
                                + " rx_queue_size='511'/></interface>"),
                        dev("<interface type='user'><model type='virtio'/>"
                                + "<driver rx_queue_size='512'/></interface>")),
                new Case(
                        "input-invalid",
                        dev("<input type='keyboard' bus='virtio' model='virtio-non-transitional'/>"),
                        dev("<input type='keyboard' bus='virtio'/>")));
    }

    static String rbdDisk(String diskAuth, String sourceAuth) {
        return "<disk type='network' device='disk'><driver name='qemu' type='raw'/>" + diskAuth + "<source"
                + " protocol='rbd' name='pool/image'><host name='mon1.example.org' port='6789'/>" + sourceAuth
                + "</source><target dev='vda' bus='virtio'/></disk>";
    }

    static String rbd(String secretType) {
        return dev("<disk type='network' device='disk'><driver name='qemu' type='raw'/><auth username='admin'><secret"
                + " type='" + secretType + "' usage='client.admin'/></auth><source protocol='rbd' name='pool/image'>"
                + "<host name='mon1.example.org' port='6789'/></source><target dev='vda' bus='virtio'/></disk>");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void firesOnItsDocumentAndNotOnTheCorrectedOne(Case c) {
        RuleCasesTest.firesOnlyWhereItShould(c);
    }

    static List<String> covered() {
        return cases().map(Case::rule).toList();
    }
}
