package org.virtxml.io;

import jakarta.xml.bind.JAXBElement;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.UnmarshallerHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.transform.dom.DOMResult;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.Location;
import org.virtxml.model.ModelElement;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/** The reading pipeline: limited bytes → strict decoding → prolog check → safe SAX → JAXB. */
final class DocumentReader {
    private final ModelContexts contexts;
    private final long maxBytes;
    private final int maxDepth;

    DocumentReader(ModelContexts contexts, long maxBytes, int maxDepth) {
        this.contexts = contexts;
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
    }

    byte[] readLimited(InputStream in, String source) throws DocumentReadException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[65536];
            long total = 0;
            for (int n; (n = in.read(buf)) > 0; ) {
                total += n;
                if (total > maxBytes) {
                    throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.TOO_LARGE, source, 1, 1,
                            "document is larger than the reader's limit of " + maxBytes + " bytes"));
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DocumentReadException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.IO, source, 1, 1,
                    "cannot read: " + e.getMessage()), e);
        }
    }

    LibvirtDocument<?> read(byte[] bytes, String source, DocumentKind expected) throws DocumentReadException {
        return read(TextDecoder.decode(bytes, source), source, expected);
    }

    LibvirtDocument<?> read(String text, String source, DocumentKind expected) throws DocumentReadException {
        if (text.startsWith("\uFEFF")) {
            // a byte order mark decoded as text (Files.readString, a Reader): not content, as when read from bytes
            text = text.substring(1);
        }
        if (text.length() > maxBytes) {
            throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.TOO_LARGE, source, 1, 1,
                    "document is larger than the reader's limit of " + maxBytes + " characters"));
        }
        SourceText st = new SourceText(text);
        Prolog prolog = Prolog.scan(st, source);
        DocumentKind kind = DocumentKind.forRootElement(prolog.rootName()).orElse(null);
        if (kind == null || (expected != null && kind != expected)) {
            checkWellFormed(text, source); // a broken document is malformed before it is of an unknown kind
            Location at = st.location(prolog.rootOffset());
            String wanted = expected != null ? "<" + expected.rootElement() + ">"
                    : "one of <domain>, <pool>, <volume>, <capabilities>";
            throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.ROOT_UNKNOWN, source, at.line(), at.column(),
                    "root element <" + prolog.rootName() + "> is not " + wanted));
        }
        try {
            Unmarshaller u = contexts.of(kind).createUnmarshaller();
            Marshaller m = contexts.of(kind).createMarshaller();
            UnmarshallerHandler handler = u.getUnmarshallerHandler();
            ElementTracker tracker = new ElementTracker(handler, st, maxDepth, (el, name) -> toDom(m, el, name));
            u.setListener(tracker);
            XMLReader xr = safeReader();
            xr.setContentHandler(tracker);
            xr.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(SAXParseException e) throws SAXException {
                    throw e; // reported by the caller, never printed by the parser
                }

                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            xr.setProperty("http://xml.org/sax/properties/lexical-handler", tracker);
            InputSource is = new InputSource(new StringReader(text));
            is.setSystemId(source);
            xr.parse(is);
            Object result = handler.getResult();
            if (result instanceof JAXBElement<?> je) {
                result = je.getValue();
            }
            ModelElement root = (ModelElement) result;
            return LibvirtDocument.read(kind, root, source, prolog.xmlDeclaration(),
                    tracker.comments(), tracker.processingInstructions());
        } catch (SAXParseException e) {
            throw new DocumentReadException(new ReadProblem(
                    e.getMessage() != null && e.getMessage().contains("DOCTYPE") ? ReadProblem.Kind.UNSAFE
                            : e.getMessage() != null && e.getMessage().contains("nested deeper") ? ReadProblem.Kind.TOO_LARGE
                            : ReadProblem.Kind.MALFORMED,
                    source, Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber()), e.getMessage()), e);
        } catch (SAXException | IOException | JAXBException | ParserConfigurationException e) {
            throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.MALFORMED, source, 1, 1,
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static void checkWellFormed(String text, String source) throws DocumentReadException {
        try {
            XMLReader xr = safeReader();
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
            throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.MALFORMED, source,
                    Math.max(1, e.getLineNumber()), Math.max(1, e.getColumnNumber()), e.getMessage()), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.MALFORMED, source, 1, 1,
                    String.valueOf(e.getMessage())), e);
        }
    }

    private static Element toDom(Marshaller m, ModelElement element, String name) {
        try {
            DOMResult r = new DOMResult();
            @SuppressWarnings({"unchecked", "rawtypes"})
            JAXBElement<?> je = new JAXBElement(new QName(name), element.getClass(), element);
            m.marshal(je, r);
            return ((Document) r.getNode()).getDocumentElement();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot keep a repeated <" + name + ">: " + e, e);
        }
    }

    /** A SAX reader that refuses DTDs and never fetches or expands anything external. */
    static XMLReader safeReader() throws ParserConfigurationException, SAXException {
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
}
