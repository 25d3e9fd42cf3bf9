package org.virtxml.model.domain;

/** libvirt's values of a graphics device's {@code type} attribute (how the guest's display is shown). */
public final class GraphicsTypes {
    public static final String SDL = "sdl";
    public static final String VNC = "vnc";
    public static final String SPICE = "spice";
    public static final String DBUS = "dbus";
    public static final String RDP = "rdp";
    public static final String DESKTOP = "desktop";
    public static final String EGL_HEADLESS = "egl-headless";

    private GraphicsTypes() {}
}
