package org.virtxml.model;

/**
 * What libvirt takes as the name of a domain, pool or volume, checked before a document is
 * written: not empty, no {@code /} (the name becomes a file name) and no control character (a
 * line feed is refused by libvirt, the others cannot be written in XML 1.0 at all). A name
 * libvirt would refuse is an error here rather than a document the linter then rejects.
 */
public final class Names {
    private Names() {}

    /**
     * The name, when libvirt takes it as the name of a {@code what} (domain, pool, volume).
     *
     * @throws IllegalArgumentException naming the problem
     */
    public static String requireValid(String name, String what) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("a " + what + " name must not be empty");
        }
        if (name.contains("/")) {
            throw new IllegalArgumentException("a " + what + " name must not contain '/': '" + name + "'");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                throw new IllegalArgumentException(String.format(
                        "a %s name must not contain control characters (U+%04X at position %d)", what, (int) c, i + 1));
            }
        }
        return name;
    }
}
