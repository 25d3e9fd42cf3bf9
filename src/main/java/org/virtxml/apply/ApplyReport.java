package org.virtxml.apply;

import java.util.List;
import java.util.Objects;
import org.virtxml.lint.LintReport;

/**
 * The result of an apply: the lint run that gated it, how the run ended, and what was done to each
 * document (one outcome per document given, in the order they were applied, unless lint refused).
 *
 * @param lint     findings on the documents being applied, with the host's profile and the guests it
 *                 already has
 * @param status   how the run ended
 * @param reason   why it was refused or stopped; empty when it was not
 * @param outcomes one per document (none when lint refused)
 */
public record ApplyReport(LintReport lint, Status status, String reason, List<ApplyOutcome> outcomes) {
    public ApplyReport {
        Objects.requireNonNull(lint, "lint");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
        outcomes = List.copyOf(outcomes);
    }

    /** True when lint errors stopped the apply before anything was done. */
    public boolean refused() {
        return status == Status.REFUSED;
    }

    /** How an apply ended. */
    public enum Status {
        /** Every document was applied. */
        APPLIED,
        /** Lint found errors (and the apply was not forced): nothing was done. */
        REFUSED,
        /** The host refused some documents or steps; the others were applied. */
        FAILED,
        /**
         * The connection ended, a call timed out or the daemon broke the protocol; the documents
         * after it were not tried.
         */
        CONNECTION_LOST
    }
}
