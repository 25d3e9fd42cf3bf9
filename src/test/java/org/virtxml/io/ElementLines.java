package org.virtxml.io;

import org.virtxml.model.Location;

/** Test help: the last line of the element whose start tag begins at a location, found by scanning its text. */
public final class ElementLines {
    private ElementLines() {}

    public static int lastLine(String text, Location start) {
        int offset = 0;
        for (int line = 1; line < start.line(); line++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        offset += start.column() - 1;
        int depth = 0;
        int i = offset;
        while (i < text.length()) {
            if (text.startsWith("<!--", i)) {
                i = text.indexOf("-->", i) + 3;
            } else if (text.startsWith("<![CDATA[", i)) {
                i = text.indexOf("]]>", i) + 3;
            } else if (text.startsWith("<?", i)) {
                i = text.indexOf("?>", i) + 2;
            } else if (text.startsWith("</", i)) {
                i = text.indexOf('>', i) + 1;
                depth--;
            } else if (text.charAt(i) == '<') {
                char quote = 0;
                int j = i + 1;
                for (; j < text.length(); j++) {
                    char c = text.charAt(j);
                    if (quote == 0 && (c == '\'' || c == '"')) {
                        quote = c;
                    } else if (c == quote) {
                        quote = 0;
                    } else if (quote == 0 && c == '>') {
                        break;
                    }
                }
                if (text.charAt(j - 1) != '/') {
                    depth++;
                }
                i = j + 1;
            } else {
                i++;
                continue;
            }
            if (depth == 0) {
                return lineOf(text, i - 1);
            }
        }
        return lineOf(text, text.length());
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int k = 0; k < offset && k < text.length(); k++) {
            if (text.charAt(k) == '\n') {
                line++;
            }
        }
        return line;
    }
}
