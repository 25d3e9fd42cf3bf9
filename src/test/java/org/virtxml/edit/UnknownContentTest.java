package org.virtxml.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.virtxml.io.KeptItem;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.MacAddress;
import org.virtxml.model.PciAddress;
import org.virtxml.model.domain.Domain;
import org.w3c.dom.Element;

/**
 * A document with foreign metadata, a foreign attribute, a foreign child element and untyped
 * libvirt-namespace elements keeps all of them through every operation.
 */
class UnknownContentTest {

    private interface Op {
        Domain apply(Domain d) throws Exception;
    }

    private static void keeps(String what, Op op) throws Exception {
        LibvirtDocument<Domain> doc = TestDocs.domain("edit/unknown-content.xml");
        List<String> before = kept(doc.root());
        assertThat(before).as("the test document has unknown content").hasSizeGreaterThanOrEqualTo(5);
        Domain result = op.apply(doc.root());
        String written = LibvirtDocument.of(result).write();
        Domain reread = LibvirtXml.defaults().parseDomain(written).root();
        assertThat(kept(reread)).as(what).containsExactlyElementsOf(before);
        assertThat(written)
                .contains("CC-0042", "quantum-entangler", "frobnicate", "fleet:tier=\"gold\"", "schedule=\"nightly\"");
        Element owner = reread.getMetadata().keptElements().get(0);
        assertThat(owner.getNamespaceURI()).isEqualTo("https://fleet.example.org/xmlns/guest/1.2");
        assertThat(owner.getAttribute("contact")).isEqualTo("ops@example.org");
    }

    private static List<String> kept(Domain d) {
        Function<KeptItem, String> show = k -> k.path() + " " + k.namespace();
        return LibvirtDocument.of(d).keptContent().stream().map(show).toList();
    }

    @Test
    void throughVirtioConversion() throws Exception {
        keeps("virtio", d -> {
            assertThat(new VirtioConversion().apply(d).changes()).isNotEmpty();
            return d;
        });
    }

    @Test
    void throughClone() throws Exception {
        keeps(
                "clone",
                d -> DomainCloner.withRandom(new SplittableRandom(1))
                        .clone(d, CloneOptions.named("keeper2"))
                        .root());
    }

    @Test
    void throughNetworkEdits() throws Exception {
        Networks n = Networks.withRandom(new SplittableRandom(2));
        keeps("add network", d -> {
            n.addInterface(d, new InterfaceSpec.Bridge("br0"));
            return d;
        });
        keeps("replace interface", d -> {
            n.replaceInterface(d, MacAddress.of("52:54:00:10:20:30"), new InterfaceSpec.Direct("eth0"));
            return d;
        });
        keeps("hostdev add and remove", d -> {
            n.addHostdev(d, PciAddress.parse("0000:06:00.0"));
            n.removeHostdev(d, PciAddress.parse("0000:06:00.0"));
            return d;
        });
    }

    @Test
    void removingTheNicTakesOnlyItsOwnUnknownChild() throws Exception {
        LibvirtDocument<Domain> doc = TestDocs.domain("edit/unknown-content.xml");
        List<String> before = kept(doc.root());
        Networks.withRandom(new SplittableRandom(3)).removeInterface(doc.root(), MacAddress.of("52:54:00:10:20:30"));
        List<String> after = kept(doc.root());
        assertThat(before).containsAll(after);
        assertThat(before.stream().filter(k -> !after.contains(k)).toList())
                .singleElement()
                .asString()
                .contains("interface[1]/quantum-entangler");
    }
}
