package org.virtxml.lint;

/** Counts over a whole lint run. */
public record LintSummary(int files, long errors, long warnings, long infos) {

    /** E.g. {@code 3 files: 1 error, 0 warnings, 2 infos}. */
    public String describe() {
        return files + (files == 1 ? " file: " : " files: ") + plural(errors, "error") + ", "
                + plural(warnings, "warning") + ", " + plural(infos, "info");
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
