package org.virtxml.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A libvirt RELAX NG grammar loaded into memory: its start pattern and its defines, with
 * {@code include} resolved and {@code combine} merged. Read by {@link RngVocabulary}.
 */
final class RngGrammar {
    static final String RNG_NS = "http://relaxng.org/ns/structure/1.0";

    private final Map<String, List<Element>> defines = new LinkedHashMap<>();
    private final List<Element> starts = new ArrayList<>();

    private RngGrammar() {}

    static RngGrammar load(Path file) throws IOException {
        RngGrammar g = new RngGrammar();
        g.loadFile(file.toAbsolutePath().normalize(), new HashSet<>());
        return g;
    }

    List<Element> starts() {
        return starts;
    }

    /** The bodies of every define of that name (several when defines combine). */
    List<Element> define(String name) {
        List<Element> d = defines.get(name);
        if (d == null) {
            throw new IllegalStateException("RNG define not found: " + name);
        }
        return d;
    }

    private void loadFile(Path file, Set<Path> seen) throws IOException {
        if (!seen.add(file)) {
            return;
        }
        Element grammar = parse(file).getDocumentElement();
        for (Element child : children(grammar)) {
            switch (child.getLocalName()) {
                case "include" ->
                    loadFile(file.resolveSibling(child.getAttribute("href")).normalize(), seen);
                case "start" -> starts.add(child);
                case "define" ->
                    defines.computeIfAbsent(child.getAttribute("name"), k -> new ArrayList<>())
                            .add(child);
                default -> {}
            }
        }
    }

    private static org.w3c.dom.Document parse(Path file) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            return b.parse(Files.newInputStream(file));
        } catch (SAXException | javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && RNG_NS.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }
}
