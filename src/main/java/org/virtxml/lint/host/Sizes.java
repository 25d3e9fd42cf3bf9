package org.virtxml.lint.host;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Byte counts for messages: {@code 4 GiB}, {@code 1.5 GiB}, {@code 512 MiB}, {@code 100 bytes}. */
public final class Sizes {

    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;
    public static final long GIB = 1024L * MIB;
    public static final long TIB = 1024L * GIB;

    private Sizes() {
    }

    /** Largest binary unit that leaves at least 1, at most two decimals (truncated, so a value below a boundary never reads as the boundary), trailing zeros dropped. */
    public static String human(long bytes) {
        long[] scales = {TIB, GIB, MIB, KIB};
        String[] names = {"TiB", "GiB", "MiB", "KiB"};
        for (int i = 0; i < scales.length; i++) {
            if (Math.abs(bytes) >= scales[i]) {
                BigDecimal v = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(scales[i]), 2, RoundingMode.DOWN)
                        .stripTrailingZeros();
                return v.toPlainString() + " " + names[i];
            }
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }
}
