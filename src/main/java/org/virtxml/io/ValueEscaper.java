package org.virtxml.io;

import java.io.IOException;
import java.io.Writer;
import org.glassfish.jaxb.core.marshaller.CharacterEscapeHandler;

/**
 * Escapes text and attribute values so that reading them back gives the same characters: besides
 * the markup characters, a tab, line feed or carriage return in an attribute value is written as a
 * character reference (a parser turns raw ones into spaces), and a carriage return in text too (a
 * parser turns raw CR LF into LF).
 */
final class ValueEscaper implements CharacterEscapeHandler {
    static final String PROPERTY = "org.glassfish.jaxb.characterEscapeHandler";

    @Override
    public void escape(char[] ch, int start, int length, boolean isAttVal, Writer out) throws IOException {
        int limit = start + length;
        int run = start;
        for (int i = start; i < limit; i++) {
            String replacement = switch (ch[i]) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> isAttVal ? "&quot;" : null;
                case '\r' -> "&#13;";
                case '\n' -> isAttVal ? "&#10;" : null;
                case '\t' -> isAttVal ? "&#9;" : null;
                default -> null;
            };
            if (replacement != null) {
                out.write(ch, run, i - run);
                out.write(replacement);
                run = i + 1;
            }
        }
        out.write(ch, run, limit - run);
    }
}
