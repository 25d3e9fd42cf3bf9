package org.virtxml.io;

import java.util.Map;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;

/**
 * The one explicit normal form ({@code fmt}): libvirt's element order, two-space indentation,
 * single quotes, as {@code virsh dumpxml} prints; comments and processing instructions read
 * between elements stay with the element they preceded (unless dropped on request).
 */
final class Normalizer {
    private Normalizer() {}

    static String write(ModelElement root, boolean xmlDeclaration, SourceMap source, boolean keepComments) {
        DocumentKind kind = DocumentKind.forRootClass(root.getClass())
                .orElseThrow(() -> new IllegalArgumentException(root.getClass().getName() + " is not a document root"));
        StringBuilder out = new StringBuilder(4096);
        if (xmlDeclaration) {
            out.append("<?xml version='1.0' encoding='UTF-8'?>\n");
        }
        Interstitials notes = new Interstitials(source, keepComments);
        for (String n : notes.prolog()) {
            out.append(n).append('\n');
        }
        new ModelWriter(out, Map.of(), '\'', notes).element(root, "", kind.rootElement(), 0);
        out.append('\n');
        for (String n : notes.epilog()) {
            out.append(n).append('\n');
        }
        return out.toString();
    }
}
