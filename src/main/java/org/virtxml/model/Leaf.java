package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/**
 * An element for which libvirt defines no attributes and no child elements: a flag such as
 * {@code <readonly/>} or a text value such as {@code <name>vm1</name>}. Its text is {@link #getText()};
 * anything else found on it is kept as for every model element.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Leaf", namespace = ModelElement.INTERNAL_NS)
public class Leaf extends ModelElement {

    public Leaf() {}

    /** A leaf carrying this text. */
    public static Leaf of(String text) {
        Leaf l = new Leaf();
        l.setText(text);
        return l;
    }

    /** Fluent form of {@link #setText(String)}. */
    public Leaf withText(String text) {
        setText(text);
        return this;
    }
}
