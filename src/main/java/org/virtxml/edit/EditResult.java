package org.virtxml.edit;

import java.util.List;
import org.virtxml.model.ModelElement;

/**
 * The outcome of an authoring operation that produces a document root: the root and the changes
 * made to reach it (for a created document, the choices made on the caller's behalf).
 *
 * @param <T> the root class ({@code Domain}, {@code Pool}, {@code Volume})
 */
public record EditResult<T extends ModelElement>(T root, List<Change> changes) {
    public EditResult {
        changes = List.copyOf(changes);
    }
}
