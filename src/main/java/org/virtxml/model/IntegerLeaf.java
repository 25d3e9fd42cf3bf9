package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** A {@link Leaf} whose text is an integer, such as {@code <port>5900</port>}; kept exactly as written. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "IntegerLeaf", namespace = ModelElement.INTERNAL_NS)
public class IntegerLeaf extends Leaf {

    public IntegerLeaf() {}

    public static IntegerLeaf of(long value) {
        IntegerLeaf l = new IntegerLeaf();
        l.setValue(IntegerText.of(value));
        return l;
    }

    /** The text as an integer as libvirt reads it; null when the element has no text. */
    public IntegerText value() {
        String text = getText();
        return text == null ? null : IntegerText.of(text);
    }

    public void setValue(IntegerText value) {
        setText(value == null ? null : value.text());
    }

    /** Fluent form of {@link #setValue(IntegerText)}. */
    public IntegerLeaf withValue(IntegerText value) {
        setValue(value);
        return this;
    }

    /** Sets the text to this number in decimal and returns this leaf. */
    public IntegerLeaf withValue(long value) {
        return withValue(IntegerText.of(value));
    }

    @Override
    public IntegerLeaf withText(String text) {
        setText(text);
        return this;
    }
}
