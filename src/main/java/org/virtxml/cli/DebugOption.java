package org.virtxml.cli;

import picocli.CommandLine.Option;

/**
 * {@code --debug}: stack traces of internal errors ({@link Main} looks for it among the arguments).
 * A picocli mixin, so that each verb accepts it.
 */
final class DebugOption {

    @Option(names = "--debug", description = "Show stack traces of internal errors.")
    boolean debug;
}
