package org.virtxml.edit;

import java.util.Locale;

/** The remote display protocol of a created guest. */
public enum GraphicsType {
    VNC, SPICE;

    /** The value of {@code <graphics type>}. */
    public String xmlValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
