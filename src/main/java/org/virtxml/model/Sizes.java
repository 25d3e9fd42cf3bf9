package org.virtxml.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Byte counts as people read them, for messages and descriptions: {@code 4 GiB}, {@code 1.5 GiB},
 * {@code 512 MiB}, {@code 100 bytes}. The one place the SDK turns bytes into such text.
 */
public final class Sizes {

    public static final long KIB = 1024L;
    public static final long MIB = 1024L * KIB;
    public static final long GIB = 1024L * MIB;
    public static final long TIB = 1024L * GIB;

    private static final Unit[] DESCENDING = {Unit.EIB, Unit.PIB, Unit.TIB, Unit.GIB, Unit.MIB, Unit.KIB};

    private Sizes() {}

    /** Largest binary unit that leaves at least 1, at most two decimals (truncated, so a value below a boundary never reads as the boundary), trailing zeros dropped. */
    public static String human(long bytes) {
        for (Unit u : DESCENDING) {
            if (Math.abs(bytes) >= u.factor()) {
                BigDecimal v = BigDecimal.valueOf(bytes)
                        .divide(BigDecimal.valueOf(u.factor()), 2, RoundingMode.DOWN)
                        .stripTrailingZeros();
                return v.toPlainString() + " " + u.spelling();
            }
        }
        return bytes + (bytes == 1 ? " byte" : " bytes");
    }
}
