package org.virtxml.io;

/**
 * Removes the comments and processing instructions (not the XML declaration) from a document's
 * text; one that stood alone on its line takes the line with it. CDATA sections are left alone; a
 * {@code <} elsewhere in text or attribute values is always escaped, so every other {@code <!--}
 * starts a comment.
 */
final class CommentRemoval {
    private CommentRemoval() {}

    static String apply(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (true) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                return out.append(text, i, text.length()).toString();
            }
            int end;
            boolean drop;
            if (text.startsWith("<!--", lt)) {
                end = text.indexOf("-->", lt + 4) + 3;
                drop = true;
            } else if (text.startsWith("<?", lt)) {
                end = text.indexOf("?>", lt + 2) + 2;
                drop = !text.startsWith("<?xml ", lt);
            } else if (text.startsWith("<![CDATA[", lt)) {
                end = text.indexOf("]]>", lt) + 3;
                drop = false;
            } else {
                end = lt + 1;
                drop = false;
            }
            if (!drop) {
                out.append(text, i, end);
                i = end;
                continue;
            }
            out.append(text, i, lt);
            int lineStart = out.length();
            while (lineStart > 0 && (out.charAt(lineStart - 1) == ' ' || out.charAt(lineStart - 1) == '\t')) {
                lineStart--;
            }
            int after = end;
            while (after < text.length() && (text.charAt(after) == ' ' || text.charAt(after) == '\t')) {
                after++;
            }
            boolean aloneOnLine = (lineStart == 0 || out.charAt(lineStart - 1) == '\n')
                    && (after == text.length() || text.charAt(after) == '\n' || text.charAt(after) == '\r');
            if (aloneOnLine) {
                out.setLength(lineStart);
                end = after < text.length() ? text.indexOf('\n', after) + 1 : after;
            }
            i = end;
        }
    }
}
