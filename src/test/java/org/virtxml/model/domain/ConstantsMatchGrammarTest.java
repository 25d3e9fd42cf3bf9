package org.virtxml.model.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The value constants are exactly the values libvirt 11.3's RELAX NG grammar (domaincommon.rng)
 * lists for their attribute; a difference after a grammar update fails here.
 */
class ConstantsMatchGrammarTest {
    private static final String RNG = "http://relaxng.org/ns/structure/1.0";
    private static Document grammar;

    @BeforeAll
    static void load() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        grammar = f.newDocumentBuilder()
                .parse(Corpus.root().resolve("schemas/domaincommon.rng").toFile());
    }

    @Test
    void diskTypesAreTheTypesOfLibvirtsDiskSourceChoice() {
        assertThat(constants(DiskTypes.class))
                .isEqualTo(values(
                        Pattern.compile("diskSource(File|Block|Dir|Network|Volume|Nvme|VhostUser|VhostVdpa)"),
                        "type",
                        0));
    }

    @Test
    void diskDevicesBusesAndCaches() {
        assertThat(constants(DiskDevices.class)).isEqualTo(values(Pattern.compile("disk"), "device", 1));
        Set<String> buses = constants(DiskBuses.class);
        buses.remove(DiskBuses.NVME);
        assertThat(buses).isEqualTo(values(Pattern.compile("diskTarget"), "bus", 1));
        assertThat(constants(DiskCaches.class)).isEqualTo(values(Pattern.compile("driverCache"), "cache", 0));
    }

    @Test
    void interfaceTypes() {
        assertThat(constants(InterfaceTypes.class)).isEqualTo(values(Pattern.compile("interface"), "type", 1));
    }

    @Test
    void graphicsTypes() {
        assertThat(constants(GraphicsTypes.class)).isEqualTo(values(Pattern.compile("graphic"), "type", 1));
    }

    private static Set<String> constants(Class<?> c) {
        Set<String> out = new TreeSet<>();
        for (Field f : c.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                try {
                    out.add((String) f.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return out;
    }

    /** The {@code <value>}s of attribute {@code name} in the matching defines, crossing at most {@code depth} elements. */
    private static Set<String> values(Pattern define, String name, int depth) {
        Set<String> out = new TreeSet<>();
        var defines = grammar.getElementsByTagNameNS(RNG, "define");
        for (int i = 0; i < defines.getLength(); i++) {
            Element d = (Element) defines.item(i);
            if (define.matcher(d.getAttribute("name")).matches()) {
                collect(d, name, depth, out);
            }
        }
        return out;
    }

    private static void collect(Element e, String name, int depth, Set<String> out) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c && RNG.equals(c.getNamespaceURI())) {
                switch (c.getLocalName()) {
                    case "attribute" -> {
                        if (name.equals(c.getAttribute("name"))) {
                            var vs = c.getElementsByTagNameNS(RNG, "value");
                            for (int i = 0; i < vs.getLength(); i++) {
                                out.add(vs.item(i).getTextContent().strip());
                            }
                        }
                    }
                    case "element" -> {
                        if (depth > 0) {
                            collect(c, name, depth - 1, out);
                        }
                    }
                    default -> collect(c, name, depth, out);
                }
            }
        }
    }
}
