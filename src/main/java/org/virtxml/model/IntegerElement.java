package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlTransient;

/**
 * An element whose text is an integer, with attributes of its own, such as
 * {@code <vcpu placement='static'>2</vcpu>}. The text is kept exactly as written.
 */
@XmlTransient
public abstract class IntegerElement extends ModelElement {

    /** The text as an integer as libvirt reads it; null when the element has no text. */
    public IntegerText value() {
        String text = getText();
        return text == null ? null : IntegerText.of(text);
    }

    public void setValue(IntegerText value) {
        setText(value == null ? null : value.text());
    }

    public void setValue(long value) {
        setValue(IntegerText.of(value));
    }
}
