package org.virtxml.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The unit suffixes libvirt's {@code virScaleInteger} accepts, each with its factor in bytes.
 *
 * <p>Lookup is case-insensitive, as in libvirt: {@code b}, {@code byte}, {@code bytes} are bytes;
 * one letter ({@code k m g t p e}) or letter + {@code iB} ({@code KiB}, {@code kib}) are powers of
 * 1024 (so {@code k} is 1024, not 1000); letter + {@code B} ({@code KB}, {@code mb}) are powers of
 * 1000. Anything else ({@code Ki}, {@code KiBs}, {@code kbytes}, {@code x}, blanks around the unit)
 * is unknown. An empty or absent unit means the element's default unit and is not a {@code Unit}.
 */
public enum Unit {
    BYTES("bytes", 1L),
    KIB("KiB", 1L << 10),
    KB("KB", 1_000L),
    MIB("MiB", 1L << 20),
    MB("MB", 1_000_000L),
    GIB("GiB", 1L << 30),
    GB("GB", 1_000_000_000L),
    TIB("TiB", 1L << 40),
    TB("TB", 1_000_000_000_000L),
    PIB("PiB", 1L << 50),
    PB("PB", 1_000_000_000_000_000L),
    EIB("EiB", 1L << 60),
    EB("EB", 1_000_000_000_000_000_000L);

    private final String spelling;
    private final long factor;

    Unit(String spelling, long factor) {
        this.spelling = spelling;
        this.factor = factor;
    }

    /** The spelling this library writes ({@code bytes}, {@code KiB}, {@code MB}, ...). */
    public String spelling() {
        return spelling;
    }

    /** Bytes per unit. */
    public long factor() {
        return factor;
    }

    /**
     * The unit libvirt reads for this suffix; empty for an unknown suffix and for {@code null} or
     * {@code ""} (which mean "the element's default unit").
     */
    public static Optional<Unit> lookup(String suffix) {
        if (suffix == null || suffix.isEmpty()) {
            return Optional.empty();
        }
        String lower = suffix.toLowerCase(Locale.ROOT);
        if (!isAscii(suffix)) {
            return Optional.empty();
        }
        if (lower.equals("b") || lower.equals("byte") || lower.equals("bytes")) {
            return Optional.of(BYTES);
        }
        boolean binary;
        if (lower.length() == 1 || lower.substring(1).equals("ib")) {
            binary = true;
        } else if (lower.length() == 2 && lower.charAt(1) == 'b') {
            binary = false;
        } else {
            return Optional.empty();
        }
        return switch (lower.charAt(0)) {
            case 'k' -> Optional.of(binary ? KIB : KB);
            case 'm' -> Optional.of(binary ? MIB : MB);
            case 'g' -> Optional.of(binary ? GIB : GB);
            case 't' -> Optional.of(binary ? TIB : TB);
            case 'p' -> Optional.of(binary ? PIB : PB);
            case 'e' -> Optional.of(binary ? EIB : EB);
            default -> Optional.empty();
        };
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }
}
