package org.virtxml.apply;

import java.util.List;
import org.virtxml.diff.Difference;

/**
 * What applying one document did.
 *
 * @param file        the document as given
 * @param kind        domain or pool
 * @param name        the name it is defined under
 * @param action      what happened to the definition
 * @param stored      differences between the document and what libvirt stored (its defaults and
 *                    normalizations); empty when libvirt stored it as written
 * @param notes       further facts worth saying (a running domain, a start)
 */
public record ApplyOutcome(String file, String kind, String name, Action action, List<Difference> stored, List<String> notes) {

    public ApplyOutcome {
        stored = List.copyOf(stored);
        notes = List.copyOf(notes);
    }

    /** What happened to a definition. */
    public enum Action {
        /** Defined for the first time. */
        DEFINED,
        /** An existing definition (same UUID, or same name without a UUID) was replaced by a different one. */
        REDEFINED,
        /** The host already had exactly this definition: nothing changed. */
        UNCHANGED
    }
}
