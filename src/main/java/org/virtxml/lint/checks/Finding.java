package org.virtxml.lint.checks;

import java.util.Objects;
import org.virtxml.model.ModelElement;

/**
 * One problem a {@link Check} found: where ({@link Spot}) and the message, already worded with
 * the offending values.
 */
public record Finding(Spot spot, String message) {

    public Finding {
        Objects.requireNonNull(spot, "spot");
        Objects.requireNonNull(message, "message");
    }

    public static Finding at(ModelElement element, String message) {
        return new Finding(Spot.at(element), message);
    }

    public static Finding at(ModelElement element, String attribute, String message) {
        return new Finding(Spot.at(element, attribute), message);
    }
}
