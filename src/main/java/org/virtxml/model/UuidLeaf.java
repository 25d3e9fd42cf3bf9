package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** A {@link Leaf} holding a UUID, such as a domain's {@code <uuid>}; kept exactly as written. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "UuidLeaf", namespace = ModelElement.INTERNAL_NS)
public class UuidLeaf extends Leaf {

    public UuidLeaf() {}

    public static UuidLeaf of(Uuid uuid) {
        UuidLeaf l = new UuidLeaf();
        l.setUuid(uuid);
        return l;
    }

    /** The UUID as written; null when the element has no text. */
    public Uuid uuid() {
        String text = getText();
        return text == null ? null : Uuid.of(text);
    }

    public void setUuid(Uuid uuid) {
        setText(uuid == null ? null : uuid.text());
    }

    /** Fluent form of {@link #setUuid(Uuid)}. */
    public UuidLeaf withUuid(Uuid uuid) {
        setUuid(uuid);
        return this;
    }

    @Override
    public UuidLeaf withText(String text) {
        setText(text);
        return this;
    }
}
