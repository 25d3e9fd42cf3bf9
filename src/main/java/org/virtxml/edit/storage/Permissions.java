package org.virtxml.edit.storage;

import java.util.regex.Pattern;

/**
 * {@code <permissions>} of a pool target or volume: octal mode (no setuid/setgid/sticky bits, as
 * libvirt requires), numeric owner and group, optional security label. Null parts are left out
 * (libvirt then inherits them).
 */
public record Permissions(String mode, Long owner, Long group, String label) {
    private static final Pattern OCTAL = Pattern.compile("[0-7]+");

    public Permissions {
        if (mode != null && (!OCTAL.matcher(mode).matches() || (Integer.parseInt(mode, 8) & ~0777) != 0)) {
            throw new IllegalArgumentException(
                    "mode must be octal without setuid/setgid/sticky bits (0000-0777): " + mode);
        }
        if (owner != null && owner < -1 || group != null && group < -1) {
            throw new IllegalArgumentException("owner and group must be numeric ids (or -1)");
        }
    }

    /** Mode, owner and group, no label. */
    public static Permissions of(String mode, long owner, long group) {
        return new Permissions(mode, owner, group, null);
    }

    /**
     * Reads {@code MODE[:OWNER[:GROUP]]} as the CLI takes it, e.g. {@code 0600:107:107}.
     */
    public static Permissions parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("expected MODE[:OWNER[:GROUP]], got '" + text + "'");
        }
        try {
            return new Permissions(
                    parts[0].isEmpty() ? null : parts[0],
                    parts.length > 1 && !parts[1].isEmpty() ? Long.valueOf(parts[1]) : null,
                    parts.length > 2 && !parts[2].isEmpty() ? Long.valueOf(parts[2]) : null,
                    null);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("owner and group must be numeric ids: '" + text + "'");
        }
    }
}
