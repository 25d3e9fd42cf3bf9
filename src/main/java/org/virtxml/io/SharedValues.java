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

    /** How many values are remembered. */
    int size() {
        return values.size();
    }
}
