package org.virtxml.apply;

import java.util.List;
import org.virtxml.diff.Difference;

/** How a document relates to what the host stores for it. */
final class StoredDefinition {
    private StoredDefinition() {}

    /**
     * True when the host's definition already says everything the document says: every difference
     * is a value the document leaves out (libvirt's default). Used where libvirt keeps no mark of
     * what was applied (pools, networks, volumes): removing a setting from such a document is not
     * seen as a change.
     */
    static boolean covers(List<Difference> documentToStored) {
        return documentToStored.stream().allMatch(d -> d.left() == null);
    }
}
