package org.virtxml.io;

/**
 * One attribute as written in a start tag: its qualified name, where it stands (from the white
 * space before its name to just after its closing quote), the quote character and the raw value
 * text between the quotes (character and entity references as written).
 */
record RawAttribute(String qualifiedName, int leadStart, int valueStart, int valueEnd, int end, char quote) {

    boolean isNamespaceDeclaration() {
        return qualifiedName.equals("xmlns") || qualifiedName.startsWith("xmlns:");
    }

    /** The prefix a namespace declaration binds ("" for the default namespace). */
    String declaredPrefix() {
        return qualifiedName.equals("xmlns") ? "" : qualifiedName.substring(6);
    }

    String prefix() {
        int colon = qualifiedName.indexOf(':');
        return colon > 0 ? qualifiedName.substring(0, colon) : "";
    }

    String localName() {
        return qualifiedName.substring(qualifiedName.indexOf(':') + 1);
    }
}
