package org.virtxml.io;

import java.util.Map;

/** The prefixes libvirt itself writes for its hypervisor and storage namespaces ({@code qemu:}, {@code lxc:}, ...). */
final class LibvirtPrefixes {
    static final Map<String, String> PREFIXES = Map.of(
            "http://libvirt.org/schemas/domain/qemu/1.0", "qemu",
            "http://libvirt.org/schemas/domain/lxc/1.0", "lxc",
            "http://libvirt.org/schemas/domain/bhyve/1.0", "bhyve",
            "http://libvirt.org/schemas/domain/xen/1.0", "xen",
            "http://libvirt.org/schemas/domain/vmware/1.0", "vmware",
            "http://libvirt.org/schemas/storagepool/fs/1.0", "fs",
            "http://libvirt.org/schemas/storagepool/rbd/1.0", "rbd");

    private LibvirtPrefixes() {}
}
