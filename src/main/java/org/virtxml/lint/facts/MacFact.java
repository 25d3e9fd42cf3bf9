package org.virtxml.lint.facts;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One interface MAC address of a guest.
 *
 * @param address the address as written
 * @param at      its location
 */
public record MacFact(String address, Origin at) {

    public MacFact {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(at, "at");
    }

    /**
     * The address as six lower-case two-digit hex bytes joined by {@code :}, as libvirt reads
     * it (one or two hex digits per byte); empty when it is not a MAC address.
     */
    public Optional<String> canonical() {
        String[] parts = address.trim().split(":", -1);
        if (parts.length != 6) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder(17);
        for (String p : parts) {
            if (p.isEmpty()
                    || p.length() > 2
                    || !HexFormat.isHexDigit(p.charAt(0))
                    || p.length() == 2 && !HexFormat.isHexDigit(p.charAt(1))) {
                return Optional.empty();
            }
            if (sb.length() > 0) {
                sb.append(':');
            }
            if (p.length() == 1) {
                sb.append('0');
            }
            sb.append(p.toLowerCase(Locale.ROOT));
        }
        return Optional.of(sb.toString());
    }
}
