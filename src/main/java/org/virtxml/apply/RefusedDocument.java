package org.virtxml.apply;

/** apply's own refusal of one document (not libvirt's): a kind it cannot apply, a volume it would have to replace. */
final class RefusedDocument extends RuntimeException {
    private static final long serialVersionUID = 1L;

    RefusedDocument(String message) {
        super(message);
    }
}
