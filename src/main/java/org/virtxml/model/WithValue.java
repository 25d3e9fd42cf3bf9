package org.virtxml.model;

/**
 * The fluent form of an integer element's text: {@code new DomainVcpu().withPlacement("static").withValue(4)}.
 * Generated subclasses of {@link IntegerElement} implement it with themselves as {@code S}.
 *
 * @param <S> the implementing class, returned by the fluent methods
 */
public interface WithValue<S> extends WithText<S> {

    /** Sets the text to this integer, kept as written (see {@link IntegerElement#setValue(IntegerText)}). */
    void setValue(IntegerText value);

    /** Sets the text to this integer, kept as written, and returns this element. */
    default S withValue(IntegerText value) {
        setValue(value);
        return self();
    }

    /** Sets the text to this number in decimal and returns this element. */
    default S withValue(long value) {
        return withValue(IntegerText.of(value));
    }

    /** This element as its own class. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
