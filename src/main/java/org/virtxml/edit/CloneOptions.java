package org.virtxml.edit;

import java.util.Objects;
import org.virtxml.model.Names;

/**
 * What a clone is called, and optionally how its new disk and nvram paths are spelled.
 *
 * @param newName         the clone's domain name
 * @param diskPathPattern null to derive each new path from the old one (see {@link ClonePaths});
 *                        otherwise a pattern with the placeholders {@code {name}} (new domain
 *                        name), {@code {dir}} (old folder), {@code {file}} (old file name without
 *                        extension), {@code {ext}} (old extension, without the dot), {@code {target}}
 *                        (disk target, {@code nvram} for the nvram) and {@code {index}} (1, 2, ... in
 *                        document order), e.g. {@code /srv/vms/{name}-{target}.{ext}}. The
 *                        pattern applies to files only: a block device ({@code /dev/vg0/demo-root})
 *                        keeps a device path, derived from the old one as without a pattern
 *                        ({@code /dev/vg0/newdemo-root})
 * @param keepHostdevs    keep the source's assigned host devices ({@code <hostdev>} and SR-IOV
 *                        {@code <interface type='hostdev'>}); by default the clone drops them, since
 *                        a host device is assigned to one running guest at a time
 */
public record CloneOptions(String newName, String diskPathPattern, boolean keepHostdevs) {
    public CloneOptions {
        Objects.requireNonNull(newName, "newName");
        Names.requireValid(newName, "domain");
    }

    /** Options that drop assigned host devices. */
    public CloneOptions(String newName, String diskPathPattern) {
        this(newName, diskPathPattern, false);
    }

    public static CloneOptions named(String newName) {
        return new CloneOptions(newName, null);
    }

    /** These options, keeping the source's assigned host devices or not. */
    public CloneOptions withKeepHostdevs(boolean keep) {
        return new CloneOptions(newName, diskPathPattern, keep);
    }
}
