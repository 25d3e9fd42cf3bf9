package org.virtxml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.Location;
import org.virtxml.model.ModelElement;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/** The reading pipeline: limited bytes → strict decoding → prolog check → safe SAX → JAXB. */
final class DocumentReader {
    private final ParserPool parsers;
    private final SharedValues shared;
    private final long maxBytes;
    private final int maxDepth;

    DocumentReader(ParserPool parsers, SharedValues shared, long maxBytes, int maxDepth) {
        this.parsers = parsers;
        this.shared = shared;
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    /**
     * The stream's bytes, up to the limit. The buffer is sized to what the stream says it holds
     * (a file's or an in-memory stream's length) and grows by doubling past that, so that a small
     * document costs about its own size, not a fixed large buffer.
     */
    byte[] readLimited(InputStream in, String source) throws DocumentReadException {
        Bytes b = readLimited(in, source, null);
        return b.length() == b.array().length ? b.array() : Arrays.copyOf(b.array(), b.length());
    }

    /** A document read from a stream: its bytes go to a buffer of the pool, decoded, then given back. */
    LibvirtDocument<?> read(InputStream in, String source, DocumentKind expected) throws DocumentReadException {
        Bytes b = readLimited(in, source, parsers);
        try {
            return read(b.array(), b.length(), source, expected);
        } finally {
            parsers.returnBuffer(b.array());
        }
    }

    /** The first {@code length} bytes of {@code array}: a document's bytes in a buffer. */
    private record Bytes(byte[] array, int length) {}

    /** The stream's bytes, up to the limit, in a buffer of {@code pool} (null: a new one). */
    private Bytes readLimited(InputStream in, String source, ParserPool pool) throws DocumentReadException {
        try {
            int hint = Math.max(0, in.available());
            int size = (int) Math.min(Math.max(hint, 512L), Math.min(maxBytes + 1, Integer.MAX_VALUE - 16L));
            byte[] buf = pool == null ? new byte[size] : pool.borrowBuffer(size);
            int total = 0;
            while (true) {
                if (total == buf.length) {
                    if (total > maxBytes) {
                        throw tooLarge(source);
                    }
                    int next = in.read();
                    if (next < 0) {
                        return new Bytes(buf, total); // the stream held what it said: no copy
                    }
                    buf = Arrays.copyOf(buf, (int)
                            Math.min((long) total * 2, Math.min(maxBytes + 1, Integer.MAX_VALUE - 16L)));
                    buf[total++] = (byte) next;
                    continue;
                }
                int n = in.read(buf, total, buf.length - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            if (total > maxBytes) {
                throw tooLarge(source);
            }
            return new Bytes(buf, total);
        } catch (DocumentReadException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentReadException(
                    new ReadProblem(ReadProblem.Kind.IO, source, 1, 1, "cannot read: " + e.getMessage()), e);
        }
    }

    private DocumentReadException tooLarge(String source) {
        return new DocumentReadException(new ReadProblem(
                ReadProblem.Kind.TOO_LARGE,
                source,
                1,
                1,
                "document is larger than the reader's limit of " + maxBytes + " bytes"));
    }

    /** A document from the first {@code length} bytes of {@code bytes}. */
    private LibvirtDocument<?> read(byte[] bytes, int length, String source, DocumentKind expected)
            throws DocumentReadException {
        int markLength = TextDecoder.byteOrderMarkLength(bytes, length);
        Charset charset = TextDecoder.charsetOf(bytes, length, source);
        String text = TextDecoder.decode(bytes, length, source, charset, markLength);
        return read(text, source, expected, charset, markLength > 0 ? "\uFEFF" : "");
    }

    LibvirtDocument<?> read(String text, String source, DocumentKind expected) throws DocumentReadException {
        String mark = "";
        if (text.startsWith("\uFEFF")) {
            // a byte order mark decoded as text (Files.readString, a Reader): not content, as when read from bytes
            text = text.substring(1);
            mark = "\uFEFF";
        }
        byte[] head = text.substring(0, Math.min(200, text.length())).getBytes(StandardCharsets.ISO_8859_1);
        return read(text, source, expected, TextDecoder.charsetOf(head, source), mark);
    }

    private LibvirtDocument<?> read(String text, String source, DocumentKind expected, Charset charset, String mark)
            throws DocumentReadException {
        if (text.length() > maxBytes) {
            throw new DocumentReadException(new ReadProblem(
                    ReadProblem.Kind.TOO_LARGE,
                    source,
                    1,
                    1,
                    "document is larger than the reader's limit of " + maxBytes + " characters"));
        }
        SourceText st = new SourceText(text);
        Prolog prolog = Prolog.scan(st, source);
        DocumentKind kind = DocumentKind.forRootElement(prolog.rootName()).orElse(null);
        if (kind == null || (expected != null && kind != expected)) {
            checkWellFormed(text, source); // a broken document is malformed before it is of an unknown kind
            Location at = st.location(prolog.rootOffset());
            String wanted = expected != null
                    ? "<" + expected.rootElement() + ">"
                    : "one of "
                            + java.util.Arrays.stream(DocumentKind.values())
                                    .map(k -> "<" + k.rootElement() + ">")
                                    .collect(java.util.stream.Collectors.joining(", "));
            throw new DocumentReadException(new ReadProblem(
                    ReadProblem.Kind.ROOT_UNKNOWN,
                    source,
                    at.line(),
                    at.column(),
                    "root element is <" + prolog.rootName() + ">, expected " + wanted));
        }
        try {
            PooledReader xr = parsers.borrowReader();
            ModelBuilder builder = new ModelBuilder(
                    kind.rootClass(),
                    kind.rootElement(),
                    st,
                    shared,
                    maxDepth,
                    parsers::newDocument,
                    this::toDom,
                    xr.frames());
            xr.target(builder);
            // no system id: nothing is resolved against it (nothing external is read), problems
            // name the source themselves, and the parser would expand it into a URI per document
            xr.reader().parse(new InputSource(new StringReader(text)));
            parsers.returnReader(xr);
            return LibvirtDocument.read(
                    kind,
                    builder.root(),
                    source,
                    prolog.xmlDeclaration(),
                    builder.comments(),
                    builder.processingInstructions(),
                    builder.recorder().result(charset, mark));
        } catch (SAXParseException e) {
            throw new DocumentReadException(
                    new ReadProblem(
                            e.getMessage() != null && e.getMessage().contains("DOCTYPE")
                                    ? ReadProblem.Kind.UNSAFE
                                    : e.getMessage() != null && e.getMessage().contains("nested deeper")
                                            ? ReadProblem.Kind.TOO_LARGE
                                            : ReadProblem.Kind.MALFORMED,
                            source,
                            Math.max(1, e.getLineNumber()),
                            Math.max(1, e.getColumnNumber()),
                            e.getMessage()),
                    e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DocumentReadException(
                    new ReadProblem(ReadProblem.Kind.MALFORMED, source, 1, 1, String.valueOf(e.getMessage())), e);
        } catch (org.w3c.dom.DOMException e) {
            // a name or value the DOM of kept content refuses: the document is not namespace-well-formed
            throw new DocumentReadException(
                    new ReadProblem(
                            ReadProblem.Kind.MALFORMED, source, 1, 1, "not namespace-well-formed: " + e.getMessage()),
                    e);
        }
    }

    private static void checkWellFormed(String text, String source) throws DocumentReadException {
        try {
            XMLReader xr = SafeXml.newReader();
            org.xml.sax.helpers.DefaultHandler quiet = new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e;
                }
            };
            xr.setContentHandler(quiet);
            xr.setErrorHandler(quiet);
            xr.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new DocumentReadException(
                    new ReadProblem(
                            ReadProblem.Kind.MALFORMED,
                            source,
                            Math.max(1, e.getLineNumber()),
                            Math.max(1, e.getColumnNumber()),
                            e.getMessage()),
                    e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DocumentReadException(
                    new ReadProblem(ReadProblem.Kind.MALFORMED, source, 1, 1, String.valueOf(e.getMessage())), e);
        }
    }

    /** A model element as DOM, to keep an element the model holds once when it occurs again. */
    private Element toDom(ModelElement element, QName name) {
        String xml = DocumentWriter.writeElement(element, name.getNamespaceURI(), name.getLocalPart());
        try {
            javax.xml.parsers.DocumentBuilder b = parsers.borrowBuilder();
            Element e = b.parse(new InputSource(new StringReader(xml))).getDocumentElement();
            parsers.returnBuilder(b);
            return e;
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalStateException("cannot keep a repeated <" + name.getLocalPart() + ">: " + e, e);
        }
    }
}
