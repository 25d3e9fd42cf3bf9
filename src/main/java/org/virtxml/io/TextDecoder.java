package org.virtxml.io;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtxml.model.Location;

/**
 * Decodes a document's bytes strictly: the encoding from its byte order mark or XML declaration
 * (UTF-8 when neither says), and an invalid byte sequence is an error at its line and column,
 * never a replacement character.
 */
public final class TextDecoder {
    private static final Pattern DECLARED =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z][A-Za-z0-9._-]*)[\"']");

    private TextDecoder() {}

    /** The document's text, decoded as the reader decodes it; invalid bytes are an error at their position. */
    public static String decode(byte[] bytes, String source) throws DocumentReadException {
        int length = bytes.length;
        return decode(bytes, length, source, charsetOf(bytes, length, source), byteOrderMarkLength(bytes, length));
    }

    /** The length of the byte order mark the first {@code length} bytes start with (0 when none). */
    static int byteOrderMarkLength(byte[] bytes, int length) {
        Charset cs = byOrderMark(bytes, length);
        return cs == null ? 0 : cs == StandardCharsets.UTF_8 ? 3 : 2;
    }

    /** The encoding the bytes are read in: from the byte order mark, else the declaration, else UTF-8. */
    static Charset charsetOf(byte[] bytes, String source) throws DocumentReadException {
        return charsetOf(bytes, bytes.length, source);
    }

    static Charset charsetOf(byte[] bytes, int length, String source) throws DocumentReadException {
        Charset bom = byOrderMark(bytes, length);
        return bom != null ? bom : declared(bytes, length, source);
    }

    private static Charset byOrderMark(byte[] bytes, int length) {
        if (length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        } else if (length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        } else if (length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    /**
     * The first {@code length} bytes of a buffer decoded in {@code cs} ({@link #charsetOf}), after a
     * byte order mark of {@code skip} bytes ({@link #byteOrderMarkLength}).
     */
    static String decode(byte[] bytes, int length, String source, Charset cs, int skip) throws DocumentReadException {
        if (cs == StandardCharsets.UTF_8 || cs == StandardCharsets.US_ASCII || cs == StandardCharsets.ISO_8859_1) {
            // the common case: ASCII reads the same in all three. The JDK's UTF-8 decoding checks for
            // ASCII in bulk and then copies once; as many characters as bytes and no replacement
            // character means every byte was ASCII (a longer sequence gives fewer characters, a
            // malformed byte gives U+FFFD): otherwise the strict decoder below decides.
            String ascii = new String(bytes, skip, length - skip, StandardCharsets.UTF_8);
            if (ascii.length() == length - skip && ascii.indexOf('\uFFFD') < 0) {
                return ascii;
            }
        }
        CharsetDecoder decoder = cs.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, length - skip);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16L, (long) length + 16));
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            String prefix = out.flip().toString();
            Location at = new SourceText(prefix).location(prefix.length());
            throw new DocumentReadException(new ReadProblem(
                    ReadProblem.Kind.MALFORMED,
                    source,
                    at.line(),
                    at.column(),
                    "invalid " + cs.name() + " byte sequence (byte offset " + in.position() + ")"));
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    private static boolean startsWithDeclaration(byte[] bytes, int length) {
        byte[] open = {'<', '?', 'x', 'm', 'l'};
        if (length < open.length) {
            return false;
        }
        for (int i = 0; i < open.length; i++) {
            if (bytes[i] != open[i]) {
                return false;
            }
        }
        return true;
    }

    private static Charset declared(byte[] bytes, int length, String source) throws DocumentReadException {
        if (!startsWithDeclaration(bytes, length)) {
            return StandardCharsets.UTF_8; // no declaration (DECLARED is anchored there): nothing to match
        }
        String head = new String(bytes, 0, Math.min(length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = DECLARED.matcher(head);
        if (!m.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(m.group(1));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new DocumentReadException(new ReadProblem(
                    ReadProblem.Kind.MALFORMED,
                    source,
                    1,
                    m.start(1) + 1,
                    "unsupported encoding '" + m.group(1) + "'"));
        }
    }
}
