package org.virtxml.io;

import org.virtxml.model.Location;

/**
 * What stands before a document's root element: whether it has an XML declaration, and the root
 * element's name. A DOCTYPE or entity declaration is refused here, before any parser sees it.
 */
record Prolog(boolean xmlDeclaration, String rootName, int rootOffset) {

    static Prolog scan(SourceText source, String sourceName) throws DocumentReadException {
        String t = source.text();
        int i = 0;
        boolean decl = false;
        while (i < t.length()) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                i++;
            } else if (t.startsWith("<?", i)) {
                decl |= i == 0 || t.startsWith("<?xml ", i) || t.startsWith("<?xml?", i);
                int end = t.indexOf("?>", i + 2);
                i = end < 0 ? t.length() : end + 2;
            } else if (t.startsWith("<!--", i)) {
                int end = t.indexOf("-->", i + 4);
                i = end < 0 ? t.length() : end + 3;
            } else if (t.startsWith("<!", i)) {
                Location at = source.location(i);
                throw new DocumentReadException(new ReadProblem(
                        ReadProblem.Kind.UNSAFE,
                        sourceName,
                        at.line(),
                        at.column(),
                        "DOCTYPE and entity declarations are refused; DTDs and entities are never loaded or expanded"));
            } else if (c == '<') {
                int j = i + 1;
                while (j < t.length()
                        && !Character.isWhitespace(t.charAt(j))
                        && t.charAt(j) != '>'
                        && t.charAt(j) != '/') {
                    j++;
                }
                return new Prolog(decl, t.substring(i + 1, j), i);
            } else {
                break;
            }
        }
        Location at = source.location(Math.min(i, t.length()));
        throw new DocumentReadException(new ReadProblem(
                ReadProblem.Kind.MALFORMED,
                sourceName,
                at.line(),
                at.column(),
                i < t.length()
                        ? "content is not allowed before the root element"
                        : t.isBlank() ? "the document is empty" : "the document has no root element"));
    }
}
