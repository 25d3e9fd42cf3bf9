package org.virtxml.io;

/**
 * Text made safe for a terminal: a document's values (a title, a name, a file name) reach the
 * person reading the output, and a raw control character there could move the cursor, retitle
 * or clear the terminal. Control characters (C0, DEL, C1) and the bidirectional overrides that
 * reorder what is shown are written as escapes: {@code \n}, {@code \r}, {@code \t} by name,
 * others as {@code \xNN}, or a backslash, {@code u} and four hex digits. Everything else is kept.
 */
public final class TerminalText {

    private TerminalText() {}

    /** The text with every control character written as an escape; the text itself when it has none. */
    public static String escape(String s) {
        int first = firstUnsafe(s);
        if (first < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!unsafe(c)) {
                sb.append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x100) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(String.format("\\u%04x", (int) c));
            }
        }
        return sb.toString();
    }

    /** Text of several lines: each line escaped, the line feeds between them kept. */
    public static String escapeLines(String s) {
        if (isSafe(s.replace("\n", ""))) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        int from = 0;
        for (int nl; (nl = s.indexOf('\n', from)) >= 0; from = nl + 1) {
            sb.append(escape(s.substring(from, nl))).append('\n');
        }
        return sb.append(escape(s.substring(from))).toString();
    }

    /** Whether the text holds a character {@link #escape} would change. */
    public static boolean isSafe(String s) {
        return firstUnsafe(s) < 0;
    }

    private static int firstUnsafe(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (unsafe(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean unsafe(char c) {
        return c < 0x20
                || (c >= 0x7F && c <= 0x9F)
                || (c >= '\u202A' && c <= '\u202E')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
