package org.virtxml.io;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Inserts random content libvirt does not define into a real document, anywhere: unknown elements
 * (no namespace or a foreign one), unknown attributes, content under text-only elements such as
 * {@code <name>}, and second copies of existing elements (a second {@code <name>}, a second
 * {@code <os>}). Records what it did, for failure messages.
 */
final class UnknownInsertions {
    private static final String[] NAMESPACES = {"urn:example:a", "https://fleet.example.org/xmlns/x/1", "urn:example:b"
    };
    /** Names libvirt uses elsewhere: an unknown element may well carry one. */
    private static final String[] FAMILIAR = {"name", "source", "address", "boot", "target", "driver", "model", "alias"
    };

    private final Random random;
    private final RandomDocuments words;
    private final List<String> done = new ArrayList<>();

    UnknownInsertions(Random random) {
        this.random = random;
        this.words = new RandomDocuments(random, 0);
    }

    List<String> done() {
        return List.copyOf(done);
    }

    /** The document with {@code count} random insertions, as text. */
    String insert(String xml, int count) throws Exception {
        Document doc = parse(xml);
        for (int i = 0; i < count; i++) {
            int before = done.size();
            while (done.size() == before) {
                insertOne(doc); // some picks do nothing (the root has no parent to hold a second one)
            }
        }
        return serialize(doc);
    }

    private void insertOne(Document doc) {
        List<Element> all = elements(doc);
        Element target = all.get(random.nextInt(all.size()));
        switch (random.nextInt(6)) {
            case 0 -> {
                Element e =
                        doc.createElementNS(null, random.nextInt(4) == 0 ? pick(FAMILIAR) : "zz-" + words.randomWord());
                decorate(e);
                insertChild(target, e);
                done.add("element <" + e.getTagName() + "> under " + path(target));
            }
            case 1 -> {
                String ns = pick(NAMESPACES);
                String prefix = "p" + random.nextInt(5);
                Element e = doc.createElementNS(
                        ns, prefix + ":" + (random.nextBoolean() ? pick(FAMILIAR) : words.randomWord()));
                e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, ns);
                decorate(e);
                insertChild(target, e);
                done.add("foreign element " + e.getTagName() + " under " + path(target));
            }
            case 2 -> {
                String name = "zz-" + words.randomWord();
                target.setAttributeNS(null, name, words.randomWord());
                done.add("attribute @" + name + " on " + path(target));
            }
            case 3 -> {
                String ns = pick(NAMESPACES);
                String prefix = "q" + random.nextInt(5);
                if (target.lookupNamespaceURI(prefix) == null) {
                    target.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, ns);
                    target.setAttributeNS(
                            ns,
                            prefix + ":" + (random.nextBoolean() ? "type" : words.randomWord()),
                            "v" + random.nextInt(99));
                    done.add("foreign attribute " + prefix + ":" + " on " + path(target));
                }
            }
            case 4 -> {
                List<Element> leaves =
                        all.stream().filter(UnknownInsertions::textOnly).toList();
                Element leaf = leaves.isEmpty() ? target : leaves.get(random.nextInt(leaves.size()));
                Element e = doc.createElementNS(null, "zz-" + words.randomWord());
                decorate(e);
                if (random.nextBoolean()) {
                    leaf.appendChild(e);
                } else {
                    leaf.insertBefore(e, leaf.getFirstChild());
                }
                if (random.nextBoolean()) {
                    leaf.setAttributeNS(null, "zz-" + words.randomWord(), "1");
                }
                done.add("element <" + e.getTagName() + "> under text-only " + path(leaf));
            }
            default -> {
                if (target.getParentNode() instanceof Element parent) {
                    Element copy = (Element) target.cloneNode(true);
                    if (random.nextBoolean()) {
                        parent.insertBefore(copy, target.getNextSibling());
                    } else {
                        insertChild(parent, copy);
                    }
                    done.add("second " + path(target));
                }
            }
        }
    }

    private void decorate(Element e) {
        if (random.nextBoolean()) {
            e.setAttributeNS(null, "k", words.randomWord());
        }
        switch (random.nextInt(3)) {
            case 0 -> e.setTextContent(words.randomWord());
            case 1 -> {
                Element child = e.getOwnerDocument()
                        .createElementNS(
                                e.getNamespaceURI(),
                                (e.getPrefix() == null ? "" : e.getPrefix() + ":") + words.randomWord());
                child.setTextContent("x<y&z");
                e.appendChild(child);
            }
            default -> {}
        }
    }

    private void insertChild(Element parent, Element child) {
        NodeList kids = parent.getChildNodes();
        int at = random.nextInt(kids.getLength() + 1);
        parent.insertBefore(child, at < kids.getLength() ? kids.item(at) : null);
    }

    private static boolean textOnly(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                return false;
            }
        }
        return e.getParentNode() instanceof Element;
    }

    private static List<Element> elements(Document doc) {
        NodeList nl = doc.getElementsByTagName("*");
        List<Element> out = new ArrayList<>(nl.getLength());
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    private static String path(Element e) {
        StringBuilder sb = new StringBuilder();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            sb.insert(0, "/" + el.getTagName());
        }
        return sb.toString();
    }

    private <V> V pick(V[] values) {
        return values[random.nextInt(values.length)];
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    static String serialize(Document doc) throws Exception {
        var t = TransformerFactory.newDefaultInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter out = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(out));
        return out.toString();
    }
}
