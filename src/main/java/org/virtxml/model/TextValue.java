package org.virtxml.model;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the single-text value types ({@link Uuid}, {@link MacAddress}, {@link CpuSet},
 * {@link IntegerText}) share: the text exactly as written, what libvirt reads from it (absent when
 * libvirt cannot read it), equality on the exact text, and "same value" that compares what was read
 * and falls back to the text when either side is unreadable.
 *
 * @param <V> what libvirt reads from the text; compared with {@link Objects#deepEquals}
 */
abstract class TextValue<V> {

    private final String text;
    private final V read; // null when libvirt cannot read the text

    TextValue(String text, V read) {
        this.text = Objects.requireNonNull(text, "text");
        this.read = read;
    }

    /**
     * The exact text. Not final, so that javac gives each public subclass a public bridge to it
     * (reflective callers outside this package can then call it).
     */
    public String text() {
        return text;
    }

    /** The first problem libvirt would report; when {@link #read()} is null there is one. */
    public abstract Optional<ValueProblem> problem();

    /** What libvirt reads from the text; null when it cannot read it. */
    final V read() {
        return read;
    }

    /** What libvirt reads from the text; throws the problem's message when it cannot read it. */
    final V requireRead() {
        if (read == null) {
            throw new IllegalStateException(problem().orElseThrow().message());
        }
        return read;
    }

    /** Throws the value's problem, if any, as {@link IllegalArgumentException}; else returns it. */
    static <T extends TextValue<?>> T withoutProblem(T value) {
        value.problem().ifPresent(p -> {
            throw p.toException();
        });
        return value;
    }

    /** Whether the schema pattern matches the whole text. */
    final boolean textMatches(Pattern schema) {
        return schema.matcher(text).matches();
    }

    /**
     * Whether both read the same; when either side is unreadable, whether the texts are the same.
     * False for null.
     */
    final boolean sameReadAs(TextValue<V> other) {
        if (other == null) {
            return false;
        }
        if (read == null || other.read == null) {
            return text.equals(other.text);
        }
        return Objects.deepEquals(read, other.read);
    }

    /** Equal to a value of the same class with the same exact text. */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && text.equals(((TextValue<?>) o).text);
    }

    @Override
    public final int hashCode() {
        return text.hashCode();
    }

    /** The exact text. */
    @Override
    public final String toString() {
        return text;
    }
}
