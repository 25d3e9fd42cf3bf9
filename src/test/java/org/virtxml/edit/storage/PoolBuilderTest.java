package org.virtxml.edit.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.LibvirtSchemas;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.DataSize;
import org.virtxml.model.Unit;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

class PoolBuilderTest {

    /** One complete definition per pool type. */
    private static final Map<PoolType, PoolBuilder> COMPLETE = Map.ofEntries(
            Map.entry(
                    PoolType.DIR,
                    PoolBuilder.of(PoolType.DIR, "images")
                            .targetPath("/var/lib/libvirt/images")
                            .permissions(Permissions.of("0711", 0, 0))),
            Map.entry(
                    PoolType.FS,
                    PoolBuilder.of(PoolType.FS, "fs")
                            .device("/dev/sdb1")
                            .format("ext4")
                            .targetPath("/mnt/fs")),
            Map.entry(
                    PoolType.NETFS,
                    PoolBuilder.of(PoolType.NETFS, "iso")
                            .host("nas.example.org")
                            .sourceDir("/export/iso")
                            .format("nfs")
                            .targetPath("/var/lib/libvirt/iso")),
            Map.entry(
                    PoolType.LOGICAL,
                    PoolBuilder.of(PoolType.LOGICAL, "vg0").device("/dev/sdc").format("lvm2")),
            Map.entry(
                    PoolType.DISK,
                    PoolBuilder.of(PoolType.DISK, "disk")
                            .device("/dev/sdd")
                            .format("gpt")
                            .targetPath("/dev")),
            Map.entry(
                    PoolType.ISCSI,
                    PoolBuilder.of(PoolType.ISCSI, "san")
                            .host("san01.example.net", 3260)
                            .device("iqn.2019-04.net.example:san01")
                            .targetPath("/dev/disk/by-path")),
            Map.entry(
                    PoolType.ISCSI_DIRECT,
                    PoolBuilder.of(PoolType.ISCSI_DIRECT, "sand")
                            .host("san01.example.net")
                            .device("iqn.2019-04.net.example:san01")
                            .initiatorIqn("iqn.2024-11.net.example:hv07")),
            Map.entry(
                    PoolType.SCSI,
                    PoolBuilder.of(PoolType.SCSI, "hba")
                            .adapterName("scsi_host2")
                            .targetPath("/dev/disk/by-path")),
            Map.entry(PoolType.MPATH, PoolBuilder.of(PoolType.MPATH, "mp").targetPath("/dev/mapper")),
            Map.entry(
                    PoolType.RBD,
                    PoolBuilder.of(PoolType.RBD, "ceph")
                            .host("mon1.example.net", 6789)
                            .sourceName("rbdpool")),
            Map.entry(
                    PoolType.SHEEPDOG,
                    PoolBuilder.of(PoolType.SHEEPDOG, "sd")
                            .host("localhost", 7000)
                            .sourceName("sd")),
            Map.entry(
                    PoolType.GLUSTER,
                    PoolBuilder.of(PoolType.GLUSTER, "gl")
                            .host("gluster1")
                            .sourceName("gv0")
                            .sourceDir("/")),
            Map.entry(PoolType.ZFS, PoolBuilder.of(PoolType.ZFS, "tank").sourceName("tank")),
            Map.entry(
                    PoolType.VSTORAGE,
                    PoolBuilder.of(PoolType.VSTORAGE, "vs")
                            .sourceName("cluster1")
                            .targetPath("/mnt/vs")));

    @Test
    void everyPoolTypeBuildsAndIsValidForLibvirtsSchema() throws Exception {
        assertThat(COMPLETE.keySet()).containsExactlyInAnyOrderElementsOf(EnumSet.allOf(PoolType.class));
        for (Map.Entry<PoolType, PoolBuilder> e : COMPLETE.entrySet()) {
            Pool pool = e.getValue().build();
            assertThat(pool.getType()).isEqualTo(e.getKey().xmlValue());
            String xml = LibvirtDocument.of(pool).write();
            assertThat(LibvirtSchemas.errors("storagepool.rng", xml))
                    .as("%s:%n%s", e.getKey(), xml)
                    .isEmpty();
            assertThat(LibvirtXml.defaults().parsePool(xml).root()).isEqualTo(pool);
        }
    }

    @Test
    void missingRequiredPartsAreNamed() {
        assertThatThrownBy(() ->
                        PoolBuilder.of(PoolType.NETFS, "n").targetPath("/mnt").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("<source><host name>")
                .hasMessageContaining("<source><dir path>");
        assertThatThrownBy(() -> PoolBuilder.of(PoolType.ISCSI_DIRECT, "i")
                        .host("h")
                        .device("iqn.x")
                        .build())
                .hasMessageContaining("<source><initiator><iqn name>");
        assertThatThrownBy(() -> PoolBuilder.of(PoolType.DIR, "d").build()).hasMessageContaining("<target><path>");
        assertThat(PoolBuilder.of(PoolType.RBD, "r").host("m").missing()).containsExactly(PoolType.Part.SOURCE_NAME);
    }

    @Test
    void logicalPoolDerivesItsTargetFromTheVolumeGroup() {
        Pool p = PoolBuilder.of(PoolType.LOGICAL, "vg0").device("/dev/sdc").build();
        assertThat(p.getSource().getName().get(0).getText()).isEqualTo("vg0");
        assertThat(p.getTarget().getPath().getText()).isEqualTo("/dev/vg0");
    }

    @Test
    void volumeWithCapacityAllocationFormatAndPermissions() throws Exception {
        Volume v = Volumes.build(VolumeSpec.of("web.qcow2", DataSize.of(40, Unit.GIB))
                .withAllocation(DataSize.of(0, Unit.BYTES))
                .withFormat("qcow2")
                .withPermissions(Permissions.parse("0600:107:107")));
        assertThat(v.getCapacity().size().bytes(Unit.BYTES).getAsLong()).isEqualTo(40L << 30);
        assertThat(v.getAllocation().size().bytes(Unit.BYTES).getAsLong()).isZero();
        assertThat(v.getTarget().getFormat().getType()).isEqualTo("qcow2");
        assertThat(v.getTarget().getPermissions().getMode().getText()).isEqualTo("0600");
        assertThat(v.getTarget().getPermissions().getOwner().getText()).isEqualTo("107");
        String xml = LibvirtDocument.of(v).write();
        assertThat(LibvirtSchemas.errors("storagevol.rng", xml)).as(xml).isEmpty();
    }

    @Test
    void permissionsRefuseWhatLibvirtRefuses() {
        for (String bad : List.of("1777", "0999", "rw")) {
            assertThatThrownBy(() -> Permissions.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Permissions.parse("0600:qemu")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Permissions.parse("0755")).isEqualTo(new Permissions("0755", null, null, null));
    }
}
