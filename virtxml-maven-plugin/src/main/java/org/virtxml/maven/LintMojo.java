package org.virtxml.maven;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.HostProfileException;
import org.virtxml.lint.report.ReportFormat;
import org.virtxml.lint.report.ReportFormats;

/**
 * Lints the project's libvirt XML documents (domains, storage pools and volumes, host capabilities)
 * with every rule of virtxml's catalogue. Each finding is logged at Maven's level for its severity,
 * as {@code file:line:column: severity: message [rule]}; the whole report is also written to
 * {@code outputFile} in {@code format} (SARIF by default, where a CI's code scanning upload reads
 * it). The build fails when a finding reaches {@code failOn}.
 */
@Mojo(name = "lint", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class LintMojo extends AbstractMojo {

    /** The project's folder: includes are matched relative to it. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true, required = true)
    private File basedir;

    /** Glob patterns, relative to the project's folder, of the documents to lint. */
    @Parameter
    private List<String> includes = List.of("src/main/libvirt/**/*.xml");

    /** Glob patterns, relative to the project's folder, of documents to leave out. */
    @Parameter
    private List<String> excludes = List.of();

    /** The lowest severity that fails the build: error, warning, info, or never. */
    @Parameter(property = "virtxml.failOn", defaultValue = "error")
    private String failOn;

    /** A {@code virsh capabilities} document: the host-capacity rules judge against it. */
    @Parameter(property = "virtxml.host")
    private File host;

    /** A folder of libvirt's RELAX NG schemas, or {@code installed} (/usr/share/libvirt/schemas). */
    @Parameter(property = "virtxml.schemas")
    private String schemas;

    /** The report's format: text, json, sarif, junit or github. */
    @Parameter(property = "virtxml.format", defaultValue = "sarif")
    private String format;

    /** Where the report is written. */
    @Parameter(property = "virtxml.outputFile", defaultValue = "${project.build.directory}/virtxml-lint.sarif")
    private File outputFile;

    /** Skips the goal. */
    @Parameter(property = "virtxml.skip", defaultValue = "false")
    private boolean skip;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("virtxml lint skipped");
            return;
        }
        FailLevel level = FailLevel.parse(failOn);
        ReportFormat reportFormat = ReportFormats.byName(format).orElseThrow(() -> new MojoExecutionException(
                "unknown <format> '" + format + "' (expected one of " + String.join(", ", ReportFormats.names()) + ")"));
        Path base = basedir.toPath();
        List<Path> files = new IncludedFiles(base, includes, excludes).find();
        if (files.isEmpty()) {
            getLog().info("virtxml lint: no document matches " + includes);
            return;
        }
        LintReport report = lint(files);
        logFindings(report, base);
        write(report, reportFormat, level);
        getLog().info("virtxml lint: " + report.summary().describe() + "; report: " + outputFile);
        if (level.fails(report)) {
            throw new MojoFailureException("virtxml lint: " + report.atOrAbove(level.severity()).size()
                    + " finding(s) at or above " + failOn + " (see above and " + outputFile + ")");
        }
    }

    private LintReport lint(List<Path> files) throws MojoExecutionException {
        Linter.Builder b = Linter.builder();
        try {
            if (host != null) {
                b.host(HostProfile.fromCapabilitiesXml(Files.readString(host.toPath(), StandardCharsets.UTF_8)));
            }
            if (schemas != null && !schemas.isBlank()) {
                if ("installed".equals(schemas.trim())) {
                    b.installedSchemas();
                } else {
                    b.schemas(Path.of(schemas.trim()));
                }
            }
            return b.build().lint(files);
        } catch (HostProfileException e) {
            throw new MojoExecutionException("<host> " + host + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read: " + e.getMessage(), e);
        }
    }

    /** One line per finding, at Maven's level for its severity, then one line per file. */
    private void logFindings(LintReport report, Path base) {
        for (FileReport file : report.files()) {
            for (Diagnostic d : file.diagnostics()) {
                String line = FindingLine.of(d, base);
                switch (d.severity()) {
                    case ERROR -> getLog().error(line);
                    case WARNING -> getLog().warn(line);
                    case INFO -> getLog().info(line);
                }
            }
            getLog().info(FindingLine.fileSummary(file, base));
        }
    }

    private void write(LintReport report, ReportFormat reportFormat, FailLevel level) throws MojoExecutionException {
        try {
            Path out = outputFile.toPath();
            if (out.getParent() != null) {
                Files.createDirectories(out.getParent());
            }
            try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                reportFormat.write(report, level.severityOrLowest(), w);
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + outputFile + ": " + e.getMessage(), e);
        }
    }

    /** {@code failOn}: a severity, or never. */
    private record FailLevel(Severity severity) {

        static FailLevel parse(String text) throws MojoExecutionException {
            if ("never".equalsIgnoreCase(text.trim())) {
                return new FailLevel(null);
            }
            return new FailLevel(Severity.parse(text.trim()).orElseThrow(() -> new MojoExecutionException(
                    "unknown <failOn> '" + text + "' (expected error, warning, info or never)")));
        }

        boolean fails(LintReport report) {
            return severity != null && report.failsAt(severity);
        }

        Severity severityOrLowest() {
            return severity == null ? Severity.ERROR : severity;
        }
    }
}
