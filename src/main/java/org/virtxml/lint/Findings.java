package org.virtxml.lint;

import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.facts.Origin;

/** Builds diagnostics at a fact's location, falling back to the document root. */
final class Findings {

    private Findings() {}

    static Diagnostic at(String rule, GuestFacts guest, Origin where, String message) {
        Origin loc = where.isUnknown() ? guest.at() : where;
        return Diagnostic.of(rule, message, guest.file(), loc.line(), loc.column(), loc.xpath());
    }

    /** a + b, or Long.MAX_VALUE when that overflows. */
    static long add(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
