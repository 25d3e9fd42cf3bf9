package org.virtxml.cli;

/**
 * The exit codes of every verb, as docs/cli.md lists them: the one table the command line uses.
 */
final class ExitCode {

    /** Done; lint found nothing at or above its fail level. */
    static final int DONE = 0;
    /** Findings at or above the fail level, a difference, an unreadable document, a refused apply, a failed host check. */
    static final int FINDINGS = 1;
    /** A usage error, a missing path, or a failure of the tool itself. */
    static final int USAGE = 2;

    private ExitCode() {}
}
