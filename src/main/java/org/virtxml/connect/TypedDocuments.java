package org.virtxml.connect;

import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;

/** Turns the XML a daemon sends into typed documents. */
final class TypedDocuments {
    private TypedDocuments() {}

    @SuppressWarnings("unchecked")
    static <T extends ModelElement> LibvirtDocument<T> parse(String xml, String source, DocumentKind kind) {
        try {
            LibvirtDocument<?> doc = LibvirtXml.defaults().read(xml, source);
            if (doc.kind() != kind) {
                throw new ProtocolViolationException(source + ": expected a " + kind.rootElement() + " document, got "
                        + doc.kind().rootElement());
            }
            return (LibvirtDocument<T>) doc;
        } catch (DocumentReadException e) {
            throw new ProtocolViolationException("the daemon sent XML that cannot be read: " + e.getMessage());
        }
    }
}
