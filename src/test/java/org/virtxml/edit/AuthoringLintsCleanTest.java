package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.model.MacAddress;
import org.virtxml.model.PciAddress;
import org.virtxml.model.domain.Domain;

/** Issue 5: what every authoring operation writes lints clean (no error, no warning). */
class AuthoringLintsCleanTest {

    private static List<Diagnostic> findings(Domain d) {
        LintReport r = Linter.defaults().lintDocuments(LibvirtDocument.of(d));
        return r.atOrAbove(Severity.WARNING);
    }

    @Test
    void createdGuestsLintClean() {
        GuestFactory f = GuestFactory.withRandom(new Random(7));
        assertThat(findings(f.create(GuestSpec.of("linux-vm")).root())).isEmpty();
        assertThat(findings(f.create(GuestSpec.of("win-vm").withOs(OsFamily.WINDOWS))
                        .root()))
                .isEmpty();
        assertThat(findings(f.create(GuestSpec.of("win-virtio")
                                .withOs(OsFamily.WINDOWS)
                                .withVirtioDriverIso("/var/lib/libvirt/iso/virtio-win.iso"))
                        .root()))
                .isEmpty();
    }

    @Test
    void everyOsFamilyAndOptionLintsClean() {
        GuestFactory f = GuestFactory.withRandom(new Random(9));
        for (OsFamily family : OsFamily.values()) {
            GuestSpec spec =
                    GuestSpec.of("g-" + family.cliName()).withOs(family).withInstallMedia("/iso/install.iso");
            assertThat(findings(f.create(spec).root())).as(family.cliName()).isEmpty();
            assertThat(findings(f.create(spec.withPxe(true)
                                    .withUefi(true)
                                    .withTpm(true)
                                    .withGraphics(GraphicsType.NONE)
                                    .withBridge("br0")
                                    .withDisks(List.of("/srv/a.qcow2", "/dev/vg0/b")))
                            .root()))
                    .as(family.cliName() + " with every option")
                    .isEmpty();
        }
    }

    @Test
    void clonesLintClean() throws Exception {
        Domain source = TestDocs.domain("edit/clone-source.xml").root();
        Domain clone = DomainCloner.withRandom(new Random(3))
                .clone(source, CloneOptions.named("db-replica"))
                .root();
        assertThat(findings(clone)).isEmpty();
    }

    @Test
    void virtioConversionAndNetworkEditsLintClean() throws Exception {
        Domain d = TestDocs.domain("samples/ide-guest.xml").root();
        new VirtioConversion().apply(d);
        assertThat(findings(d)).isEmpty();

        Domain p = TestDocs.domain("samples/pci-passthrough-guest.xml").root();
        Networks n = Networks.withRandom(new Random(5));
        n.addInterface(p, InterfaceSpec.parse("bridge:br0"));
        n.addInterface(p, InterfaceSpec.parse("sriov:0000:03:10.2"));
        n.addHostdev(p, PciAddress.parse("0000:06:00.0"));
        assertThat(findings(p)).isEmpty();
        MacAddress first = p.getDevices().getInterface().get(0).getMac().getAddress();
        n.removeInterface(p, first);
        assertThat(findings(p)).isEmpty();
    }
}
