package org.virtxml.io;

import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import java.io.StringWriter;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;

/** Writes a model root as indented XML, exactly the values it holds, nothing added. */
final class DocumentWriter {
    private final ModelContexts contexts;

    DocumentWriter(ModelContexts contexts) {
        this.contexts = contexts;
    }

    String write(ModelElement root, boolean xmlDeclaration) {
        DocumentKind kind = DocumentKind.forRootClass(root.getClass())
                .orElseThrow(() -> new IllegalArgumentException(root.getClass().getName() + " is not a document root"));
        try {
            Marshaller m = contexts.of(kind).createMarshaller();
            m.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, Boolean.TRUE);
            m.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE);
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            m.setProperty("org.glassfish.jaxb.indentString", "  ");
            m.setProperty("org.glassfish.jaxb.namespacePrefixMapper", LibvirtPrefixes.MAPPER);
            m.setProperty(ValueEscaper.PROPERTY, new ValueEscaper());
            StringWriter w = new StringWriter();
            if (xmlDeclaration) {
                w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            }
            StringWriter body = new StringWriter();
            m.marshal(root, body);
            w.write(LibvirtPrefixes.dropUnusedRootDeclarations(body.toString()));
            w.write('\n');
            return w.toString();
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write the " + kind.rootElement() + " document: " + e, e);
        }
    }
}
