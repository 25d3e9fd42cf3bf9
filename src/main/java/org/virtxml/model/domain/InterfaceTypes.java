package org.virtxml.model.domain;

/**
 * libvirt's values of an interface's {@code type} attribute (how the guest's NIC reaches a network).
 * A document may hold others (a newer libvirt's); the model keeps them as text.
 */
public final class InterfaceTypes {
    public static final String NETWORK = "network";
    public static final String BRIDGE = "bridge";
    public static final String DIRECT = "direct";
    public static final String HOSTDEV = "hostdev";
    public static final String USER = "user";
    public static final String ETHERNET = "ethernet";
    public static final String VHOSTUSER = "vhostuser";
    public static final String VDPA = "vdpa";
    public static final String INTERNAL = "internal";
    public static final String MCAST = "mcast";
    public static final String CLIENT = "client";
    public static final String SERVER = "server";
    public static final String UDP = "udp";
    public static final String NULL = "null";
    public static final String VDS = "vds";

    private InterfaceTypes() {}
}
