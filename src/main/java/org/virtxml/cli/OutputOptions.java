package org.virtxml.cli;

import picocli.CommandLine.Option;

/**
 * Where a verb that changes a FILE writes the result (spec/cli.md): standard output by default,
 * {@code -o FILE}, or back into FILE with {@code --write}; the source's comments are kept unless
 * {@code --drop-comments}. A picocli mixin.
 */
final class OutputOptions {

    @Option(
            names = {"-o", "--output"},
            paramLabel = "FILE",
            description = "Write the result to FILE (atomically).")
    String output;

    @Option(names = "--write", description = "Write the result back into FILE (atomically).")
    boolean write;

    @Option(names = "--drop-comments", description = "Leave out the source's comments and processing instructions.")
    boolean dropComments;
}
