package org.virtxml.edit;

import java.util.Objects;

/**
 * One change an authoring operation made to a document: where ({@code /domain/devices/disk[1]/target/@dev},
 * 1-based indexes among same-named siblings) and what, in words ({@code hda → vda}).
 */
public record Change(String path, String description) {
    public Change {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(description, "description");
    }

    /** The line the CLI prints on standard error: {@code PATH: DESCRIPTION}. */
    @Override
    public String toString() {
        return path + ": " + description;
    }
}
