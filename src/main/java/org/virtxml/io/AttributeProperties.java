package org.virtxml.io;

import org.virtxml.model.ModelClass;

/**
 * An element's attribute snapshot: the typed values it was read with, in the order of its class's
 * {@link ModelClass#attributeProperties()}, by identity (values are immutable, so a changed one is
 * another object), without the trailing absent ones (most declared attributes are absent): read it
 * with {@link #at}. The reader takes it as it sets the values ({@code ModelBuilder}).
 */
final class AttributeProperties {
    static final Object[] NONE = new Object[0];

    private AttributeProperties() {}

    /** The value at {@code index} of a snapshot: null past its end. */
    static Object at(Object[] snapshot, int index) {
        return index < snapshot.length ? snapshot[index] : null;
    }
}
