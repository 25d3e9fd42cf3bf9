package org.virtxml.edit;

/**
 * An operation refused its input as it stands (a clone of a running domain, an interface that is
 * not there to remove, ...). The message says why, in words a user can act on; nothing was changed.
 */
public final class EditRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    public EditRefusedException(String message) {
        super(message);
    }
}
