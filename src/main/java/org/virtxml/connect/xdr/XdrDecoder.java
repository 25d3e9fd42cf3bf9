package org.virtxml.connect.xdr;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads XDR (RFC 4506) values from a byte array. Every read checks bounds, declared lengths
 * against their limits, padding (must be zero) and booleans (must be 0 or 1), so that bytes
 * that are not what the protocol says fail with an {@link XdrException} instead of a wrong value.
 */
public final class XdrDecoder {
    private final byte[] data;
    private final int end;
    private int position;

    public XdrDecoder(byte[] data) {
        this(data, 0, data.length);
    }

    public XdrDecoder(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IndexOutOfBoundsException("slice " + offset + "+" + length + " of " + data.length);
        }
        this.data = data;
        this.position = offset;
        this.end = offset + length;
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    public int remaining() {
        return end - position;
    }

    /** Fails unless every byte was consumed: trailing bytes mean the reply was not what was expected. */
    public void requireFullyConsumed() {
        if (position != end) {
            throw new XdrException(remaining() + " unexpected trailing bytes");
        }
    }

    public int readInt() {
        need(4, "int");
        int value = ((data[position] & 0xFF) << 24)
                | ((data[position + 1] & 0xFF) << 16)
                | ((data[position + 2] & 0xFF) << 8)
                | (data[position + 3] & 0xFF);
        position += 4;
        return value;
    }

    public long readUnsignedInt() {
        return readInt() & 0xFFFF_FFFFL;
    }

    public long readHyper() {
        long high = readInt();
        long low = readInt() & 0xFFFF_FFFFL;
        return (high << 32) | low;
    }

    /** An {@code unsigned hyper} as its 64 bits (use {@link Long#toUnsignedString} to print it). */
    public long readUnsignedHyper() {
        return readHyper();
    }

    public boolean readBoolean() {
        int value = readInt();
        if (value != 0 && value != 1) {
            throw new XdrException("boolean must be 0 or 1, got " + value);
        }
        return value == 1;
    }

    public byte[] readFixedOpaque(int length) {
        return readPadded(length);
    }

    public byte[] readOpaque(int maxLength) {
        int length = readLength(maxLength, "opaque");
        return readPadded(length);
    }

    /** A string; its bytes must be valid UTF-8. */
    public String readString(int maxLength) {
        byte[] bytes = readOpaque(maxLength);
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new XdrException("string is not valid UTF-8");
        }
    }

    public <T> Optional<T> readOptional(Function<XdrDecoder, T> element) {
        return readBoolean() ? Optional.of(element.apply(this)) : Optional.empty();
    }

    public <T> List<T> readArray(int maxCount, Function<XdrDecoder, T> element) {
        int count = readLength(maxCount, "array");
        List<T> values = new ArrayList<>(Math.min(count, 1024));
        for (int i = 0; i < count; i++) {
            values.add(element.apply(this));
        }
        return List.copyOf(values);
    }

    private int readLength(int max, String what) {
        long length = readUnsignedInt();
        if (length > max) {
            throw new XdrException(what + " length " + length + " exceeds its limit of " + max);
        }
        return (int) length;
    }

    private byte[] readPadded(int length) {
        int padded = padded(length);
        need(padded, "opaque of " + length + " bytes");
        byte[] value = Arrays.copyOfRange(data, position, position + length);
        for (int i = position + length; i < position + padded; i++) {
            if (data[i] != 0) {
                throw new XdrException("non-zero padding byte after opaque of " + length + " bytes");
            }
        }
        position += padded;
        return value;
    }

    private void need(int bytes, String what) {
        if (bytes < 0 || bytes > end - position) {
            throw new XdrException("truncated: " + what + " needs " + bytes + " bytes, " + remaining() + " left");
        }
    }
}
