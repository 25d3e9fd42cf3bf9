package org.virtxml.model;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A UUID exactly as written ({@code <uuid>}, {@code <hwuuid>}, {@code <genid>}, pool UUIDs).
 *
 * <p>Validity follows libvirt's {@code virUUIDParse}: leading and trailing ASCII white space is
 * allowed; in between there must be exactly 32 hex digits (either case), read as 16 byte pairs;
 * any number of {@code -} or {@code ' '} may appear before a pair but never inside one
 * ({@code c7-a5-fdbd-...} is valid, {@code c7a5fdb-d...} is not); after the 16th pair only white
 * space may follow (so a trailing {@code -} is rejected). Hyphen-less UUIDs are valid. Braces,
 * {@code urn:uuid:} prefixes and 31 or 33 digits are rejected.
 *
 * <p>An empty text is invalid here; note that libvirt treats an <em>empty</em> {@code <uuid/>}
 * element like an absent one and generates a UUID ({@link #isEmpty()}).
 *
 * <p>Equality is on the exact text; {@link #sameValueAs(Uuid)} compares the 16 bytes.
 */
public final class Uuid extends TextValue<byte[]> {

    private static final HexFormat HEX = HexFormat.of();

    private Uuid(String text, byte[] bytes) {
        super(text, bytes);
    }

    /** Keeps any text; never throws. Invalid text is reported by {@link #problem()}. */
    public static Uuid of(String text) {
        Objects.requireNonNull(text, "text");
        return new Uuid(text, parseBytes(text));
    }

    /** Like {@link #of(String)} but throws {@link IllegalArgumentException} for invalid text. */
    public static Uuid parse(String text) {
        return withoutProblem(of(text));
    }

    /** The given 16 bytes in canonical form. */
    public static Uuid ofBytes(byte[] bytes) {
        if (bytes.length != 16) {
            throw new IllegalArgumentException("a UUID has 16 bytes, not " + bytes.length);
        }
        return of(format(bytes));
    }

    /** The given Java UUID in canonical form. */
    public static Uuid of(UUID uuid) {
        return of(uuid.toString());
    }

    /**
     * A random version 4 UUID, as libvirt's {@code virUUIDGenerate} makes: 16 random bytes with
     * the version nibble set to 4 and the variant bits to {@code 10}.
     */
    public static Uuid randomV4(RandomGenerator random) {
        byte[] b = new byte[16];
        random.nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0F) | 0x40);
        b[8] = (byte) ((b[8] & 0x3F) | 0x80);
        return ofBytes(b);
    }

    /** {@link #randomV4(RandomGenerator)} with a {@link SecureRandom}. */
    public static Uuid randomV4() {
        return randomV4(Holder.RANDOM);
    }

    private static final class Holder {
        static final SecureRandom RANDOM = new SecureRandom();
    }

    private static byte[] parseBytes(String s) {
        int i = CNumber.skipSpaces(s, 0);
        byte[] out = new byte[16];
        int n = 0;
        while (n < 16) {
            if (i >= s.length()) {
                return null;
            }
            char c = s.charAt(i);
            if (c == '-' || c == ' ') {
                i++;
                continue;
            }
            if (i + 1 >= s.length()) {
                return null;
            }
            int hi = CNumber.hexValue(c);
            int lo = CNumber.hexValue(s.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[n++] = (byte) (hi * 16 + lo);
            i += 2;
        }
        if (CNumber.skipSpaces(s, i) != s.length()) {
            return null;
        }
        return out;
    }

    private static String format(byte[] b) {
        String h = HEX.formatHex(b);
        return h.substring(0, 8)
                + '-'
                + h.substring(8, 12)
                + '-'
                + h.substring(12, 16)
                + '-'
                + h.substring(16, 20)
                + '-'
                + h.substring(20);
    }

    public boolean isValid() {
        return read() != null;
    }

    /** Whether the text is empty (libvirt then generates a UUID, as for a missing element). */
    public boolean isEmpty() {
        return text().isEmpty();
    }

    /** {@code uuid-invalid} when libvirt cannot parse the text. */
    @Override
    public Optional<ValueProblem> problem() {
        if (isValid()) {
            return Optional.empty();
        }
        return Optional.of(new ValueProblem(
                ValueProblem.UUID_INVALID,
                "malformed uuid element: '" + text()
                        + "' is not 32 hex digits with '-' or ' ' only between byte pairs"));
    }

    /**
     * The 16 bytes (a copy).
     *
     * @throws IllegalStateException when invalid
     */
    public byte[] bytes() {
        return requireRead().clone();
    }

    /**
     * The canonical form libvirt writes back ({@code virUUIDFormat}): lower case, 8-4-4-4-12.
     *
     * @throws IllegalStateException when invalid
     */
    public String canonical() {
        return format(requireRead());
    }

    /** Whether the text is exactly the canonical form (false when invalid). */
    public boolean isCanonical() {
        return isValid() && text().equals(format(read()));
    }

    /**
     * Whether version and variant bits are those of an RFC 4122 UUID: variant {@code 10} and
     * version 1 to 5 (false when invalid). libvirt does not check this on input; it generates
     * version 4.
     */
    public boolean isRfc4122() {
        byte[] bytes = read();
        if (bytes == null) {
            return false;
        }
        int version = (bytes[6] >> 4) & 0x0F;
        int variant = (bytes[8] >> 6) & 0x03;
        return variant == 0b10 && version >= 1 && version <= 5;
    }

    /**
     * Whether all 16 bytes are equal ({@code 000...0}, {@code fff...f}): accepted by libvirt for
     * domains and pools, rejected only as a host UUID (false when invalid).
     */
    public boolean hasIdenticalBytes() {
        byte[] bytes = read();
        if (bytes == null) {
            return false;
        }
        for (byte b : bytes) {
            if (b != bytes[0]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The same UUID as a {@link UUID}.
     *
     * @throws IllegalStateException when invalid
     */
    public UUID toJavaUuid() {
        byte[] b = requireRead();
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 8; i++) {
            msb = (msb << 8) | (b[i] & 0xFF);
            lsb = (lsb << 8) | (b[i + 8] & 0xFF);
        }
        return new UUID(msb, lsb);
    }

    private static final Pattern SCHEMA =
            Pattern.compile("[a-fA-F0-9]{32}|[a-fA-F0-9]{8}-([a-fA-F0-9]{4}-){3}[a-fA-F0-9]{12}");

    /**
     * Whether libvirt's RELAX NG schema ({@code basictypes.rng UUID}) accepts the text: 32 hex
     * digits, plain or 8-4-4-4-12, no blanks. Stricter than the C parser.
     */
    public boolean matchesSchema() {
        return textMatches(SCHEMA);
    }

    /**
     * Whether both denote the same 16 bytes ({@code C7A5FDBD...} and {@code c7a5fdbd-...});
     * invalid texts are only the same value as the same text.
     */
    public boolean sameValueAs(Uuid other) {
        return sameReadAs(other);
    }
}
