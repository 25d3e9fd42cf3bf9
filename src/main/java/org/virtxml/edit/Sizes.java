package org.virtxml.edit;

import org.virtxml.model.Unit;

/** Byte counts shown as people read them: {@code 2 GiB}, {@code 512 MiB}, {@code 1.5 GiB}. */
final class Sizes {
    private static final Unit[] DESCENDING = {Unit.EIB, Unit.PIB, Unit.TIB, Unit.GIB, Unit.MIB, Unit.KIB};

    private Sizes() {}

    static String human(long bytes) {
        for (Unit u : DESCENDING) {
            if (bytes >= u.factor() && bytes % u.factor() == 0) {
                return bytes / u.factor() + " " + u.spelling();
            }
        }
        for (Unit u : DESCENDING) {
            if (bytes >= u.factor()) {
                return String.format(java.util.Locale.ROOT, "%.1f %s", (double) bytes / u.factor(), u.spelling());
            }
        }
        return bytes + " bytes";
    }
}
