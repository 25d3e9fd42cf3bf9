package org.virtxml.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;

class LibvirtDiffTest {

    private static List<Difference> diff(String a, String b) throws DocumentReadException {
        return LibvirtDiff.between(
                LibvirtXml.defaults().parse(a), LibvirtXml.defaults().parse(b));
    }

    private static String domain(String inner) {
        return "<domain type='kvm'><name>d</name>" + inner + "</domain>";
    }

    @Test
    void sameValueInOtherSpellingsIsEqual() throws Exception {
        assertThat(diff(domain("<memory unit='GiB'>1</memory>"), domain("<memory unit='KiB'>1048576</memory>")))
                .isEmpty();
        assertThat(diff(domain("<memory>1048576</memory>"), domain("<memory unit='M'>1024</memory>")))
                .as("default unit KiB")
                .isEmpty();
        assertThat(diff(
                        domain("<uuid>fba439f9-f793-4c0f-b3c1-fc5333adb131</uuid>"),
                        domain("<uuid>FBA439F9F7934C0FB3C1FC5333ADB131</uuid>")))
                .isEmpty();
        assertThat(
                        diff(
                                domain(
                                        "<devices><interface type='network'><mac address='52:54:00:AB:CD:EF'/></interface></devices>"),
                                domain(
                                        "<devices><interface type='network'><mac address='52:54:00:ab:cd:ef'/></interface></devices>")))
                .isEmpty();
        assertThat(diff(
                        domain(
                                "<devices><disk type='file' device='disk'><target dev='vda' bus='virtio'/>"
                                        + "<address type='pci' domain='0x0000' bus='0x05' slot='0x00' function='0x0'/></disk></devices>"),
                        domain("<devices><disk device='disk' type='file'><target bus='virtio' dev='vda'/>"
                                + "<address type='pci' domain='0' bus='5' slot='0' function='0'/></disk></devices>")))
                .isEmpty();
        assertThat(diff(domain("<vcpu placement='static'>0x4</vcpu>"), domain("<vcpu placement='static'>4</vcpu>")))
                .isEmpty();
        assertThat(
                        diff(
                                domain(
                                        "<devices><disk type='file'><target dev='vda'/></disk><interface type='network'/></devices>"),
                                domain(
                                        "<devices><interface type='network'/><disk type='file'><target dev='vda'/></disk></devices>")))
                .as("differently named siblings in another order")
                .isEmpty();
        assertThat(diff(
                        "<volume><name>v</name><capacity>1073741824</capacity></volume>",
                        "<volume><name>v</name><capacity unit='G'>1</capacity></volume>"))
                .as("storage default unit bytes")
                .isEmpty();
        assertThat(diff(
                        "<network><name>n</name><ip family='ipv6' address='2001:db8:0:0::1' prefix='64'/>"
                                + "<vlan><tag id='42'/></vlan></network>",
                        "<network><name>n</name><ip family='ipv6' address='2001:DB8::1' prefix='64'/><vlan><tag id='042'/></vlan>"
                                + "</network>"))
                .as("IP addresses and VLAN ids compare as read")
                .isEmpty();
        assertThat(diff(
                        "<network><name>n</name><ip address='192.168.122.1' prefix='24'/></network>",
                        "<network><name>n</name><ip address='192.168.122.2' prefix='24'/></network>"))
                .hasSize(1);
    }

    @Test
    void differencesNameTheirPathAndBothValues() throws Exception {
        List<Difference> d = diff(
                domain("<memory unit='GiB'>1</memory><devices><disk type='file'><target dev='vda'/></disk></devices>"),
                domain("<memory unit='GiB'>2</memory><devices><disk type='file'><target dev='vdb'/></disk>"
                        + "<disk type='file'><target dev='vdc'/></disk></devices>"));
        assertThat(d)
                .containsExactly(
                        new Difference("/domain/memory", "1 GiB", "2 GiB"),
                        new Difference("/domain/devices/disk[1]/target/@dev", "vda", "vdb"),
                        new Difference("/domain/devices/disk[2]", null, "<disk type='file'>…"));
        assertThat(d.get(2).toString()).isEqualTo("/domain/devices/disk[2]: (absent) → <disk type='file'>…");
    }

    @Test
    void orderOfSameNamedSiblingsMatters() throws Exception {
        assertThat(diff(
                        domain("<os><type>hvm</type><boot dev='hd'/><boot dev='cdrom'/></os>"),
                        domain("<os><type>hvm</type><boot dev='cdrom'/><boot dev='hd'/></os>")))
                .extracting(Difference::path)
                .containsExactly("/domain/os/boot[1]/@dev", "/domain/os/boot[2]/@dev");
    }

    @Test
    void unknownAndForeignContentIsCompared() throws Exception {
        String a = "<domain type='kvm' xmlns:f='urn:f'><name>d</name><metadata><f:owner team='a'/></metadata>"
                + "<devices><disk type='file' f:tier='gold'><target dev='vda'/></disk></devices></domain>";
        String b = "<domain type='kvm' xmlns:g='urn:f'><name>d</name><metadata><g:owner team='b'/></metadata>"
                + "<devices><disk type='file' g:tier='silver'><target dev='vda'/></disk></devices></domain>";
        String sameAsA = "<domain xmlns:x='urn:f' type='kvm'><name>d</name><metadata><x:owner team='a'/></metadata>"
                + "<devices><disk x:tier='gold' type='file'><target dev='vda'/></disk></devices></domain>";
        assertThat(diff(a, sameAsA)).as("prefixes do not matter").isEmpty();
        assertThat(diff(a, b))
                .extracting(Difference::path)
                .containsExactly("/domain/metadata/{urn:f}owner[1]", "/domain/devices/disk[1]/@{urn:f}tier");
    }

    @Test
    void documentsOfDifferentKindsDifferAtTheRoot() throws Exception {
        List<Difference> d = diff(domain(""), "<pool type='dir'><name>p</name></pool>");
        assertThat(d).singleElement().extracting(Difference::path).isEqualTo("/");
    }

    @Test
    void samplesAgainstThemselvesAndEachOther() throws Exception {
        List<LibvirtDocument<?>> samples = samples();
        for (LibvirtDocument<?> s : samples) {
            assertThat(LibvirtDiff.between(s, s)).isEmpty();
            assertThat(LibvirtDiff.between(s, LibvirtXml.defaults().parse(s.write())))
                    .isEmpty();
        }
        assertThat(LibvirtDiff.between(samples.get(0), samples.get(1))).isNotEmpty();
    }

    /** Property: diff(b, a) is diff(a, b) with the sides swapped, over pairs of samples. */
    @Test
    void diffIsSymmetricOverTheSamples() throws Exception {
        symmetric(samples());
    }

    /** Property: the same over pairs of samples and corpus documents. */
    @Test
    void diffIsSymmetricOverTheCorpus() throws Exception {
        List<LibvirtDocument<?>> docs = new ArrayList<>(samples());
        docs.addAll(readableCorpus(400));
        symmetric(docs);
    }

    private static void symmetric(List<LibvirtDocument<?>> docs) {
        qt().withExamples(500)
                .forAll(integers().between(0, docs.size() - 1), integers().between(0, docs.size() - 1))
                .checkAssert((i, j) -> {
                    List<Difference> ab = LibvirtDiff.between(docs.get(i), docs.get(j));
                    List<Difference> ba = LibvirtDiff.between(docs.get(j), docs.get(i));
                    assertThat(ba)
                            .containsExactlyElementsOf(
                                    ab.stream().map(Difference::swapped).toList());
                    if (i.equals(j)) {
                        assertThat(ab).isEmpty();
                    }
                });
    }

    /** diff(a, a) and diff(a, fmt(a)) are empty for every corpus document the model reads. */
    @Test
    void everyCorpusDocumentEqualsItselfAndItsFormattedForm() throws Exception {
        int read = 0;
        List<String> failures = new ArrayList<>();
        for (Path file : Corpus.xmlFiles()) {
            LibvirtDocument<?> doc;
            try {
                doc = LibvirtXml.defaults().read(file);
            } catch (DocumentReadException e) {
                continue;
            }
            read++;
            if (!LibvirtDiff.between(doc, doc).isEmpty()) {
                failures.add(Corpus.relative(file) + " differs from itself");
                continue;
            }
            String formatted = doc.normalized();
            List<Difference> d = LibvirtDiff.between(doc, LibvirtXml.defaults().parse(formatted));
            if (!d.isEmpty()) {
                failures.add(Corpus.relative(file) + ": " + d.get(0));
            }
        }
        System.err.println("diff(a,a) and diff(a,fmt(a)) over " + read + " corpus documents");
        assertThat(read).as("corpus documents read").isGreaterThan(1000);
        assertThat(failures).isEmpty();
    }

    private static List<LibvirtDocument<?>> samples() throws Exception {
        Path dir = Path.of(LibvirtDiffTest.class.getResource("/samples").toURI());
        List<LibvirtDocument<?>> out = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path p :
                    files.filter(f -> f.toString().endsWith(".xml")).sorted().toList()) {
                out.add(LibvirtXml.defaults().read(p));
            }
        }
        return out;
    }

    private static List<LibvirtDocument<?>> readableCorpus(int max) throws Exception {
        List<LibvirtDocument<?>> out = new ArrayList<>();
        List<Path> files = Corpus.xmlFiles();
        int step = Math.max(1, files.size() / max);
        for (int i = 0; i < files.size() && out.size() < max; i += step) {
            try {
                out.add(LibvirtXml.defaults().read(files.get(i)));
            } catch (DocumentReadException e) {
                // not one of the four kinds (network, nwfilter, ...) or not well-formed: not a pair member
            }
        }
        return out;
    }
}
