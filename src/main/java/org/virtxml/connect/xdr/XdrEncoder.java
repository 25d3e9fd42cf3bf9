package org.virtxml.connect.xdr;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Writes XDR (RFC 4506) big-endian, four-byte aligned values into a growing buffer.
 * Not thread-safe: one encoder builds one message.
 */
public final class XdrEncoder {
    private byte[] buffer;
    private int size;

    public XdrEncoder() {
        this(256);
    }

    public XdrEncoder(int initialCapacity) {
        this.buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** Overwrites four bytes at {@code offset} (already written) with {@code value}. */
    public void patchInt(int offset, int value) {
        if (offset < 0 || offset + 4 > size) {
            throw new IndexOutOfBoundsException("patch at " + offset + " outside " + size + " bytes");
        }
        putInt(offset, value);
    }

    public XdrEncoder writeInt(int value) {
        ensure(4);
        putInt(size, value);
        size += 4;
        return this;
    }

    /** An XDR {@code unsigned int}: 0 to 2^32-1. */
    public XdrEncoder writeUnsignedInt(long value) {
        if (value < 0 || value > 0xFFFF_FFFFL) {
            throw new XdrException("unsigned int out of range: " + value);
        }
        return writeInt((int) value);
    }

    public XdrEncoder writeHyper(long value) {
        writeInt((int) (value >>> 32));
        return writeInt((int) value);
    }

    /** An XDR {@code unsigned hyper}, given as the 64 bits of {@code value} (see {@link Long#toUnsignedString}). */
    public XdrEncoder writeUnsignedHyper(long value) {
        return writeHyper(value);
    }

    public XdrEncoder writeBoolean(boolean value) {
        return writeInt(value ? 1 : 0);
    }

    /** Fixed-length opaque data: exactly {@code length} bytes, then zero padding to four. */
    public XdrEncoder writeFixedOpaque(byte[] data, int length) {
        if (data.length != length) {
            throw new XdrException("fixed opaque needs " + length + " bytes, got " + data.length);
        }
        writeBytesPadded(data);
        return this;
    }

    /** Variable-length opaque data: length, bytes, zero padding. */
    public XdrEncoder writeOpaque(byte[] data, int maxLength) {
        if (data.length > maxLength) {
            throw new XdrException("opaque of " + data.length + " bytes exceeds its limit of " + maxLength);
        }
        writeInt(data.length);
        writeBytesPadded(data);
        return this;
    }

    /** A string, UTF-8 encoded; {@code maxLength} counts bytes as XDR does. */
    public XdrEncoder writeString(String value, int maxLength) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxLength) {
            throw new XdrException("string of " + bytes.length + " bytes exceeds its limit of " + maxLength);
        }
        return writeOpaque(bytes, maxLength);
    }

    /** An optional value ({@code T *} in XDR): a boolean, then the value when present. */
    public <T> XdrEncoder writeOptional(Optional<T> value, BiConsumer<XdrEncoder, T> element) {
        writeBoolean(value.isPresent());
        value.ifPresent(v -> element.accept(this, v));
        return this;
    }

    /** A variable-length array ({@code T name<max>}): count, then each element. */
    public <T> XdrEncoder writeArray(List<T> values, int maxCount, BiConsumer<XdrEncoder, T> element) {
        if (values.size() > maxCount) {
            throw new XdrException("array of " + values.size() + " elements exceeds its limit of " + maxCount);
        }
        writeInt(values.size());
        for (T value : values) {
            element.accept(this, value);
        }
        return this;
    }

    private void writeBytesPadded(byte[] data) {
        int padded = XdrDecoder.padded(data.length);
        ensure(padded);
        System.arraycopy(data, 0, buffer, size, data.length);
        Arrays.fill(buffer, size + data.length, size + padded, (byte) 0);
        size += padded;
    }

    private void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void ensure(int extra) {
        long needed = (long) size + extra;
        if (needed > Integer.MAX_VALUE - 8) {
            throw new XdrException("XDR buffer would exceed 2 GiB");
        }
        if (needed > buffer.length) {
            buffer =
                    Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 8L, buffer.length * 2L)));
        }
    }
}
