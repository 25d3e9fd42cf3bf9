package org.virtxml.io;

/**
 * Why a document could not be read, and where: a value a caller can act on (the linter turns it
 * into a diagnostic, {@code fmt} into a line on standard error).
 *
 * @param kind    what went wrong
 * @param source  the file name or other name the document was read under
 * @param line    1-based line where reading stopped (1 when unknown)
 * @param column  1-based column where reading stopped (1 when unknown)
 * @param message what went wrong, in words
 */
public record ReadProblem(Kind kind, String source, int line, int column, String message) {

    /** The kinds of unreadable document. */
    public enum Kind {
        /** Not well-formed XML, or not decodable in its encoding. */
        MALFORMED("xml-malformed"),
        /** A DOCTYPE or entity declaration: refused, never expanded or fetched. */
        UNSAFE("xml-unsafe"),
        /** The root element is not one of domain, pool, volume, capabilities (or not the one asked for). */
        ROOT_UNKNOWN("root-unknown"),
        /** Larger than the reader's size limit, or nested deeper than its depth limit. */
        TOO_LARGE("xml-malformed"),
        /** The document could not be opened or read at all. */
        IO("xml-malformed");

        private final String ruleId;

        Kind(String ruleId) {
            this.ruleId = ruleId;
        }

        /** The lint rule id this problem is reported under. */
        public String ruleId() {
            return ruleId;
        }
    }

    @Override
    public String toString() {
        return source + ":" + line + ":" + column + ": " + message;
    }
}
