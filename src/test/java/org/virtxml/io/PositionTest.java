package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtxml.corpus.Corpus;
import org.virtxml.model.Location;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

/**
 * Issue 2: every model object knows the line and column of its start tag ({@code <}), and of each
 * attribute's name, also on tags spread over several lines and with CRLF line ends.
 */
class PositionTest {

    private static final String CRLF_DOMAIN = String.join(
            "\r\n",
            "<?xml version='1.0'?>",
            "<domain type='kvm'",
            "        id='7'>",
            "  <name>vm</name>",
            "  <devices>",
            "    <disk",
            "\ttype='file'",
            "      device='disk'><driver name='qemu' type='qcow2'/>",
            "      <source file='/var/lib/a&gt;b.qcow2'/>",
            "      <target bus='virtio' dev='vda'/>",
            "    </disk>",
            "    <disk type='block' device='cdrom'><target   dev  =  'sda' bus='sata'/></disk>",
            "  </devices>",
            "</domain>",
            "");

    @Test
    void elementsAndAttributesOnMultiLineTagsWithCrlf() throws Exception {
        Domain d = LibvirtXml.defaults().parseDomain(CRLF_DOMAIN).root();
        assertThat(d.location()).contains(new Location(2, 1));
        assertThat(d.attributeLocation("type")).contains(new Location(2, 9));
        assertThat(d.attributeLocation("id")).contains(new Location(3, 9));
        assertThat(d.getName().location()).contains(new Location(4, 3));
        assertThat(d.getDevices().location()).contains(new Location(5, 3));
        Disk first = d.getDevices().getDisk().get(0);
        assertThat(first.location()).contains(new Location(6, 5));
        assertThat(first.attributeLocation("type")).contains(new Location(7, 2));
        assertThat(first.attributeLocation("device")).contains(new Location(8, 7));
        assertThat(first.getDriver().location()).contains(new Location(8, 21));
        assertThat(first.getDriver().attributeLocation("type")).contains(new Location(8, 41));
        assertThat(first.getSource().location()).contains(new Location(9, 7));
        assertThat(first.getTarget().location()).contains(new Location(10, 7));
        assertThat(first.getTarget().attributeLocation("dev")).contains(new Location(10, 28));
        Disk second = d.getDevices().getDisk().get(1);
        assertThat(second.location()).contains(new Location(12, 5));
        assertThat(second.attributeLocation("device")).contains(new Location(12, 24));
        assertThat(second.getTarget().location()).contains(new Location(12, 39));
        assertThat(second.getTarget().attributeLocation("dev")).contains(new Location(12, 49));
        assertThat(second.getTarget().attributeLocation("bus")).contains(new Location(12, 63));
        assertEveryPositionPointsAtItsName(CRLF_DOMAIN, d);
    }

    @Test
    void attributeAfterAValueHoldingAGreaterThanSign() throws Exception {
        String xml = "<domain type='kvm'>\n  <name>vm</name>\n  <devices>\n"
                + "    <disk device='a>b' type='file'><target dev='vda'/></disk>\n  </devices>\n</domain>\n";
        Disk disk = LibvirtXml.defaults()
                .parseDomain(xml)
                .root()
                .getDevices()
                .getDisk()
                .get(0);
        assertThat(disk.location()).contains(new Location(4, 5));
        assertThat(disk.attributeLocation("device")).contains(new Location(4, 11));
        assertThat(disk.attributeLocation("type")).contains(new Location(4, 24));
        assertThat(disk.getTarget().location()).contains(new Location(4, 36));
    }

    @Test
    void attributeNameAlsoFoundInsideAnotherValueIsLocatedAtTheName() throws Exception {
        String xml = "<domain type='kvm'>\n  <name>vm</name>\n  <devices>\n"
                + "    <disk device=' type=x' type='file'/>\n  </devices>\n</domain>\n";
        Disk disk = LibvirtXml.defaults()
                .parseDomain(xml)
                .root()
                .getDevices()
                .getDisk()
                .get(0);
        assertThat(disk.attributeLocation("type")).contains(new Location(4, 28));
    }

    @Test
    void elementsBuiltInCodeHaveNoPosition() {
        Domain d = new Domain().withType("kvm");
        assertThat(d.location()).isEmpty();
        assertThat(d.attributeLocation("type")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "kvm-guest.xml",
                "ide-guest.xml",
                "bridged-guest.xml",
                "sriov-guest.xml",
                "pci-passthrough-guest.xml",
                "dir-pool.xml",
                "iscsi-pool.xml",
                "qcow2-volume.xml",
                "capabilities.xml"
            })
    void everyPositionInTheSamplesAlsoWithCrlfAndOneAttributePerLine(String name) throws Exception {
        String xml = sample(name);
        for (String variant : List.of(xml, xml.replace("\n", "\r\n"), oneAttributePerLine(xml.replace("\n", "\r\n")))) {
            LibvirtDocument<?> doc = LibvirtXml.defaults().parse(variant);
            int checked = assertEveryPositionPointsAtItsName(variant, doc.root());
            assertThat(checked).as("positions checked in %s", name).isGreaterThan(5);
        }
    }

    @Test
    void everyPositionInTheCorpusDomainsPointsAtItsName() throws Exception {
        int documents = 0;
        for (Path f : Corpus.xmlFiles()) {
            if (!f.toString().contains("xml2argvdata") && !f.toString().contains("qemuxmlconfdata")) {
                continue;
            }
            String xml = Files.readString(f, StandardCharsets.UTF_8);
            LibvirtDocument<?> doc;
            try {
                doc = LibvirtXml.defaults().read(xml, f.toString());
            } catch (DocumentReadException e) {
                continue;
            }
            assertEveryPositionPointsAtItsName(xml, doc.root());
            documents++;
        }
        System.out.println("positions checked in " + documents + " corpus domain documents");
        assertThat(documents).isGreaterThan(500);
    }

    // ---- the generic check ----

    /**
     * Walks the model: each element's location is the {@code <} of a tag of its name, and each
     * attribute's location is that attribute's name followed by {@code =}. Returns the number checked.
     */
    static int assertEveryPositionPointsAtItsName(String text, ModelElement root) {
        List<Integer> lineStarts = lineStarts(text);
        return check(text, lineStarts, root, rootName(root), false);
    }

    private static String rootName(ModelElement root) {
        return org.virtxml.model.DocumentKind.forRootClass(root.getClass())
                .orElseThrow()
                .rootElement();
    }

    private static int check(String text, List<Integer> lineStarts, ModelElement e, String local, boolean namespaced) {
        int checked = 0;
        Location at = e.location().orElseThrow(() -> new AssertionError("no location for <" + local + ">"));
        int offset = offset(lineStarts, at);
        String name = local;
        if (namespaced) {
            // an element of another namespace: <qemu:commandline, or <commandline xmlns="..."
            Matcher prefixed = Pattern.compile("<(?:([A-Za-z_][\\w.-]*):)?" + Pattern.quote(local))
                    .matcher(text)
                    .region(offset, text.length());
            assertThat(prefixed.lookingAt())
                    .as("text at %s for prefixed <%s>", at, local)
                    .isTrue();
            name = prefixed.group(1) == null ? local : prefixed.group(1) + ":" + local;
        }
        assertThat(text.substring(offset, Math.min(text.length(), offset + name.length() + 1)))
                .as("text at %s for <%s>", at, name)
                .isEqualTo("<" + name);
        assertThat(text.length() == offset + name.length() + 1 || !isNameChar(text.charAt(offset + name.length() + 1)))
                .as("<%s> at %s is followed by the end of its name", name, at)
                .isTrue();
        checked++;
        List<String> attributes = new ArrayList<>();
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (p.isAttribute() && !p.values(e).isEmpty()) {
                attributes.add(p.xmlName());
            }
        }
        for (Map.Entry<QName, String> kept : e.keptAttributes().entrySet()) {
            if (kept.getKey().getNamespaceURI().isEmpty()) {
                attributes.add(kept.getKey().getLocalPart());
            }
        }
        for (String attribute : attributes) {
            Optional<Location> where = e.attributeLocation(attribute);
            assertThat(where).as("location of @%s on <%s>", attribute, name).isPresent();
            int a = offset(lineStarts, where.get());
            assertThat(a).as("@%s after <%s", attribute, name).isGreaterThan(offset);
            Matcher m = Pattern.compile(Pattern.quote(attribute) + "\\s*=")
                    .matcher(text)
                    .region(a, text.length());
            assertThat(m.lookingAt())
                    .as(
                            "text at %s for @%s of <%s>: %s",
                            where.get(), attribute, name, text.substring(a, Math.min(text.length(), a + 30)))
                    .isTrue();
            assertThat(Character.isWhitespace(text.charAt(a - 1)))
                    .as("@%s starts a name", attribute)
                    .isTrue();
            checked++;
        }
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            if (p.isAttribute()) {
                continue;
            }
            for (Object v : p.values(e)) {
                if (v instanceof ModelElement child) {
                    checked += check(
                            text, lineStarts, child, p.xmlName(), !p.namespace().isEmpty());
                }
            }
        }
        return checked;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' || c == ':';
    }

    /** Line starts by XML's rules: CRLF, LF and a lone CR each end a line. */
    private static List<Integer> lineStarts(String text) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts;
    }

    private static int offset(List<Integer> lineStarts, Location at) {
        assertThat(at.line()).isLessThanOrEqualTo(lineStarts.size());
        return lineStarts.get(at.line() - 1) + at.column() - 1;
    }

    /** Puts each attribute of every tag on a line of its own (CRLF), indented. */
    private static String oneAttributePerLine(String xml) {
        StringBuilder out = new StringBuilder();
        Matcher tag = Pattern.compile("<[A-Za-z][^<>]*>").matcher(xml);
        int last = 0;
        while (tag.find()) {
            out.append(xml, last, tag.start());
            out.append(tag.group().replaceAll("\\s+([A-Za-z_][-\\w.:]*\\s*=\\s*('[^']*'|\"[^\"]*\"))", "\r\n      $1"));
            last = tag.end();
        }
        return out.append(xml.substring(last)).toString();
    }

    private static String sample(String name) throws IOException {
        try (InputStream in = PositionTest.class.getResourceAsStream("/samples/" + name)) {
            assertThat(in).as("sample %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
