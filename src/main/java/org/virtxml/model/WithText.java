package org.virtxml.model;

/**
 * The fluent form of an element's text: {@code new OsType().withArch("x86_64").withText("hvm")}.
 * Generated classes whose element carries text implement it with themselves as {@code S}.
 *
 * @param <S> the implementing class, returned by the fluent methods
 */
public interface WithText<S> {

    /** Replaces the element's text (see {@link ModelElement#setText(String)}). */
    void setText(String text);

    /** Sets the text and returns this element. */
    default S withText(String text) {
        setText(text);
        return self();
    }

    /** This element as its own class. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
