package org.virtxml.io;

import java.util.Optional;
import org.virtxml.model.Location;

/**
 * One piece of content the model keeps as-is rather than typing: an element (with everything
 * inside it) or an attribute, with where it stands.
 *
 * @param path      its path, with 1-based indexes among same-named siblings,
 *                  e.g. {@code /domain/devices/disk[2]/foo} or {@code /domain/os/@bar}
 * @param namespace the namespace URI of the element or attribute, empty for none
 * @param attribute true for an attribute, false for an element
 * @param location  where it stands in the document, when the document was read and the reader knows
 */
public record KeptItem(String path, String namespace, boolean attribute, Optional<Location> location) {
    @Override
    public String toString() {
        return path + location.map(l -> " (" + l + ")").orElse("");
    }
}
