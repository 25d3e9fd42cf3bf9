package org.virtxml.io;

import org.xml.sax.Attributes;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DefaultHandler2;

/**
 * A safe SAX reader of the pool with its handlers set once: a forwarder to the document being
 * read. Setting the handlers on the reader for each document (the lexical handler is a property)
 * costs more than forwarding; only the target changes between documents. Used by one thread at a time.
 */
final class PooledReader extends DefaultHandler2 {
    private final XMLReader reader;
    private DefaultHandler2 target;
    /** The model builder's frames, reused by every document this reader reads. */
    private final ModelBuilder.Frames frames = new ModelBuilder.Frames();

    PooledReader(XMLReader reader) throws SAXException {
        this.reader = reader;
        reader.setContentHandler(this);
        reader.setErrorHandler(this);
        reader.setProperty("http://xml.org/sax/properties/lexical-handler", this);
    }

    XMLReader reader() {
        return reader;
    }

    /** The handler of the next document; null between documents, so that the pool keeps no model alive. */
    void target(DefaultHandler2 handler) {
        this.target = handler;
        if (handler == null) {
            frames.release();
        }
    }

    /** The frames of the model builder reading with this reader (one document at a time). */
    ModelBuilder.Frames frames() {
        return frames;
    }

    @Override
    public void setDocumentLocator(Locator locator) {
        target.setDocumentLocator(locator);
    }

    @Override
    public void startDocument() throws SAXException {
        target.startDocument();
    }

    @Override
    public void endDocument() throws SAXException {
        target.endDocument();
    }

    @Override
    public void startPrefixMapping(String prefix, String uri) throws SAXException {
        target.startPrefixMapping(prefix, uri);
    }

    @Override
    public void endPrefixMapping(String prefix) throws SAXException {
        target.endPrefixMapping(prefix);
    }

    @Override
    public void startElement(String uri, String local, String qName, Attributes atts) throws SAXException {
        target.startElement(uri, local, qName, atts);
    }

    @Override
    public void endElement(String uri, String local, String qName) throws SAXException {
        target.endElement(uri, local, qName);
    }

    @Override
    public void characters(char[] ch, int start, int length) throws SAXException {
        target.characters(ch, start, length);
    }

    @Override
    public void ignorableWhitespace(char[] ch, int start, int length) throws SAXException {
        target.ignorableWhitespace(ch, start, length);
    }

    @Override
    public void processingInstruction(String piTarget, String data) throws SAXException {
        target.processingInstruction(piTarget, data);
    }

    @Override
    public void skippedEntity(String name) throws SAXException {
        target.skippedEntity(name);
    }

    @Override
    public void startDTD(String name, String publicId, String systemId) throws SAXException {
        target.startDTD(name, publicId, systemId);
    }

    @Override
    public void endDTD() throws SAXException {
        target.endDTD();
    }

    @Override
    public void startEntity(String name) throws SAXException {
        target.startEntity(name);
    }

    @Override
    public void endEntity(String name) throws SAXException {
        target.endEntity(name);
    }

    @Override
    public void startCDATA() throws SAXException {
        target.startCDATA();
    }

    @Override
    public void endCDATA() throws SAXException {
        target.endCDATA();
    }

    @Override
    public void comment(char[] ch, int start, int length) throws SAXException {
        target.comment(ch, start, length);
    }

    @Override
    public void warning(SAXParseException e) throws SAXException {
        target.warning(e);
    }

    @Override
    public void error(SAXParseException e) throws SAXException {
        target.error(e);
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXException {
        target.fatalError(e);
    }
}
