package org.virtxml.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DiskViewTest {

    private static Disk disk(String xml) throws Exception {
        return TestDevices.of(xml).getDisk().get(0);
    }

    private static String written(Disk d) {
        return TestDevices.written(new Devices().withDisk(d));
    }

    @Test
    void aDiskWithoutTypeIsAFileDiskAsLibvirtReadsIt() throws Exception {
        Disk d = disk("<disk><source file='/img/a.qcow2'/><target dev='vda'/></disk>");
        assertThat(d.source()).isEqualTo(new DiskSourceVariant.File("/img/a.qcow2"));
        assertThat(d.effectiveType()).isEqualTo("file");
        assertThat(d.effectiveDevice()).isEqualTo("disk");
        assertThat(d.getType()).as("the storage is untouched").isNull();
    }

    @Test
    void eachTypeReadsItsOwnAttributesOnly() throws Exception {
        assertThat(disk("<disk type='block'><source file='/x' dev='/dev/sdb'/></disk>")
                        .source())
                .isEqualTo(new DiskSourceVariant.Block("/dev/sdb"));
        assertThat(disk("<disk type='volume'><source pool='default' volume='v1' mode='host'/></disk>")
                        .source())
                .isEqualTo(new DiskSourceVariant.Volume("default", "v1", "host"));
        assertThat(disk("<disk type='dir'><source dir='/srv'/></disk>").source())
                .isEqualTo(new DiskSourceVariant.Dir("/srv"));
        assertThat(disk("<disk type='vhostuser'><source type='unix' path='/s.sock'/></disk>")
                        .source())
                .isEqualTo(new DiskSourceVariant.Vhostuser("/s.sock"));
        assertThat(disk("<disk type='floppy-tape'><source file='/x'/></disk>").source())
                .isEqualTo(new DiskSourceVariant.Other("floppy-tape"));
        DiskSourceVariant net = disk("<disk type='network'><source protocol='nbd' name='img'>"
                        + "<host name='h1' port='10809'/></source></disk>")
                .source();
        assertThat(net).isInstanceOfSatisfying(DiskSourceVariant.Network.class, n -> {
            assertThat(n.protocol()).isEqualTo("nbd");
            assertThat(n.name()).isEqualTo("img");
            assertThat(n.hosts())
                    .singleElement()
                    .satisfies(h -> assertThat(h.getName()).isEqualTo("h1"));
        });
        DiskSourceVariant nvme = disk("<disk type='nvme'><source type='pci' managed='yes' namespace='1'>"
                        + "<address domain='0x0000' bus='0x01' slot='0x00' function='0x0'/></source></disk>")
                .source();
        assertThat(nvme).isInstanceOfSatisfying(DiskSourceVariant.Nvme.class, n -> {
            assertThat(n.namespace()).isEqualTo("1");
            assertThat(n.address().getBus()).isEqualTo("0x01");
        });
    }

    @Test
    void settingAVariantSetsTheTypeAndClearsTheOtherVariantsAttributes() throws Exception {
        Disk d = disk("<disk type='file'><source file='/img/a.qcow2' startupPolicy='optional'/></disk>");
        d.source(new DiskSourceVariant.Block("/dev/sdb"));
        assertThat(d.getType()).isEqualTo("block");
        assertThat(d.getSource().getFile()).isNull();
        assertThat(d.getSource().getDev()).isEqualTo("/dev/sdb");
        assertThat(d.getSource().getStartupPolicy())
                .as("common attributes stay")
                .isEqualTo("optional");
        String xml = written(d);
        assertThat(xml).contains("type=\"block\"").contains("dev=\"/dev/sdb\"").doesNotContain("file=");

        d.source(new DiskSourceVariant.Network(
                "rbd",
                "pool/image",
                List.of(new DiskSourceHost().withName("mon1").withPort(org.virtxml.model.IntegerText.of(6789)))));
        assertThat(d.getSource().getDev()).isNull();
        assertThat(d.getSource().getHost()).hasSize(1);
        d.source(new DiskSourceVariant.Volume("default", "v1"));
        assertThat(d.getSource().getHost())
                .as("network hosts are the network variant's")
                .isEmpty();
        assertThat(d.source()).isEqualTo(new DiskSourceVariant.Volume("default", "v1", null));
    }

    @Test
    void settingAVariantWithoutAttributesRemovesAnEmptiedSource() throws Exception {
        Disk d = disk("<disk type='file' device='cdrom'><source file='/iso/x.iso'/><target dev='hdc'/></disk>");
        d.source(new DiskSourceVariant.File(null));
        assertThat(d.getSource()).isNull();
        assertThat(d.source()).isEqualTo(new DiskSourceVariant.File(null));
    }

    @Test
    void theBusIsTheWrittenOneOrLibvirtsChoiceFromTheTargetName() throws Exception {
        assertThat(disk("<disk><target dev='vda'/></disk>").effectiveBus()).isEqualTo("virtio");
        assertThat(disk("<disk><target dev='sdb'/></disk>").effectiveBus()).isEqualTo("scsi");
        assertThat(disk("<disk><target dev='xvda'/></disk>").effectiveBus()).isEqualTo("xen");
        assertThat(disk("<disk><target dev='hdc'/></disk>").effectiveBus()).isEqualTo("ide");
        assertThat(disk("<disk><target dev='nvme0n1'/></disk>").effectiveBus()).isEqualTo("nvme");
        assertThat(disk("<disk device='floppy'><target dev='fda'/></disk>").effectiveBus())
                .isEqualTo("fdc");
        assertThat(disk("<disk><target dev='vda' bus='sata'/></disk>").effectiveBus())
                .isEqualTo("sata");
        assertThat(disk("<disk/>").effectiveBus()).isEqualTo("ide");
    }
}
