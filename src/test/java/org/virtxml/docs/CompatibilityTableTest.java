package org.virtxml.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * README's compatibility table: for each binding schema (one per document kind and namespace), the
 * libvirt element and attribute names the typed model covers. Computed from schema/*.xsd.
 */
class CompatibilityTableTest {

    @Test
    void readmeCompatibilityTableMatchesTheSchemas() throws Exception {
        List<Path> schemas;
        try (Stream<Path> s = Files.list(Path.of("schema"))) {
            schemas = s.filter(p -> p.toString().endsWith(".xsd")).sorted().toList();
        }
        StringBuilder table = new StringBuilder(
                "| schema | namespace | Java package | element names | attribute names | typed classes |\n|---|---|---|---:|---:|---:|\n");
        for (Path p : schemas) {
            Document d = parse(p);
            Element root = d.getDocumentElement();
            String ns = root.getAttribute("targetNamespace");
            String pkg = ((Element) d.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "annotation")
                                            .item(0))
                                    .getElementsByTagNameNS("https://jakarta.ee/xml/ns/jaxb", "package")
                                    .item(0)
                            instanceof Element e
                    ? e.getAttribute("name")
                    : "";
            table.append("| `")
                    .append(p.getFileName())
                    .append("` | ")
                    .append(ns.isEmpty() ? "(libvirt's own)" : "`" + ns + "`")
                    .append(" | `")
                    .append(pkg)
                    .append("` | ")
                    .append(names(d, "element"))
                    .append(" | ")
                    .append(names(d, "attribute"))
                    .append(" | ")
                    .append(classes(d))
                    .append(" |\n");
        }
        String expected = table.toString();
        ReadmeSection.offer("compat", expected);
        assertThat(ReadmeSection.current("compat"))
                .as("README compatibility block (see target/readme-compat.md)")
                .isEqualTo(expected);
    }

    private static int names(Document d, String kind) {
        Set<String> names = new TreeSet<>();
        NodeList nl = d.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, kind);
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            String n = e.hasAttribute("name") ? e.getAttribute("name") : e.getAttribute("ref");
            names.add(n);
        }
        return names.size();
    }

    private static int classes(Document d) {
        NodeList nl = d.getElementsByTagNameNS(XMLConstants.W3C_XML_SCHEMA_NS_URI, "complexType");
        int n = 0;
        for (int i = 0; i < nl.getLength(); i++) {
            Element e = (Element) nl.item(i);
            if (e.getElementsByTagNameNS("https://jakarta.ee/xml/ns/jaxb", "class")
                                    .getLength()
                            == 0
                    || ((Element) e.getElementsByTagNameNS("https://jakarta.ee/xml/ns/jaxb", "class")
                                    .item(0))
                            .getAttribute("ref")
                            .isEmpty()) {
                n++;
            }
        }
        return n;
    }

    private static Document parse(Path p) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(p.toFile());
    }
}
