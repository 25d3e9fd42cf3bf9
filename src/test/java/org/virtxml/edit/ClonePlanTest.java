package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

/** What a clone asks of its user: the images to copy, and the host devices it leaves behind. */
class ClonePlanTest {

    private static EditResult<Domain> cloneOf(CloneOptions options) throws EditRefusedException {
        Domain source = TestDocs.domain("edit/clone-hostdevs.xml").root();
        return DomainCloner.withRandom(new SplittableRandom(7)).clone(source, options);
    }

    @Test
    void eachWritableDiskGetsTheCopyCommandForItsKind() throws Exception {
        Domain source = TestDocs.domain("edit/clone-hostdevs.xml").root();
        EditResult<Domain> r =
                DomainCloner.withRandom(new SplittableRandom(7)).clone(source, CloneOptions.named("newdemo"));
        List<DiskCopy> copies = DomainCloner.copiesFor(source, r.root());

        assertThat(copies).extracting(DiskCopy::target).containsExactly("vda", "vdb", "vdc", "vdd");
        assertThat(copies)
                .extracting(DiskCopy::path)
                .containsExactly(
                        "/domain/devices/disk[1]/source/@dev",
                        "/domain/devices/disk[2]/source/@file",
                        "/domain/devices/disk[3]/source/@file",
                        "/domain/devices/disk[4]/source/@volume");
        assertThat(copies)
                .extracting(DiskCopy::command)
                .containsExactly(
                        "qemu-img convert -n -O raw /dev/vg0/demo-root /dev/vg0/newdemo-root",
                        "qemu-img convert -O qcow2 /var/lib/libvirt/images/demo-data.qcow2 /var/lib/libvirt/images/newdemo-data.qcow2",
                        "cp --sparse=always /var/lib/libvirt/images/scratch.img /var/lib/libvirt/images/scratch-newdemo.img",
                        "virsh vol-clone --pool guests demo-logs.qcow2 newdemo-logs.qcow2");
        assertThat(copies.get(0).instruction()).startsWith("create the block device /dev/vg0/newdemo-root");

        List<Disk> disks = r.root().getDevices().getDisk();
        assertThat(disks.get(4).getSource().getFile()).as("shareable disk kept").isEqualTo("/srv/shared/quorum.img");
        assertThat(disks.get(5).getSource().getFile()).as("read-only disk kept").isEqualTo("/srv/golden/base.img");
    }

    @Test
    void aPatternNamesFilesWhileABlockDeviceKeepsADevicePath() throws Exception {
        EditResult<Domain> r = cloneOf(new CloneOptions("newdemo", "/srv/vms/{name}/{target}.{ext}"));
        List<Disk> disks = r.root().getDevices().getDisk();
        assertThat(disks.get(0).getSource().getDev()).isEqualTo("/dev/vg0/newdemo-root");
        assertThat(disks.get(1).getSource().getFile()).isEqualTo("/srv/vms/newdemo/vdb.qcow2");
        assertThat(r.changes())
                .anyMatch(c -> c.path().equals("/domain/devices/disk[1]/source/@dev")
                        && c.description().contains("a block device keeps a device path"));
    }

    @Test
    void assignedHostDevicesAreDroppedWithALineEachUnlessKept() throws Exception {
        EditResult<Domain> dropped = cloneOf(CloneOptions.named("newdemo"));
        assertThat(dropped.root().getDevices().getHostdev()).isEmpty();
        assertThat(dropped.root().getDevices().getInterface()).hasSize(1);
        assertThat(dropped.root().getDevices().getInterface().get(0).getType()).isEqualTo("network");
        assertThat(dropped.changes())
                .filteredOn(c -> c.description().startsWith("removed"))
                .extracting(Change::toString)
                .containsExactly(
                        "/domain/devices/hostdev[1]: removed PCI device 0000:06:00.0: a host device is assigned to one"
                                + " guest at a time (--keep-hostdevs keeps it)",
                        "/domain/devices/interface[2]: removed SR-IOV interface at PCI 0000:03:10.2: a virtual function"
                                + " is assigned to one guest at a time (--keep-hostdevs keeps it)");

        EditResult<Domain> kept = cloneOf(CloneOptions.named("newdemo").withKeepHostdevs(true));
        assertThat(kept.root().getDevices().getHostdev()).hasSize(1);
        assertThat(kept.root().getDevices().getInterface()).hasSize(2);
        assertThat(kept.changes()).noneMatch(c -> c.description().startsWith("removed"));
    }
}
