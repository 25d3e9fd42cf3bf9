package org.virtxml.model;

/**
 * Elements whose content libvirt's grammar leaves open ({@code customElement}, any element): a
 * domain's {@code <metadata>} (the user's own namespaces) and a snapshot's {@code <cookie>} (the
 * hypervisor driver's private save cookie). What they hold is kept as written, and it is neither
 * unknown to libvirt nor a gap in the typed model.
 */
public final class OpenContent {

    private OpenContent() {}

    /** Whether the element at this path (no indexes: {@code /domainsnapshot/cookie}) holds open content. */
    public static boolean holdsOpenContent(String path) {
        return path.endsWith("/metadata") || path.equals("/domainsnapshot/cookie");
    }
}
