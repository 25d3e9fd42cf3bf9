package org.virtxml.io;

import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;

/** Writes a model root as indented XML, exactly the values it holds, nothing added. */
final class DocumentWriter {
    private DocumentWriter() {}

    static String write(ModelElement root, boolean xmlDeclaration) {
        DocumentKind kind = DocumentKind.forRootClass(root.getClass())
                .orElseThrow(() -> new IllegalArgumentException(root.getClass().getName() + " is not a document root"));
        StringBuilder out = new StringBuilder(4096);
        if (xmlDeclaration) {
            out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        new ModelWriter(out).element(root, "", kind.rootElement(), 0);
        return out.append('\n').toString();
    }

    /** One model element under the given name, as XML text (for keeping it as DOM). */
    static String writeElement(ModelElement element, String namespace, String localName) {
        StringBuilder out = new StringBuilder(256);
        new ModelWriter(out).element(element, namespace, localName, 0);
        return out.toString();
    }
}
