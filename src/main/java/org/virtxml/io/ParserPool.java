package org.virtxml.io;

import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Safe parsers, reused: building a parser costs more than parsing a small document. A reader
 * returns to the pool only after a parse that ended normally. Also the input buffers of documents
 * read from streams. Thread-safe.
 */
final class ParserPool {
    private static final int KEEP = 8;
    private final ConcurrentLinkedQueue<PooledReader> readers = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<DocumentBuilder> builders = new ConcurrentLinkedQueue<>();
    /** Input buffers of at most {@link #BUFFER_KEPT} bytes, reused: a document's bytes are decoded, then let go. */
    private final ConcurrentLinkedQueue<byte[]> buffers = new ConcurrentLinkedQueue<>();

    private static final int BUFFER_KEPT = 64 * 1024;

    /** A reader with its handlers set once (see {@link PooledReader}); give it back with {@link #returnReader}. */
    PooledReader borrowReader() throws ParserConfigurationException, SAXException {
        PooledReader r = readers.poll();
        return r != null ? r : new PooledReader(SafeXml.newReader());
    }

    void returnReader(PooledReader r) {
        r.target(null);
        if (readers.size() < KEEP) {
            readers.offer(r);
        }
    }

    /** A buffer for a document's bytes (at least {@code size} long), new or reused; give it back with {@link #returnBuffer}. */
    byte[] borrowBuffer(int size) {
        byte[] b = buffers.poll();
        return b != null && b.length >= size ? b : new byte[size];
    }

    /** Takes back a buffer whose content is no longer needed; a large one is let go. */
    void returnBuffer(byte[] b) {
        if (b.length <= BUFFER_KEPT && buffers.size() < KEEP) {
            buffers.offer(b);
        }
    }

    /** A new empty DOM document, for content kept as-is. */
    Document newDocument() {
        DocumentBuilder b = builders.poll();
        try {
            if (b == null) {
                b = SafeXml.newDocumentBuilder();
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
        return b != null ? b : SafeXml.newDocumentBuilder();
    }

    void returnBuilder(DocumentBuilder b) {
        b.reset();
        if (builders.size() < KEEP) {
            builders.offer(b);
        }
    }
}
