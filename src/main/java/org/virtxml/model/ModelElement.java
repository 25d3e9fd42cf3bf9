package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAnyAttribute;
import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlMixed;
import jakarta.xml.bind.annotation.XmlTransient;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.w3c.dom.Element;

/**
 * The base of every model element. Besides the typed properties of its subclass, an element
 * carries its text and whatever libvirt content the model does not type, or content of other
 * namespaces: unknown child elements (kept whole as DOM) and unknown attributes. All of it is
 * written back where it was read, so a document read and written without change loses nothing.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "ModelElement", namespace = ModelElement.INTERNAL_NS)
public abstract class ModelElement {
    /** Namespace of the model's own base types; never appears in a document. */
    public static final String INTERNAL_NS = "urn:virtxml:internal";

    /**
     * Text pieces ({@link String}) and unknown child elements ({@link Element}), in document order:
     * null when none, the {@link String} itself when the element holds its text alone (the common
     * case, no list of its own), else a {@code List<Object>} of the pieces.
     */
    @XmlMixed
    @XmlAnyElement
    protected Object kept;

    @XmlAnyAttribute
    protected Map<QName, String> keptAttributes;

    @XmlTransient
    private TagLocations position;

    protected ModelElement() {}

    /** The text directly inside this element (the concatenation of its text pieces), or null when it has none. */
    public String getText() {
        if (kept == null || kept instanceof String) {
            return (String) kept; // the common case: one piece, no copy
        }
        StringBuilder sb = null;
        for (Object o : pieces()) {
            if (o instanceof String s) {
                if (sb == null) {
                    sb = new StringBuilder();
                }
                sb.append(s);
            }
        }
        return sb == null ? null : sb.toString();
    }

    /** Replaces the text of this element; null removes it. Unknown child elements stay. */
    public void setText(String text) {
        if (kept == null || kept instanceof String) {
            kept = text;
            return;
        }
        List<Object> pieces = mutablePieces();
        pieces.removeIf(o -> o instanceof String);
        if (text != null) {
            pieces.add(0, text);
        }
    }

    /** The kept content as a list, read-only when the text is held alone. */
    @SuppressWarnings("unchecked")
    private List<Object> pieces() {
        return kept == null ? List.of() : kept instanceof String s ? List.of(s) : (List<Object>) kept;
    }

    /** The kept content as a list that can change: a text held alone is moved into one first. */
    private List<Object> mutablePieces() {
        if (!(kept instanceof ArrayList)) {
            kept = new ArrayList<>(pieces());
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) kept;
        return list;
    }

    /** Unknown child elements, live: add or remove DOM elements here to change what is written. */
    public List<Element> keptElements() {
        if (kept == null || kept instanceof String) {
            return List.of(); // no element, or the text alone: nothing to copy
        }
        List<Element> out = new ArrayList<>();
        for (Object o : pieces()) {
            if (o instanceof Element e) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** Adds an unknown (or foreign-namespace) child element, written before the typed children. */
    public void addKeptElement(Element element) {
        mutablePieces().add(element);
    }

    /** Removes an unknown child element; true when it was there. */
    public boolean removeKeptElement(Element element) {
        return kept != null && pieces().contains(element) && mutablePieces().remove(element);
    }

    /** Whether this element holds any attribute the model does not type (asking does not create the map). */
    public boolean hasKeptAttributes() {
        return keptAttributes != null && !keptAttributes.isEmpty();
    }

    /** Attributes the model does not type, live and modifiable. */
    public Map<QName, String> keptAttributes() {
        if (keptAttributes == null) {
            keptAttributes = new LinkedHashMap<>();
        }
        return keptAttributes;
    }

    /** Where this element's start tag stands in the document it was read from. */
    public Optional<Location> location() {
        return position == null ? Optional.empty() : Optional.of(position.location());
    }

    /** Where one of this element's attributes stands, when the element was read from a document. */
    public Optional<Location> attributeLocation(String attributeName) {
        return position == null ? Optional.empty() : Optional.of(position.attributeLocation(attributeName));
    }

    /**
     * A deep copy of this element and everything under it, kept content included; the copy is of
     * the same class (cast it: {@code Disk d2 = (Disk) disk.deepCopy();}, or use {@link #copyOf}).
     */
    public ModelElement deepCopy() {
        return ModelCopy.of(this);
    }

    /** A deep copy of any model element, typed. */
    public static <T extends ModelElement> T copyOf(T element) {
        return ModelCopy.of(element);
    }

    /** Set by the reader. */
    public final void attachLocations(TagLocations position) {
        this.position = position;
    }

    /**
     * What the reader attached ({@link #attachLocations}), or null: for the reader and writer, which
     * also find there the element's record in the source text. A deep copy reports the same places
     * through a record of its own, so that it is never taken for the element read.
     */
    public final TagLocations attachedLocations() {
        return position;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (o == null || o.getClass() != getClass()) {
            return false;
        }
        ModelElement other = (ModelElement) o;
        return KeptContent.equal(pieces(), other.pieces()) && KeptContent.equal(keptAttributes, other.keptAttributes);
    }

    @Override
    public int hashCode() {
        return 31 * KeptContent.hash(pieces()) + KeptContent.hash(keptAttributes);
    }
}
