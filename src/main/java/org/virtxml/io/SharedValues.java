package org.virtxml.io;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Short attribute and text values shared between the documents one {@link LibvirtXml} reads:
 * libvirt's documents repeat a small vocabulary ({@code pci}, {@code 0x00}, {@code virtio},
 * {@code yes}, CPU feature names) thousands of times, and the parser makes a new string for each
 * occurrence. A value read is replaced by the equal one seen first, so that the documents kept
 * hold one copy of each. Bounded: at most {@link #CAPACITY} values of at most {@link #MAX_LENGTH}
 * characters are remembered; past that, values are kept as read. Thread-safe.
 */
final class SharedValues {
    /** Longer values (paths, UUIDs, descriptions) are rarely repeated: kept as read. */
    static final int MAX_LENGTH = 32;
    /** At most this many values are remembered (a few hundred KiB at most). */
    static final int CAPACITY = 8192;

    private final ConcurrentHashMap<String, String> values = new ConcurrentHashMap<>(1024);

    /** The value equal to {@code s} seen first, or {@code s} itself. */
    String share(String s) {
        if (s == null || s.length() > MAX_LENGTH) {
            return s;
        }
        String known = values.get(s);
        if (known != null) {
            return known;
        }
        if (values.size() >= CAPACITY) {
            return s;
        }
        known = values.putIfAbsent(s, s);
        return known == null ? s : known;
    }

    /** A front to this table for one reader, used by one thread at a time (see {@link Local}). */
    Local local() {
        return new Local(this);
    }

    /**
     * The values one reader met last, by hash, in front of the shared table: most values repeat
     * within a few elements, and a hit here costs a hash and a compare, without the table's
     * concurrent lookup. Holds only values the table gave (or would have kept as read). Used by
     * one thread at a time.
     */
    static final class Local {
        private static final int SLOTS = 1024;
        /** Marks a slot holding a value too long for a print: compared by {@link String#equals}. */
        private static final long LONG_VALUE = -1;

        private final SharedValues table;
        private final String[] recent = new String[SLOTS];
        /**
         * For each slot, the print of its value ({@link #print}) or {@link #LONG_VALUE}: a short
         * value is found equal by its print alone, without reading the value kept.
         */
        private final long[] prints = new long[SLOTS];

        private Local(SharedValues table) {
            this.table = table;
        }

        /** Whether this front is to that table. */
        boolean fronts(SharedValues t) {
            return table == t;
        }

        /**
         * A value of at most 7 Latin-1 characters as a number: its length, then its characters, a
         * byte each; two such values are equal exactly when their prints are. -1 for any other value.
         */
        private static long print(String s) {
            int n = s.length();
            if (n > 7) {
                return LONG_VALUE;
            }
            long p = n;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c > 0xFF) {
                    return LONG_VALUE;
                }
                p = (p << 8) | c;
            }
            return p;
        }

        /**
         * A slot from the length and four characters: a value just read has no hash yet, and
         * computing one over every character costs more than a compare with the value in the slot.
         */
        private static int slot(String s) {
            int n = s.length();
            int h = n * 0x9E3779B9;
            h += s.charAt(0);
            h = h * 31 + s.charAt(n - 1);
            h = h * 31 + s.charAt(n >> 1);
            h = h * 31 + s.charAt((n - 1) >> 2);
            return (h ^ (h >>> 15)) & (SLOTS - 1);
        }

        /** As {@link SharedValues#share}. */
        String share(String s) {
            if (s == null || s.length() > MAX_LENGTH) {
                return s;
            }
            long p = print(s);
            int slot = p != LONG_VALUE ? (int) ((p * 0x9E3779B97F4A7C15L) >>> 54) : slot(s);
            String seen = recent[slot];
            if (seen != null && prints[slot] == p && (p != LONG_VALUE || seen.equals(s))) {
                return seen;
            }
            seen = table.share(s);
            recent[slot] = seen;
            prints[slot] = p;
            return seen;
        }
    }
}
