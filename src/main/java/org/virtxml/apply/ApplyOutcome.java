package org.virtxml.apply;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.virtxml.diff.Difference;

/**
 * What applying one document did: always one per document given, whether it was applied, failed
 * or not tried.
 *
 * @param file    the document as given
 * @param kind    domain, network, pool or volume (the root element; "document" when unreadable)
 * @param name    the name it is defined under (empty when unknown)
 * @param action  what happened to the definition
 * @param started true when apply started it (domain, network or pool) in this run
 * @param stored  differences between the document and what libvirt stored (its defaults and
 *                normalizations); empty when libvirt stored it as written or nothing was read back
 * @param notes   further facts worth saying (a running domain, a change applied live, autostart)
 * @param failure the step that failed and libvirt's message, when one did; steps before it are
 *                done (a defined domain stays defined when its start fails)
 */
public record ApplyOutcome(
        String file,
        String kind,
        String name,
        Action action,
        boolean started,
        List<Difference> stored,
        List<String> notes,
        Optional<Failure> failure) {

    public ApplyOutcome {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(action, "action");
        stored = List.copyOf(stored);
        notes = List.copyOf(notes);
        Objects.requireNonNull(failure, "failure");
    }

    /** A document that was not tried because an earlier failure stopped the run. */
    static ApplyOutcome notTried(String file, String kind, String name, String why) {
        return new ApplyOutcome(file, kind, name, Action.NOT_TRIED, false, List.of(), List.of(why), Optional.empty());
    }

    public boolean failed() {
        return failure.isPresent() || action == Action.FAILED || action == Action.UNKNOWN;
    }

    /** What happened to a definition. */
    public enum Action {
        /** Defined (a volume: created) for the first time. */
        DEFINED,
        /** An existing definition (same UUID, or same name without a UUID) was replaced by a different one. */
        REDEFINED,
        /** The host already had this definition: nothing was written. */
        UNCHANGED,
        /** Not defined: the document could not be read, or the host refused it (see {@link #failure()}). */
        FAILED,
        /** The connection ended during the define call: whether the host now has it is not known. */
        UNKNOWN,
        /** Not tried: the connection was lost before its turn. */
        NOT_TRIED
    }

    /**
     * A step that failed.
     *
     * @param step    read, define, read back, start, autostart, attach, detach, create
     * @param message libvirt's message (or the reader's, or the connection's)
     */
    public record Failure(String step, String message) {
        public Failure {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(message, "message");
        }
    }
}
