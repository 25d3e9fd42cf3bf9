package org.virtxml.edit;

import java.util.Locale;

/** The remote display of a created guest: VNC, SPICE, or none (serial console only). */
public enum GraphicsType {
    VNC,
    SPICE,
    NONE;

    /** The value of {@code <graphics type>} (not written for {@link #NONE}). */
    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
