package org.virtxml.model.domain;

/**
 * The typed view of an {@code <interface>} over its flat storage: which connection its
 * {@code type} selects ({@link #source()}). {@link Interface} implements it; the storage (every
 * variant's attributes, as read) stays as it is.
 */
public interface InterfaceView {

    String getType();

    void setType(String value);

    InterfaceSource getSource();

    void setSource(InterfaceSource value);

    /** The connection the interface's type selects, with that variant's source attributes. */
    default InterfaceSourceVariant source() {
        return InterfaceSourceVariant.of(getType(), getSource());
    }

    /**
     * Makes the interface use this connection: sets {@code type} and the variant's source
     * attributes, and clears the source attributes of the other variants (the source's other
     * content, such as {@code <ip>} or {@code <route>}, stays). A variant without a source of its
     * own ({@code ethernet}, {@link InterfaceSourceVariant.Other}) removes an emptied {@code <source>}.
     */
    default Interface source(InterfaceSourceVariant variant) {
        InterfaceSource s = getSource() == null ? new InterfaceSource() : getSource();
        setType(variant.type());
        InterfaceSourceVariant.write(variant, s);
        setSource(s.equals(new InterfaceSource()) ? null : s);
        return (Interface) this;
    }
}
