package org.virtxml.io;

import java.util.Optional;
import org.virtxml.model.Location;
import org.virtxml.model.ModelElement;
import org.virtxml.model.TagLocations;
import org.w3c.dom.Element;

/** Where a kept DOM element stood in the document it was read from (attached by the reader). */
public final class KeptLocations {
    static final String KEY = "org.virtxml.location";

    private KeptLocations() {}

    /** The start of the kept element's start tag, when it was read from a document. */
    public static Optional<Location> of(Element kept) {
        Object data = kept.getUserData(KEY);
        if (data instanceof TagLocations p) {
            return Optional.of(p.location());
        }
        if (data instanceof ModelElement m) {
            return m.location();
        }
        return Optional.empty();
    }
}
