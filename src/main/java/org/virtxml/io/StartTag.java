package org.virtxml.io;

import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a start tag the parser has already checked: its name and its attributes as written,
 * so that an unchanged attribute can be copied and a changed one rewritten in its own quotes.
 */
record StartTag(String qualifiedName, int nameEnd, List<RawAttribute> attributes, int tailStart, boolean selfClosing) {

    /** Scans the well-formed start tag starting at {@code start} (its {@code <}) and ending before {@code end}. */
    static StartTag scan(String text, int start, int end) {
        int i = start + 1;
        while (i < end && !isSpace(text.charAt(i)) && text.charAt(i) != '>' && text.charAt(i) != '/') {
            i++;
        }
        String name = text.substring(start + 1, i);
        int nameEnd = i;
        List<RawAttribute> attributes = new ArrayList<>(4);
        int tail = i;
        while (true) {
            int lead = i;
            while (i < end && isSpace(text.charAt(i))) {
                i++;
            }
            char c = i < end ? text.charAt(i) : '>';
            if (c == '>' || c == '/') {
                tail = lead;
                break;
            }
            int nameStart = i;
            while (i < end && text.charAt(i) != '=' && !isSpace(text.charAt(i))) {
                i++;
            }
            String attributeName = text.substring(nameStart, i);
            while (i < end && text.charAt(i) != '\'' && text.charAt(i) != '"') {
                i++;
            }
            char quote = text.charAt(i);
            int valueStart = i + 1;
            int valueEnd = text.indexOf(quote, valueStart);
            attributes.add(new RawAttribute(attributeName, lead, valueStart, valueEnd, valueEnd + 1, quote));
            i = valueEnd + 1;
        }
        return new StartTag(name, nameEnd, List.copyOf(attributes), tail, text.charAt(end - 2) == '/');
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
