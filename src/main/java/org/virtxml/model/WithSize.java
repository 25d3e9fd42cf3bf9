package org.virtxml.model;

/**
 * The fluent form of a sized element's text and unit: {@code new DomainMemory().withSize(4, Unit.GIB)}.
 * Generated subclasses of {@link SizedElement} implement it with themselves as {@code S}.
 *
 * @param <S> the implementing class, returned by the fluent methods
 */
public interface WithSize<S> extends WithText<S> {

    /** Sets number and unit (see {@link SizedElement#setSize(DataSize)}). */
    void setSize(DataSize size);

    /** Sets number and unit and returns this element. */
    default S withSize(DataSize size) {
        setSize(size);
        return self();
    }

    /** Sets the number in the given unit, written with libvirt's name of the unit, and returns this element. */
    default S withSize(long number, Unit unit) {
        return withSize(DataSize.of(number, unit));
    }

    /** This element as its own class. */
    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
