package org.virtxml.dom;

import java.util.Objects;

/**
 * One way in which a written document differs from the document that was read, in the sense of
 * the lossless contract (spec/lossless.md).
 *
 * @param path     where the difference is, as a location in the input document (see {@link XmlPath})
 * @param kind     what kind of difference; one of the constants of this record
 * @param expected what the input has there; {@code null} when the input has nothing there
 * @param actual   what the output has there; {@code null} when the output has nothing there
 */
public record Loss(String path, String kind, String expected, String actual) {

    /** An element of the input is not in the output. */
    public static final String ELEMENT_MISSING = "element-missing";
    /** The output has an element the input did not have. */
    public static final String ELEMENT_ADDED = "element-added";
    /** The root elements differ in namespace URI or local name. */
    public static final String ROOT_CHANGED = "root-changed";
    /** An attribute of the input is not in the output. */
    public static final String ATTRIBUTE_MISSING = "attribute-missing";
    /** The output has an attribute the input did not have. */
    public static final String ATTRIBUTE_ADDED = "attribute-added";
    /** An attribute is in both, with different values. */
    public static final String ATTRIBUTE_CHANGED = "attribute-changed";
    /** An element's trimmed text differs. */
    public static final String TEXT_CHANGED = "text-changed";
    /** Same-named siblings are all there, but in another order. */
    public static final String ORDER_CHANGED = "order-changed";

    public Loss {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
    }

    /** A readable one-line description, e.g. {@code attribute-changed at /domain/vcpu/@placement: expected "static", got "auto"}. */
    @Override
    public String toString() {
        return kind + " at " + path + ": expected " + show(expected) + ", got " + show(actual);
    }

    private static String show(String value) {
        return value == null ? "nothing" : '"' + value + '"';
    }
}
