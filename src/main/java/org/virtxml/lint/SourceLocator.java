package org.virtxml.lint;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.virtxml.model.Location;

/**
 * Finds where an element starts in a document's text by its path with an index at every step
 * ({@code /domain[1]/devices[1]/foo[2]}). The model gives typed elements their position; content it
 * keeps as DOM (unknown elements) has none, so the linter looks it up here. A light scan of the
 * tags of a document that was already read successfully (so well-formed); built on first use.
 */
final class SourceLocator {

    private final java.util.function.Supplier<String> source;
    private String text;
    private Map<String, Integer> starts;

    SourceLocator(java.util.function.Supplier<String> source) {
        this.source = source;
    }

    SourceLocator(String text) {
        this(() -> text);
    }

    /** The start of the element at {@code fullPath}, when found. */
    Optional<Location> find(String fullPath) {
        if (starts == null) {
            text = source.get();
            starts = scan(text);
        }
        Integer offset = starts.get(fullPath);
        return offset == null ? Optional.empty() : Optional.of(location(offset));
    }

    private Location location(int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Location(line, offset - lineStart + 1);
    }

    private record Open(String path, Map<String, Integer> counts) {
    }

    private static Map<String, Integer> scan(String s) {
        Map<String, Integer> out = new HashMap<>();
        Deque<Open> stack = new ArrayDeque<>();
        Map<String, Integer> topCounts = new HashMap<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int lt = s.indexOf('<', i);
            if (lt < 0 || lt + 1 >= n) {
                break;
            }
            if (s.startsWith("<!--", lt)) {
                i = skipPast(s, lt, "-->");
            } else if (s.startsWith("<![CDATA[", lt)) {
                i = skipPast(s, lt, "]]>");
            } else if (s.startsWith("<?", lt)) {
                i = skipPast(s, lt, "?>");
            } else if (s.charAt(lt + 1) == '!') {
                i = skipPast(s, lt, ">");
            } else if (s.charAt(lt + 1) == '/') {
                if (!stack.isEmpty()) {
                    stack.pop();
                }
                i = skipPast(s, lt, ">");
            } else {
                int j = lt + 1;
                while (j < n && !Character.isWhitespace(s.charAt(j)) && s.charAt(j) != '>' && s.charAt(j) != '/') {
                    j++;
                }
                String qname = s.substring(lt + 1, j);
                String local = qname.substring(qname.indexOf(':') + 1);
                int end = tagEnd(s, j);
                boolean selfClosing = end > 0 && s.charAt(end - 1) == '/';
                Map<String, Integer> counts = stack.isEmpty() ? topCounts : stack.peek().counts();
                int index = counts.merge(local, 1, Integer::sum);
                String path = (stack.isEmpty() ? "" : stack.peek().path()) + "/" + local + "[" + index + "]";
                out.putIfAbsent(path, lt);
                if (!selfClosing) {
                    stack.push(new Open(path, new HashMap<>()));
                }
                i = end + 1;
            }
        }
        return out;
    }

    private static int skipPast(String s, int from, String end) {
        int k = s.indexOf(end, from + 1);
        return k < 0 ? s.length() : k + end.length();
    }

    /** Offset of the {@code >} closing the tag, quotes respected. */
    private static int tagEnd(String s, int from) {
        char quote = 0;
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return k;
            }
        }
        return s.length() - 1;
    }
}
