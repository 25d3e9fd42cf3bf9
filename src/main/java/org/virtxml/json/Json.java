package org.virtxml.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer: objects, arrays, strings, numbers, booleans and null, written
 * compactly (no insignificant white space) to an {@link Appendable}.
 *
 * <pre>{@code
 * Json.to(out).beginObject().name("files").value(1).endObject();
 * }</pre>
 *
 * The writer checks that calls form one well-formed JSON value (a name only inside an object,
 * a value after each name, balanced begin/end) and throws {@link IllegalStateException} on
 * misuse. I/O failures of the target surface as {@link UncheckedIOException}.
 */
public final class Json {

    private enum Scope {
        TOP,
        OBJECT_EXPECTING_NAME,
        OBJECT_EXPECTING_VALUE,
        ARRAY
    }

    private final Appendable out;
    private final Deque<Scope> scopes = new ArrayDeque<>();
    private final Deque<Boolean> firstInScope = new ArrayDeque<>();
    private boolean topWritten;
    /** The chars of the string being quoted. */
    private char[] scratch = new char[128];

    private Json(Appendable out) {
        this.out = out;
        scopes.push(Scope.TOP);
        firstInScope.push(Boolean.TRUE);
    }

    /** A writer that appends one JSON value to {@code out}. */
    public static Json to(Appendable out) {
        if (out == null) {
            throw new NullPointerException("out");
        }
        return new Json(out);
    }

    /** {@code s} as a JSON string literal, quotes included. */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendQuoted(sb, s);
        return sb.toString();
    }

    public Json beginObject() {
        beforeValue();
        write('{');
        scopes.push(Scope.OBJECT_EXPECTING_NAME);
        firstInScope.push(Boolean.TRUE);
        return this;
    }

    public Json endObject() {
        if (scopes.peek() != Scope.OBJECT_EXPECTING_NAME) {
            throw new IllegalStateException(
                    scopes.peek() == Scope.OBJECT_EXPECTING_VALUE
                            ? "endObject() after a name without its value"
                            : "endObject() outside an object");
        }
        scopes.pop();
        firstInScope.pop();
        write('}');
        return this;
    }

    public Json beginArray() {
        beforeValue();
        write('[');
        scopes.push(Scope.ARRAY);
        firstInScope.push(Boolean.TRUE);
        return this;
    }

    public Json endArray() {
        if (scopes.peek() != Scope.ARRAY) {
            throw new IllegalStateException("endArray() outside an array");
        }
        scopes.pop();
        firstInScope.pop();
        write(']');
        return this;
    }

    /** The name of the next member of the current object. */
    public Json name(String name) {
        if (name == null) {
            throw new NullPointerException("name");
        }
        if (scopes.peek() != Scope.OBJECT_EXPECTING_NAME) {
            throw new IllegalStateException("name(\"" + name + "\") outside an object or twice in a row");
        }
        separator();
        try {
            quoted(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write(':');
        scopes.pop();
        scopes.push(Scope.OBJECT_EXPECTING_VALUE);
        return this;
    }

    /** A string value; {@code null} writes JSON null. */
    public Json value(String s) {
        if (s == null) {
            return nullValue();
        }
        beforeValue();
        try {
            quoted(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public Json value(long n) {
        beforeValue();
        write(Long.toString(n));
        return this;
    }

    /** A finite number; NaN and infinities have no JSON form and are refused. */
    public Json value(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("JSON has no representation for " + d);
        }
        beforeValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            write(Long.toString((long) d));
        } else {
            write(Double.toString(d));
        }
        return this;
    }

    /** A number written exactly as the decimal's plain string; {@code null} writes JSON null. */
    public Json value(BigDecimal n) {
        if (n == null) {
            return nullValue();
        }
        beforeValue();
        write(n.toString());
        return this;
    }

    public Json value(boolean b) {
        beforeValue();
        write(b ? "true" : "false");
        return this;
    }

    public Json nullValue() {
        beforeValue();
        write("null");
        return this;
    }

    /** Shorthand for {@code name(name).value(value)}. */
    public Json member(String name, String value) {
        return name(name).value(value);
    }

    public Json member(String name, long value) {
        return name(name).value(value);
    }

    public Json member(String name, boolean value) {
        return name(name).value(value);
    }

    /** True once one complete top-level value has been written. */
    public boolean complete() {
        return topWritten && scopes.size() == 1;
    }

    private void beforeValue() {
        Scope scope = scopes.peek();
        switch (scope) {
            case TOP -> {
                if (topWritten) {
                    throw new IllegalStateException("a JSON text holds one top-level value");
                }
                topWritten = true;
            }
            case OBJECT_EXPECTING_NAME ->
                throw new IllegalStateException("a value inside an object needs a name first");
            case OBJECT_EXPECTING_VALUE -> {
                scopes.pop();
                scopes.push(Scope.OBJECT_EXPECTING_NAME);
            }
            case ARRAY -> separator();
        }
    }

    private void separator() {
        if (firstInScope.peek()) {
            firstInScope.pop();
            firstInScope.push(Boolean.FALSE);
        } else {
            write(',');
        }
    }

    private void write(char c) {
        try {
            out.append(c);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String s) {
        try {
            out.append(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends {@code s} quoted to this writer's target, scanning a copy of its chars (no per-char checks of the string). */
    private void quoted(String s) throws IOException {
        int n = s.length();
        if (scratch.length < n) {
            scratch = new char[Math.max(n, 2 * scratch.length)];
        }
        char[] chars = scratch;
        s.getChars(0, n, chars, 0);
        int i = 0;
        while (i < n) {
            char c = chars[i];
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                break;
            }
            i++;
        }
        if (i == n) {
            out.append('"').append(s).append('"'); // printable ASCII without a quote or backslash: as is
        } else {
            appendQuoted(out, s, i);
        }
    }

    /** Appends {@code s} quoted, escaping what needs it from {@code from} on (the chars before it need none). */
    private static void appendQuoted(Appendable a, String s, int from) throws IOException {
        a.append('"');
        int runStart = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                continue; // printable ASCII other than the quote and the backslash: as is
            }
            String escape = escapeFor(s, i, c);
            if (escape != null) {
                a.append(s, runStart, i).append(escape);
                runStart = i + 1;
            }
        }
        if (runStart == 0) {
            a.append(s); // nothing escaped (the usual case): the string itself, no copy of a part of it
        } else {
            a.append(s, runStart, s.length());
        }
        a.append('"');
    }

    private static void appendQuoted(StringBuilder sb, String s) {
        try {
            appendQuoted(sb, s, 0);
        } catch (IOException e) {
            throw new AssertionError("StringBuilder does not throw", e);
        }
    }

    /** The escape for the char at {@code i}, or null when it is written as is. */
    private static String escapeFor(String s, int i, char c) {
        switch (c) {
            case '"':
                return "\\\"";
            case '\\':
                return "\\\\";
            case '\n':
                return "\\n";
            case '\r':
                return "\\r";
            case '\t':
                return "\\t";
            case '\b':
                return "\\b";
            case '\f':
                return "\\f";
            default:
                break;
        }
        if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '\u007f') {
            return unicodeEscape(c);
        }
        if (Character.isHighSurrogate(c)) {
            boolean paired = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
            return paired ? null : unicodeEscape(c);
        }
        if (Character.isLowSurrogate(c)) {
            boolean paired = i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
            return paired ? null : unicodeEscape(c);
        }
        return null;
    }

    private static String unicodeEscape(char c) {
        return String.format("\\u%04x", (int) c);
    }
}
