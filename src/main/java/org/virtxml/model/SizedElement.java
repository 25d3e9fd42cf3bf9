package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlTransient;

/**
 * An element holding a size as libvirt writes it: a number as text and a {@code unit} attribute,
 * such as {@code <memory unit='KiB'>1048576</memory>} or a volume's {@code <capacity>}.
 * {@link #size()} reads both exactly as written; the default unit when none is written depends on
 * the element (KiB for domain memory, bytes for storage), so callers pass it to
 * {@link DataSize#bytes(Unit)}.
 */
@XmlTransient
public abstract class SizedElement extends ModelElement {

    public abstract String getUnit();

    public abstract void setUnit(String unit);

    /** The number and unit exactly as written; null when the element has no text. */
    public DataSize size() {
        String text = getText();
        return text == null ? null : DataSize.of(text, getUnit());
    }

    /** Sets number and unit (the unit removed when the size has none). */
    public void setSize(DataSize size) {
        setText(size.number());
        setUnit(size.unit().orElse(null));
    }
}
