package org.virtxml.edit;

import org.virtxml.model.Names;
import java.util.Objects;

/**
 * What a clone is called, and optionally how its new disk and nvram paths are spelled.
 *
 * @param newName         the clone's domain name
 * @param diskPathPattern null to derive each new path from the old one (see {@link ClonePaths});
 *                        otherwise a pattern with the placeholders {@code {name}} (new domain
 *                        name), {@code {dir}} (old folder), {@code {file}} (old file name without
 *                        extension), {@code {ext}} (old extension, without the dot), {@code {target}}
 *                        (disk target, {@code nvram} for the nvram) and {@code {index}} (1, 2, ... in
 *                        document order), e.g. {@code /srv/vms/{name}-{target}.{ext}}
 */
public record CloneOptions(String newName, String diskPathPattern) {
    public CloneOptions {
        Objects.requireNonNull(newName, "newName");
        Names.requireValid(newName, "domain");
    }

    public static CloneOptions named(String newName) {
        return new CloneOptions(newName, null);
    }
}
