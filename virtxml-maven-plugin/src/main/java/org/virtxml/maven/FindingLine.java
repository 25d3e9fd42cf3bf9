package org.virtxml.maven;

import java.nio.file.Path;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.Severity;

/** How a finding and a file's result read in Maven's log. */
final class FindingLine {

    private FindingLine() {}

    /** {@code file:line:column: severity: message [rule]}, the file relative to the project when inside it. */
    static String of(Diagnostic d, Path base) {
        StringBuilder sb = new StringBuilder(relative(d.file(), base));
        if (d.hasPosition()) {
            sb.append(':').append(d.line());
            if (d.column() > 0) {
                sb.append(':').append(d.column());
            }
        }
        return sb.append(": ").append(d.severity().id()).append(": ").append(d.message())
                .append(" [").append(d.rule()).append(']').toString();
    }

    /** {@code file (kind): 1 error(s), 2 warning(s), 0 info}. */
    static String fileSummary(FileReport file, Path base) {
        return relative(file.path(), base) + " (" + file.kind() + "): " + file.count(Severity.ERROR) + " error(s), "
                + file.count(Severity.WARNING) + " warning(s), " + file.count(Severity.INFO) + " info";
    }

    private static String relative(String file, Path base) {
        Path p = Path.of(file);
        Path abs = p.toAbsolutePath().normalize();
        Path root = base.toAbsolutePath().normalize();
        return abs.startsWith(root) ? root.relativize(abs).toString() : file;
    }
}
