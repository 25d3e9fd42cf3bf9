package org.virtxml.apply;

import java.util.List;
import org.virtxml.lint.LintReport;

/**
 * The result of an apply: the lint run that gated it, whether it was refused, and what was done to
 * each document (nothing when refused).
 *
 * @param lint     findings on the documents being applied, with the host's profile and the guests it
 *                 already has
 * @param refused  true when lint errors stopped the apply (and it was not forced) or the host refused
 *                 a definition
 * @param reason   why it was refused; empty when it was not
 * @param outcomes one per document defined
 */
public record ApplyReport(LintReport lint, boolean refused, String reason, List<ApplyOutcome> outcomes) {
    public ApplyReport {
        outcomes = List.copyOf(outcomes);
    }
}
