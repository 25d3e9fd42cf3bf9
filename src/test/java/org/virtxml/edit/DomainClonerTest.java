package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.LibvirtSchemas;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.IntegerText;
import org.virtxml.model.MacAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.Mac;

class DomainClonerTest {

    private static EditResult<Domain> cloneOf(Domain source, CloneOptions options) throws EditRefusedException {
        return DomainCloner.withRandom(new SplittableRandom(3)).clone(source, options);
    }

    @Test
    void cloneOfAGuestWithTwoDisksACdromTwoNicsAndNvram() throws Exception {
        Domain source = TestDocs.domain("edit/clone-source.xml").root();
        Domain before = ModelElement.copyOf(source);
        EditResult<Domain> r = cloneOf(source, CloneOptions.named("db-replica"));
        Domain c = r.root();

        assertThat(source).as("the source is not changed").isEqualTo(before);
        assertThat(c.getName().getText()).isEqualTo("db-replica");
        assertThat(c.getUuid().uuid().sameValueAs(source.getUuid().uuid())).isFalse();
        assertThat(c.getUuid().uuid().isRfc4122()).isTrue();
        assertThat(c.getSysinfo().get(0).getSystem().getEntry().get(1).getText())
                .isEqualTo(c.getUuid().getText());
        assertThat(c.getSysinfo().get(0).getSystem().getEntry().get(0).getText())
                .isEqualTo("Example");

        List<Disk> disks = c.getDevices().getDisk();
        assertThat(disks.get(0).getSource().getFile()).isEqualTo("/var/lib/libvirt/images/db-replica.qcow2");
        assertThat(disks.get(1).getSource().getFile()).isEqualTo("/srv/data/pgdata-db-replica.img");
        assertThat(disks.get(2).getSource().getFile()).as("shareable disk kept").isEqualTo("/srv/shared/quorum.img");
        assertThat(disks.get(3).getSource().getFile())
                .as("cdrom kept")
                .isEqualTo("/var/lib/libvirt/iso/postgres-tools.iso");
        assertThat(disks.get(0).getBoot().getOrder().longValue()).isEqualTo(1);
        assertThat(c.getOs().getNvram().getText()).isEqualTo("/var/lib/libvirt/qemu/nvram/db-replica_VARS.fd");
        assertThat(c.getOs().getNvram().getTemplate()).isEqualTo("/usr/share/OVMF/OVMF_VARS.fd");
        assertThat(c.getOs().getLoader().getText()).isEqualTo("/usr/share/OVMF/OVMF_CODE.fd");

        List<Interface> nics = c.getDevices().getInterface();
        for (int i = 0; i < 2; i++) {
            byte[] oldMac = source.getDevices()
                    .getInterface()
                    .get(i)
                    .getMac()
                    .getAddress()
                    .octets();
            byte[] newMac = nics.get(i).getMac().getAddress().octets();
            assertThat(newMac).as("same prefix").startsWith(oldMac[0], oldMac[1], oldMac[2]);
            assertThat(nics.get(i).getMac().getAddress().sameValueAs(MacAddress.ofOctets(oldMac)))
                    .isFalse();
        }
        assertThat(nics.get(0).getMac().getAddress())
                .isNotEqualTo(nics.get(1).getMac().getAddress());
        assertThat(nics.get(1).getTarget()).as("host tap name reset").isNull();

        var g = c.getDevices().getGraphics().get(0);
        assertThat(g.getAutoport()).isEqualTo("yes");
        assertThat(g.getPort().longValue()).isEqualTo(-1);

        assertThat(c.getMetadata().keptElements()).hasSize(1);
        assertThat(c.getMetadata().keptElements().get(0).getLocalName()).isEqualTo("owner");

        assertThat(r.changes())
                .extracting(Change::path)
                .containsExactly(
                        "/domain/name",
                        "/domain/uuid",
                        "/domain/sysinfo[1]/system/entry[2]",
                        "/domain/devices/interface[1]/mac/@address",
                        "/domain/devices/interface[2]/mac/@address",
                        "/domain/devices/interface[2]/target",
                        "/domain/devices/disk[1]/source/@file",
                        "/domain/devices/disk[2]/source/@file",
                        "/domain/os/nvram",
                        "/domain/devices/graphics[1]");
        assertThat(r.changes().get(0).description()).isEqualTo("db-primary → db-replica");
    }

    @Test
    void cloneIsValidForLibvirtsSchema() throws Exception {
        Domain c = cloneOf(TestDocs.domain("edit/clone-source.xml").root(), CloneOptions.named("db-replica"))
                .root();
        assertThat(LibvirtSchemas.errors("domain.rng", LibvirtXml.toXml(c))).isEmpty();
    }

    @Test
    void patternGivesEachDiskItsPath() throws Exception {
        Domain c = cloneOf(
                        TestDocs.domain("edit/clone-source.xml").root(),
                        new CloneOptions("db2", "/srv/vms/{name}/{target}.{ext}"))
                .root();
        assertThat(c.getDevices().getDisk())
                .extracting(d -> d.getSource().getFile())
                .containsExactly(
                        "/srv/vms/db2/vda.qcow2",
                        "/srv/vms/db2/vdb.img",
                        "/srv/shared/quorum.img",
                        "/var/lib/libvirt/iso/postgres-tools.iso");
        assertThat(c.getOs().getNvram().getText()).isEqualTo("/srv/vms/db2/nvram.fd");
    }

    @Test
    void patternThatGivesOnePathTwiceIsRefused() {
        Domain source = TestDocs.domain("edit/clone-source.xml").root();
        assertThatThrownBy(() -> cloneOf(source, new CloneOptions("db2", "/srv/{name}.img")))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("{target}");
    }

    @Test
    void runningDomainIsRefused() {
        Domain source = TestDocs.domain("edit/clone-source.xml").root();
        source.setId(IntegerText.of(12));
        assertThatThrownBy(() -> cloneOf(source, CloneOptions.named("x")))
                .isInstanceOf(EditRefusedException.class)
                .hasMessageContaining("running");
    }

    @Test
    void sameNameIsRefused() {
        Domain source = TestDocs.domain("samples/kvm-guest.xml").root();
        assertThatThrownBy(() -> cloneOf(source, CloneOptions.named("web-frontend-01")))
                .isInstanceOf(EditRefusedException.class);
    }

    @Test
    void pathDerivationFollowsVirtClone() {
        assertThat(ClonePaths.derive("/img/vm1.qcow2", "vm1", "vm2")).isEqualTo("/img/vm2.qcow2");
        assertThat(ClonePaths.derive("/img/vm1-data.raw", "vm1", "vm2")).isEqualTo("/img/vm2-data.raw");
        assertThat(ClonePaths.derive("/img/data.raw", "vm1", "vm2")).isEqualTo("/img/data-vm2.raw");
        assertThat(ClonePaths.derive("/dev/vg/lv", "vm1", "vm2")).isEqualTo("/dev/vg/lv-vm2");
        assertThat(ClonePaths.derive("/vm1/disk.img", "vm1", "vm2"))
                .as("only the file name")
                .isEqualTo("/vm1/disk-vm2.img");
    }

    @Test
    void derivedPathsThatCollideGetANumber() throws Exception {
        Domain source = TestDocs.domain("edit/clone-source.xml").root();
        // both data disks have the same file name in different folders: no collision; make one.
        source.getDevices().getDisk().get(1).getSource().setFile("/var/lib/libvirt/images/db-replica.qcow2");
        Domain c = cloneOf(source, CloneOptions.named("db-replica")).root();
        Set<String> paths = new HashSet<>();
        for (Disk d : c.getDevices().getDisk()) {
            assertThat(paths.add(d.getSource().getFile()))
                    .as("unique: %s", d.getSource().getFile())
                    .isTrue();
        }
        assertThat(c.getDevices().getDisk().get(0).getSource().getFile())
                .isNotEqualTo("/var/lib/libvirt/images/db-replica.qcow2");
    }

    /** Property: whatever the seed and whatever MACs the source has, the clone reuses neither its UUID nor any MAC. */
    @Test
    void cloneNeverReusesTheSourcesUuidOrAnyMac() {
        Domain template = TestDocs.domain("edit/clone-source.xml").root();
        qt().withExamples(300)
                .forAll(longs().all(), integers().between(1, 12), longs().all())
                .checkAssert((seed, nics, macSeed) -> {
                    Domain source = ModelElement.copyOf(template);
                    SplittableRandom macs = new SplittableRandom(macSeed);
                    source.getDevices().getInterface().clear();
                    for (int i = 0; i < nics; i++) {
                        Interface nic = ModelElement.copyOf(
                                template.getDevices().getInterface().get(0));
                        Mac mac = new Mac();
                        // few distinct tails, so that MACs collide with each other and with candidates
                        mac.setAddress(
                                MacAddress.ofOctets(new byte[] {0x52, 0x54, 0x00, 0, 0, (byte) macs.nextInt(4)}));
                        nic.setMac(mac);
                        source.getDevices().getInterface().add(nic);
                    }
                    Domain c;
                    try {
                        c = DomainCloner.withRandom(new SplittableRandom(seed))
                                .clone(source, CloneOptions.named("copy"))
                                .root();
                    } catch (EditRefusedException e) {
                        throw new AssertionError(e);
                    }
                    assertThat(c.getUuid().uuid().sameValueAs(source.getUuid().uuid()))
                            .isFalse();
                    Set<MacAddress> sourceMacs = Networks.macsOf(source.getDevices());
                    Set<MacAddress> seen = new HashSet<>();
                    for (Interface nic : c.getDevices().getInterface()) {
                        MacAddress m =
                                MacAddress.ofOctets(nic.getMac().getAddress().octets());
                        assertThat(sourceMacs).doesNotContain(m);
                        assertThat(seen.add(m)).as("unique within the clone").isTrue();
                    }
                });
    }
}
