package org.virtxml.lint.facts;

import java.util.Optional;
import org.virtxml.model.Location;

/**
 * Where a fact came from: the element's or attribute's path, and its position in the text when the
 * document was read from text. Positions use the project's one location type, {@link Location}.
 *
 * @param location line and column of the start tag (at the attribute where known), or null when not known
 * @param xpath    e.g. {@code /domain/vcpu}, or null when not known
 */
public record Origin(Location location, String xpath) {

    /** Neither position nor path known. */
    public static final Origin UNKNOWN = new Origin(null, null);

    /** A fact at {@code location} (may be null) and {@code xpath} (may be null). */
    public static Origin of(Location location, String xpath) {
        return location == null && xpath == null ? UNKNOWN : new Origin(location, xpath);
    }

    /** The position, when known. */
    public Optional<Location> position() {
        return Optional.ofNullable(location);
    }

    /** True when neither the position nor the path is known. */
    public boolean isUnknown() {
        return location == null && xpath == null;
    }

    /** 1-based line, or 0 when not known (the convention of {@code Diagnostic}). */
    public int line() {
        return location == null ? 0 : location.line();
    }

    /** 1-based column, or 0 when not known. */
    public int column() {
        return location == null ? 0 : location.column();
    }
}
