package org.virtxml.io;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.ParserConfigurationException;
import org.virtxml.dom.DomEquivalence;
import org.virtxml.dom.Loss;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Compares a document that was read with the document written back from it, under the lossless
 * contract (spec/lossless.md): same elements by namespace URI and local name, same attributes
 * with the same value strings, same trimmed text, same order among same-named siblings. Prefixes,
 * the interleaving of differently named siblings, attribute order, white space between elements,
 * comments and processing instructions do not matter.
 *
 * <p>Documents must have been parsed namespace-aware.
 */
public final class LosslessCheck {

    /** The most losses one comparison reports; the list stops there. */
    public static final int MAX_LOSSES = 100;

    private LosslessCheck() {}

    /** The differences between {@code input} and {@code output}, at most {@link #MAX_LOSSES}; empty when lossless. */
    public static List<Loss> compare(Document input, Document output) {
        return compare(input, output, MAX_LOSSES);
    }

    /** The differences between {@code input} and {@code output}, at most {@code maxLosses}; empty when lossless. */
    public static List<Loss> compare(Document input, Document output, int maxLosses) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        return compare(root(input, "input"), root(output, "output"), maxLosses);
    }

    /** The differences between two element trees, at most {@code maxLosses}; paths start at {@code input}. */
    public static List<Loss> compare(Element input, Element output, int maxLosses) {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(output, "output");
        return DomEquivalence.losses(input, output, maxLosses);
    }

    /**
     * Parses both texts safely (no DTDs, no external entities or schemas) and compares them.
     *
     * @throws IllegalArgumentException when either text is not well-formed XML or declares a
     *                                  DOCTYPE; the message names which one, the line and the column
     */
    public static List<Loss> compare(String inputXml, String outputXml) {
        Objects.requireNonNull(inputXml, "inputXml");
        Objects.requireNonNull(outputXml, "outputXml");
        return compare(parse(inputXml, "input"), parse(outputXml, "output"));
    }

    private static Element root(Document document, String which) {
        Element root = document.getDocumentElement();
        if (root == null) {
            throw new IllegalArgumentException(which + " document has no root element");
        }
        return root;
    }

    private static Document parse(String xml, String which) {
        DocumentBuilder builder;
        try {
            builder = SafeXml.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser does not support safe parsing: " + e.getMessage(), e);
        }
        builder.setErrorHandler(new FailingErrorHandler());
        builder.setEntityResolver((publicId, systemId) -> {
            throw new SAXException("external entity refused: " + systemId);
        });
        try {
            return builder.parse(new InputSource(new StringReader(xml)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(which + " is not acceptable XML at line " + e.getLineNumber()
                    + ", column " + e.getColumnNumber() + ": " + e.getMessage());
        } catch (SAXException e) {
            throw new IllegalArgumentException(which + " is not acceptable XML: " + e.getMessage());
        } catch (IOException e) {
            throw new IllegalStateException("reading from a string failed: " + e.getMessage(), e);
        }
    }

    /** Turns every parser warning and error into a failure, and keeps the parser from printing to stderr. */
    private static final class FailingErrorHandler implements ErrorHandler {
        @Override
        public void warning(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    }
}
