package org.virtxml.io;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.glassfish.jaxb.runtime.marshaller.NamespacePrefixMapper;

/**
 * The prefixes libvirt itself writes for its hypervisor and storage namespaces ({@code qemu:},
 * {@code lxc:}, ...), and the removal of the declarations JAXB puts on the root for namespaces the
 * document does not use.
 */
final class LibvirtPrefixes {
    static final Map<String, String> PREFIXES = Map.of(
            "http://libvirt.org/schemas/domain/qemu/1.0", "qemu",
            "http://libvirt.org/schemas/domain/lxc/1.0", "lxc",
            "http://libvirt.org/schemas/domain/bhyve/1.0", "bhyve",
            "http://libvirt.org/schemas/domain/xen/1.0", "xen",
            "http://libvirt.org/schemas/domain/vmware/1.0", "vmware",
            "http://libvirt.org/schemas/storagepool/fs/1.0", "fs",
            "http://libvirt.org/schemas/storagepool/rbd/1.0", "rbd");

    static final NamespacePrefixMapper MAPPER = new NamespacePrefixMapper() {
        @Override
        public String getPreferredPrefix(String namespaceUri, String suggestion, boolean requirePrefix) {
            return PREFIXES.getOrDefault(namespaceUri, suggestion);
        }
    };

    private static final Pattern DECLARATION = Pattern.compile("\\s+xmlns:([A-Za-z_][\\w.-]*)=\"[^\"]*\"");

    private LibvirtPrefixes() {}

    /** Removes root namespace declarations whose prefix is used nowhere else in the document. */
    static String dropUnusedRootDeclarations(String xml) {
        int rootEnd = xml.indexOf('>');
        if (rootEnd < 0) {
            return xml;
        }
        String rootTag = xml.substring(0, rootEnd);
        String rest = xml.substring(rootEnd);
        Matcher m = DECLARATION.matcher(rootTag);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String prefix = m.group(1);
            boolean used = rest.contains("<" + prefix + ":") || rest.contains(" " + prefix + ":")
                    || rootTag.contains(" " + prefix + ":") || rootTag.startsWith("<" + prefix + ":");
            m.appendReplacement(out, used ? Matcher.quoteReplacement(m.group()) : "");
        }
        m.appendTail(out);
        return out + rest;
    }
}
