package org.virtxml.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.LibvirtSchemas;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.Linter;
import org.virtxml.model.Leaf;
import org.virtxml.model.MacAddress;
import org.virtxml.model.Unit;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.domain.Apic;
import org.virtxml.model.domain.Clock;
import org.virtxml.model.domain.Console;
import org.virtxml.model.domain.Cpu;
import org.virtxml.model.domain.CurrentMemory;
import org.virtxml.model.domain.Devices;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.DiskBuses;
import org.virtxml.model.domain.DiskCaches;
import org.virtxml.model.domain.DiskDevices;
import org.virtxml.model.domain.DiskDriver;
import org.virtxml.model.domain.DiskSourceVariant;
import org.virtxml.model.domain.DiskTarget;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainFeatures;
import org.virtxml.model.domain.DomainMemory;
import org.virtxml.model.domain.DomainVcpu;
import org.virtxml.model.domain.Graphics;
import org.virtxml.model.domain.GraphicsTypes;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.InterfaceModel;
import org.virtxml.model.domain.InterfaceSourceVariant;
import org.virtxml.model.domain.Mac;
import org.virtxml.model.domain.Memballoon;
import org.virtxml.model.domain.Os;
import org.virtxml.model.domain.OsBoot;
import org.virtxml.model.domain.OsType;
import org.virtxml.model.domain.Video;
import org.virtxml.model.domain.VideoModel;

/**
 * README's "Building a guest in code" shows exactly the code of {@link #guest()} (compared line by
 * line), and that code builds a KVM guest that lints clean and libvirt's schema accepts.
 */
class BuildingAGuestTest {

    static Domain guest() {
        // readme-guest:begin
        Domain vm = new Domain()
                .withType("kvm")
                .withName(Leaf.of("web-01"))
                .withUuid(UuidLeaf.of(Uuid.of("c7a5fdbd-edaf-9455-926a-d65c16db1809")))
                .withMemory(new DomainMemory().withSize(4, Unit.GIB))
                .withCurrentMemory(new CurrentMemory().withSize(4, Unit.GIB))
                .withVcpu(new DomainVcpu().withPlacement("static").withValue(2))
                .withOs(new Os()
                        .withType(new OsType()
                                .withArch("x86_64")
                                .withMachine("q35")
                                .withText("hvm"))
                        .withBoot(new OsBoot().withDev("hd")))
                .withFeatures(new DomainFeatures().withAcpi(new Leaf()).withApic(new Apic()))
                .withCpu(new Cpu().withMode("host-passthrough"))
                .withClock(new Clock().withOffset("utc"))
                .withOnPoweroff(Leaf.of("destroy"))
                .withDevices(new Devices()
                        .withEmulator(Leaf.of("/usr/bin/qemu-system-x86_64"))
                        .withDisk(new Disk()
                                .withDevice(DiskDevices.DISK)
                                .withDriver(new DiskDriver()
                                        .withName("qemu")
                                        .withType("qcow2")
                                        .withCache(DiskCaches.NONE))
                                .source(new DiskSourceVariant.File("/var/lib/libvirt/images/web-01.qcow2"))
                                .withTarget(new DiskTarget().withDev("vda").withBus(DiskBuses.VIRTIO)))
                        .withInterface(new Interface()
                                .source(new InterfaceSourceVariant.Network("default"))
                                .withMac(new Mac().withAddress(MacAddress.of("52:54:00:6b:3c:58")))
                                .withModel(new InterfaceModel().withType("virtio")))
                        .withConsole(new Console().withType("pty"))
                        .withGraphics(new Graphics().withType(GraphicsTypes.VNC).withAutoport("yes"))
                        .withVideo(new Video().withModel(new VideoModel().withType("virtio")))
                        .withMemballoon(new Memballoon().withModel("virtio")));
        String xml = LibvirtXml.toXml(vm);
        // readme-guest:end
        assertThat(xml).isNotEmpty();
        return vm;
    }

    @Test
    void readmeShowsThisCodeAsWritten() throws Exception {
        String source = Files.readString(
                Path.of("src/test/java/org/virtxml/docs/BuildingAGuestTest.java"), StandardCharsets.UTF_8);
        String code = source.substring(
                source.indexOf("// readme-guest:begin\n") + "// readme-guest:begin\n".length(),
                source.indexOf("        // readme-guest:end"));
        String dedented = code.lines()
                .map(l -> l.length() >= 8 ? l.substring(8) : l.strip())
                .collect(Collectors.joining("\n", "", "\n"));
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String heading = "### Building a guest in code\n";
        assertThat(readme).contains(heading);
        String section = readme.substring(readme.indexOf(heading));
        String block = section.substring(
                section.indexOf("```java\n") + "```java\n".length(),
                section.indexOf("```\n", section.indexOf("```java\n") + 8));
        assertThat(block).isEqualTo(dedented);
    }

    @Test
    void theGuestIsWhatItSaysAndLintsClean(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Domain vm = guest();
        String xml = LibvirtXml.toXml(vm);
        assertThat(xml)
                .contains(
                        "<memory unit=\"GiB\">4</memory>",
                        "<vcpu placement=\"static\">2</vcpu>",
                        "<type arch=\"x86_64\" machine=\"q35\">hvm</type>",
                        "<disk device=\"disk\" type=\"file\">",
                        "<source file=\"/var/lib/libvirt/images/web-01.qcow2\"/>",
                        "<interface type=\"network\">",
                        "<source network=\"default\"/>");
        Path file = dir.resolve("web-01.xml");
        LibvirtDocument.of(vm).writeTo(file);
        assertThat(Linter.defaults().lint(file).errors()).isEmpty();
        assertThat(LibvirtXml.defaults().readDomain(file).root()).isEqualTo(vm);
    }

    @Test
    void libvirtsSchemaAcceptsTheGuest() throws Exception {
        assertThat(LibvirtSchemas.errors("domain.rng", LibvirtXml.toXml(guest())))
                .isEmpty();
    }
}
