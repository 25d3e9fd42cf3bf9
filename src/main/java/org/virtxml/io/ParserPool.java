package org.virtxml.io;

import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Safe parsers, reused: building a parser costs more than parsing a small document. A reader
 * returns to the pool only after a parse that ended normally. Thread-safe.
 */
final class ParserPool {
    private static final int KEEP = 8;
    private final ConcurrentLinkedQueue<XMLReader> readers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DocumentBuilder> builders = new ConcurrentLinkedQueue<>();

    XMLReader borrowReader() throws ParserConfigurationException, SAXException {
        XMLReader r = readers.poll();
        return r != null ? r : newReader();
    }

    void returnReader(XMLReader r) {
        if (readers.size() < KEEP) {
            readers.offer(r);
        }
    }

    /** A new empty DOM document, for content kept as-is. */
    Document newDocument() {
        DocumentBuilder b = builders.poll();
        try {
            if (b == null) {
                b = newBuilder();
            }
            return b.newDocument();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } finally {
            if (b != null && builders.size() < KEEP) {
                builders.offer(b);
            }
        }
    }

    /** A DOM parser with the same safety as the SAX one. */
    DocumentBuilder borrowBuilder() throws ParserConfigurationException {
        DocumentBuilder b = builders.poll();
        return b != null ? b : newBuilder();
    }

    void returnBuilder(DocumentBuilder b) {
        b.reset();
        if (builders.size() < KEEP) {
            builders.offer(b);
        }
    }

    /** A SAX reader that refuses DTDs and never fetches or expands anything external. */
    static XMLReader newReader() throws ParserConfigurationException, SAXException {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setXIncludeAware(false);
        XMLReader r = f.newSAXParser().getXMLReader();
        r.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        r.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return r;
    }

    private static DocumentBuilder newBuilder() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setExpandEntityReferences(false);
        f.setXIncludeAware(false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return f.newDocumentBuilder();
    }
}
