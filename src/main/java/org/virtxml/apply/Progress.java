package org.virtxml.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.virtxml.diff.Difference;

/**
 * What has been done so far for one document, so that a failure at any step still reports the
 * steps before it (a domain defined, then its start refused). Mutable; lives for one document.
 */
final class Progress {
    private final String file;
    private final String kind;
    private String name = "";
    private ApplyOutcome.Action action = ApplyOutcome.Action.FAILED;
    private boolean started;
    private List<Difference> stored = List.of();
    private final List<String> notes = new ArrayList<>();
    private String step = "read";

    Progress(String file, String kind) {
        this.file = file;
        this.kind = kind;
    }

    String file() {
        return file;
    }

    String kind() {
        return kind;
    }

    String name() {
        return name;
    }

    void name(String value) {
        name = value == null ? "" : value;
    }

    /** The step about to run; a failure is reported against it. */
    void step(String value) {
        step = value;
    }

    void action(ApplyOutcome.Action value) {
        action = value;
    }

    void started() {
        started = true;
    }

    void stored(List<Difference> differences) {
        stored = List.copyOf(differences);
    }

    void note(String note) {
        notes.add(note);
    }

    ApplyOutcome done() {
        return new ApplyOutcome(file, kind, name, action, started, stored, notes, Optional.empty());
    }

    /** The outcome when the current step failed with {@code message}; earlier steps stay reported. */
    ApplyOutcome failed(String message) {
        return new ApplyOutcome(
                file, kind, name, action, started, stored, notes, Optional.of(new ApplyOutcome.Failure(step, message)));
    }

    /**
     * The outcome when the connection ended during the current step: a define whose reply never came
     * may or may not have happened.
     */
    ApplyOutcome lost(String message) {
        if ("define".equals(step) || "create".equals(step)) {
            action = ApplyOutcome.Action.UNKNOWN;
        }
        return failed(message);
    }
}
