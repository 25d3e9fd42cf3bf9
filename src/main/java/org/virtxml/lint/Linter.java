package org.virtxml.lint;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.ReadProblem;
import org.virtxml.io.TextDecoder;
import org.virtxml.io.XmlFiles;
import org.virtxml.lint.checks.RuleCheck;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.host.DomainCapabilities;
import org.virtxml.lint.host.GuestCapabilities;
import org.virtxml.lint.host.HostProfile;
import org.virtxml.lint.host.QemuProfile;
import org.virtxml.lint.validation.RuleChecks;
import org.virtxml.lint.validation.RuleDispatch;
import org.virtxml.model.domain.Domain;
import org.xml.sax.SAXParseException;

/**
 * The linter: reads libvirt documents (domain, pool, volume, capabilities) and reports every rule
 * of the catalogue they break. Immutable and thread-safe; one instance can lint many runs, from
 * many threads. All documents of one run are treated as guests of one host for the set rules.
 *
 * <pre>{@code
 * LintReport report = Linter.builder().host(HostProfile.local()).failOn(Severity.WARNING).build()
 *         .lint(Path.of("vms"));
 * // in a JUnit test:
 * assertThat(Linter.defaults().lint(Path.of("src/main/libvirt")).errors()).isEmpty();
 * }</pre>
 *
 * A document that cannot be read (malformed, DOCTYPE, unknown root, too large) becomes one
 * diagnostic of its file, never an exception. Paths that do not exist or cannot be opened are the
 * caller's mistake and raise an {@link IOException}.
 */
public final class Linter {

    private final HostProfile host;
    private final GuestCapabilities capabilities;
    private final Set<String> disabled;
    private final SchemaCheck schemas;
    private final Severity failOn;
    private final List<GuestFacts> defined;
    private final LibvirtXml reader;

    private Linter(Builder b) {
        warmUp();
        this.host = b.host;
        this.capabilities = b.capabilities;
        this.disabled = Set.copyOf(b.disabled);
        this.schemas = b.schemas == null ? null : new SchemaCheck(b.schemas);
        this.failOn = b.failOn;
        this.defined = List.copyOf(b.defined);
        this.reader = b.reader;
    }

    /** The linter with default settings: no host profile, no schemas, every rule, fail on errors. */
    public static Linter defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The level at or above which findings fail a run ({@link LintReport#exitCode(Severity)}). */
    public Severity failOn() {
        return failOn;
    }

    /** Whether {@code report} has findings at or above this linter's fail level. */
    public boolean fails(LintReport report) {
        return report.failsAt(failOn);
    }

    /**
     * The rules of the catalogue's checks, dispatched by model class, once per JVM; a typo in a
     * check's rule id stops the linter.
     */
    private static final class Rules {
        static final RuleDispatch DISPATCH = checked();

        private static RuleDispatch checked() {
            requireCatalogued(RuleChecks.all());
            return RuleDispatch.standard();
        }
    }

    /** Every class-level check's rule id is in the catalogue: a typo in a check stops the linter. */
    private static void requireCatalogued(List<RuleCheck<?>> checks) {
        for (RuleCheck<?> c : checks) {
            if (!RuleCatalog.contains(c.rule())) {
                throw new IllegalStateException("rule id not in the catalogue: " + c.rule() + " (on "
                        + c.type().getSimpleName() + ")");
            }
        }
    }

    /**
     * Starts loading the table of allowed values (value-invalid), then the rule dispatch table, in
     * the background, if not started yet, and returns at once: a command line calls it before
     * parsing its arguments. Building a {@link Linter} does the same.
     */
    public static void warmUp() {
        VocabularyLoad.ensureStarted(); // both tables load on a thread of their own
    }

    /**
     * Loads the table of allowed values (value-invalid) in the background, once per JVM, then, on
     * the same thread, the rule dispatch table (the checks' registrations and the catalogue), so
     * that both are ready, or nearly, when the first document has been read.
     */
    private static final class VocabularyLoad extends Thread {
        static {
            new VocabularyLoad().start(); // once per JVM: when the class is initialised
        }

        private VocabularyLoad() {
            super("virtxml-lint-vocabulary");
            setDaemon(true);
        }

        /** Initialises the class, which starts the thread the first time. */
        static void ensureStarted() {
            // the class initialiser does the work
        }

        /** A thread class, not a future and lambdas: nothing is spun on the main thread to start it. */
        @Override
        public void run() {
            try {
                ValueVocabulary.get();
            } catch (RuntimeException | LinkageError e) {
                // a broken table: the first lint meets the same error on its own thread
            }
            try {
                Rules.DISPATCH.getClass();
            } catch (LinkageError e) {
                // a broken table: the first lint meets the same error on its own thread
            }
        }
    }

    // ---- entry points ----

    /** Lints files, and folders searched recursively for {@code *.xml}, in the order given. */
    public LintReport lint(Path... filesOrFolders) throws IOException {
        return lint(Arrays.asList(filesOrFolders));
    }

    /** Lints files, and folders searched recursively for {@code *.xml}, in the order given. */
    public LintReport lint(List<Path> filesOrFolders) throws IOException {
        List<Path> files = collect(filesOrFolders);
        List<Input> inputs = new ArrayList<>(files.size());
        for (Path f : files) {
            inputs.add(new Input(f.toString(), f, null, null));
        }
        try {
            return run(inputs);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Lints one document given as text, under {@code name}. */
    public LintReport lintText(String name, String xml) {
        return run(List.of(new Input(name, null, xml.getBytes(StandardCharsets.UTF_8), null)));
    }

    /** Lints documents already read (or built in code). */
    public LintReport lintDocuments(List<? extends LibvirtDocument<?>> documents) {
        List<Input> inputs = new ArrayList<>();
        int n = 0;
        for (LibvirtDocument<?> d : documents) {
            n++;
            String name = d.source() != null ? d.source() : "document-" + n;
            inputs.add(new Input(name, null, null, d));
        }
        return run(inputs);
    }

    public LintReport lintDocuments(LibvirtDocument<?>... documents) {
        return lintDocuments(Arrays.asList(documents));
    }

    /** The files a list of paths names: files as given, folders searched recursively for {@code *.xml}, sorted. */
    public static List<Path> collect(List<Path> filesOrFolders) throws IOException {
        return XmlFiles.collect(filesOrFolders);
    }

    // ---- the run ----

    private record Input(String name, Path file, byte[] bytes, LibvirtDocument<?> document) {}

    private record Outcome(FileReport report, GuestFacts facts, org.virtxml.lint.facts.RunFacts runFacts) {}

    private LintReport run(List<Input> inputs) {
        // one input (a one-file command line) is linted on this thread: no stream, no common pool
        List<Outcome> outcomes = inputs.size() == 1
                ? List.of(lintOne(inputs.get(0)))
                : IntStream.range(0, inputs.size())
                        .parallel()
                        .mapToObj(i -> lintOne(inputs.get(i)))
                        .toList();
        List<GuestFacts> facts =
                outcomes.stream().map(Outcome::facts).filter(Objects::nonNull).toList();
        List<InternalFailure> runFailures = new ArrayList<>();
        String first = outcomes.isEmpty() ? "" : outcomes.get(0).report().path();
        List<Diagnostic> setFindings =
                new ArrayList<>(guarded("uuid-duplicate", first, runFailures, () -> SetRules.check(facts, defined)));
        setFindings.addAll(guarded(
                "network-overlap",
                first,
                runFailures,
                () -> KindSetRules.check(outcomes.stream()
                        .map(Outcome::runFacts)
                        .filter(Objects::nonNull)
                        .toList())));
        if (host != null) {
            setFindings.addAll(guarded(
                    "memory-overcommit", first, runFailures, () -> HostCapacityRules.check(host, facts, defined)));
        }
        Map<String, List<Diagnostic>> byFile = new HashMap<>();
        for (Diagnostic d : setFindings) {
            if (!disabled.contains(d.rule()) || d.message().startsWith(InternalFailure.PREFIX)) {
                byFile.computeIfAbsent(d.file(), k -> new ArrayList<>()).add(d);
            }
        }
        List<FileReport> reports = new ArrayList<>(outcomes.size());
        for (Outcome o : outcomes) {
            List<Diagnostic> extra = byFile.remove(o.report().path());
            List<InternalFailure> failures = new ArrayList<>(o.report().failures());
            if (o.report().path().equals(first)) {
                failures.addAll(runFailures);
            }
            if (extra == null && failures.size() == o.report().failures().size()) {
                reports.add(o.report());
            } else {
                List<Diagnostic> all = new ArrayList<>(o.report().diagnostics());
                all.addAll(extra == null ? List.of() : extra);
                reports.add(new FileReport(o.report().path(), o.report().kind(), sorted(all), failures));
            }
        }
        return new LintReport(reports);
    }

    /**
     * Reads the facts the run's set rules need: when that throws (a bug), the failure becomes the
     * finding of {@code rule} on the file, and the file takes no part in the set rules.
     */
    private static <F> F guardedFacts(
            String rule,
            String file,
            java.util.Collection<InternalFailure> failures,
            List<Diagnostic> out,
            java.util.function.Supplier<F> reader) {
        try {
            return reader.get();
        } catch (RuntimeException | StackOverflowError e) {
            InternalFailure f = new InternalFailure(file, rule, e);
            failures.add(f);
            out.add(f.diagnostic(0, 0, null));
            return null;
        }
    }

    /**
     * Runs one stage of the linter for {@code file}: when it throws (a bug), the failure is recorded
     * and becomes the finding of {@code rule}, and the run goes on.
     */
    private static List<Diagnostic> guarded(
            String rule,
            String file,
            java.util.Collection<InternalFailure> failures,
            java.util.function.Supplier<List<Diagnostic>> stage) {
        try {
            return stage.get();
        } catch (RuntimeException | StackOverflowError e) {
            InternalFailure f = new InternalFailure(file, rule, e);
            failures.add(f);
            return List.of(f.diagnostic(0, 0, null));
        }
    }

    private static final Comparator<Diagnostic> ORDER = new Order();

    /**
     * Findings by line (those without one last), column, rule and message. A class of its own,
     * not a chain of {@code Comparator} lambdas: the JVM spins none of them at start.
     */
    private static final class Order implements Comparator<Diagnostic> {
        @Override
        public int compare(Diagnostic a, Diagnostic b) {
            int c = Integer.compare(line(a), line(b));
            if (c == 0) {
                c = Integer.compare(a.column(), b.column());
            }
            if (c == 0) {
                c = a.rule().compareTo(b.rule());
            }
            return c != 0 ? c : a.message().compareTo(b.message());
        }

        private static int line(Diagnostic d) {
            return d.line() == 0 ? Integer.MAX_VALUE : d.line();
        }
    }

    private static List<Diagnostic> sorted(List<Diagnostic> diagnostics) {
        return diagnostics.stream().sorted(ORDER).toList();
    }

    private Outcome lintOne(Input in) {
        byte[] bytes = in.bytes();
        LibvirtDocument<?> doc = in.document();
        if (doc == null) {
            try {
                if (bytes == null) {
                    bytes = reader.readBytes(in.file()); // a regular file within the size limit, or refused
                }
                doc = reader.read(new ByteArrayInputStream(bytes), in.name());
            } catch (DocumentReadException e) {
                ReadProblem p = e.problem();
                Diagnostic d = Diagnostic.of(
                        p.kind().ruleId(),
                        p.message(),
                        in.name(),
                        Math.max(0, p.line()),
                        Math.max(0, p.column()),
                        null);
                return new Outcome(
                        new FileReport(in.name(), "unknown", disabled.contains(d.rule()) ? List.of() : List.of(d)),
                        null,
                        null);
            } catch (RuntimeException | StackOverflowError e) {
                InternalFailure f = new InternalFailure(in.name(), "xml-malformed", e);
                return new Outcome(
                        new FileReport(in.name(), "unknown", List.of(f.diagnostic(0, 0, null)), List.of(f)),
                        null,
                        null);
            }
        }
        byte[] source = bytes;
        LibvirtDocument<?> read = doc;
        String name = in.name();
        List<InternalFailure> failures = new ArrayList<>();
        DocumentLinter.Paths paths = DocumentLinter.paths(doc);
        List<Diagnostic> out = new ArrayList<>(
                guarded("unknown-element", name, failures, () -> DocumentLinter.vocabulary(paths, name, disabled)));
        if (!disabled.contains("value-invalid")) {
            out.addAll(guarded("value-invalid", name, failures, () -> ValueChecks.check(paths, name)));
        }
        GuestFacts facts =
                guardedFacts("uuid-duplicate", name, failures, out, () -> GuestFactsReader.read(read, name, paths));
        if (schemas != null && !disabled.contains("schema-invalid")) {
            out.addAll(guarded("schema-invalid", name, failures, () -> schemaFindings(read, name, source)));
        }
        DocumentLinter linter = new DocumentLinter(Rules.DISPATCH);
        // every rule's findings first: value-invalid gives way to a rule of its own at the same place even when
        // that rule is turned off (withoutRepeats); the turned-off rules' findings go after that
        out.addAll(guarded("domain-type-invalid", name, failures, () -> linter.validate(paths, name, failures)));
        if (capabilities != null && read.root() instanceof Domain domain) {
            out.addAll(guarded(
                    "caps-device-unsupported",
                    name,
                    failures,
                    () -> CapabilityRules.check(capabilities, domain, name, paths).stream()
                            .filter(d -> !disabled.contains(d.rule()))
                            .toList()));
        }
        org.virtxml.lint.facts.RunFacts runFacts =
                guardedFacts("network-undefined", name, failures, out, () -> RunFactsReader.read(read, name, paths));
        List<Diagnostic> kept = withoutRepeats(out).stream()
                .filter(d -> !disabled.contains(d.rule()) || d.message().startsWith(InternalFailure.PREFIX))
                .toList();
        return new Outcome(
                new FileReport(name, doc.kind().rootElement(), sorted(kept), List.copyOf(failures)), facts, runFacts);
    }

    /** A value-invalid finding where a rule of its own already reports the value (pool-type-invalid...) is left out. */
    private static List<Diagnostic> withoutRepeats(List<Diagnostic> all) {
        Set<String> spots = new java.util.HashSet<>();
        for (Diagnostic d : all) {
            if (!d.rule().equals("value-invalid") && d.severity() == Severity.ERROR && d.xpath() != null) {
                spots.add(d.xpath());
            }
        }
        return spots.isEmpty()
                ? all
                : all.stream()
                        .filter(d -> !d.rule().equals("value-invalid") || !spots.contains(d.xpath()))
                        .toList();
    }

    private List<Diagnostic> schemaFindings(LibvirtDocument<?> doc, String name, byte[] source) {
        List<Diagnostic> out = new ArrayList<>();
        try {
            String text = source != null ? TextDecoder.decode(source, name) : doc.write();
            for (SAXParseException e : schemas.validate(doc.kind(), text, name)) {
                out.add(Diagnostic.of(
                        "schema-invalid",
                        "RELAX NG: " + e.getMessage(),
                        name,
                        Math.max(0, e.getLineNumber()),
                        Math.max(0, e.getColumnNumber()),
                        null));
            }
        } catch (IOException e) { // also DocumentReadException: cannot happen for a document that was read
            out.add(Diagnostic.of("schema-invalid", "schema check not possible: " + e.getMessage(), name, 0, 0, null));
        }
        return out;
    }

    /** Builds a {@link Linter}; every setting is optional. */
    public static final class Builder {
        private HostProfile host;
        private GuestCapabilities capabilities;
        private final Set<String> disabled = new LinkedHashSet<>();
        private Path schemas;
        private Severity failOn = Severity.ERROR;
        private final List<GuestFacts> defined = new ArrayList<>();
        private LibvirtXml reader = LibvirtXml.defaults();

        private Builder() {}

        /** Enables the host-capacity rules for this host. */
        public Builder host(HostProfile host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /**
         * Enables the capability rules against one domain capabilities document
         * ({@code virsh domcapabilities}, {@link DomainCapabilities#read}): it applies to the guests
         * of its arch, virtualization type and machine family.
         */
        public Builder domainCapabilities(GuestCapabilities capabilities) {
            this.capabilities = Objects.requireNonNull(capabilities, "capabilities");
            return this;
        }

        /**
         * Enables the capability rules against a shipped QEMU profile ({@code 9.2}, {@code 10.0},
         * {@code 9.2+amdsev}; see {@link QemuProfile#VERSIONS}).
         *
         * @throws IllegalArgumentException for a profile not shipped
         */
        public Builder qemu(String version) {
            return domainCapabilities(QemuProfile.named(version));
        }

        /** Turns rules off, by id. */
        public Builder disable(String... rules) {
            for (String r : rules) {
                if (!RuleCatalog.contains(r)) {
                    throw new IllegalArgumentException("unknown rule id: " + r);
                }
                disabled.add(r);
            }
            return this;
        }

        /**
         * Checks documents against the RELAX NG schemas in {@code folder} (schema-invalid). Needs Jing
         * ({@code org.relaxng:jing}) on the class path, an optional dependency of this library.
         *
         * @throws IllegalStateException when Jing is not on the class path
         * @throws IllegalArgumentException when the folder lacks a kind's schema
         */
        public Builder schemas(Path folder) {
            if (!SchemaCheckAvailability.jingPresent()) {
                throw new IllegalStateException(SchemaCheckAvailability.MISSING);
            }
            if (!SchemaCheck.usable(folder)) {
                throw new IllegalArgumentException(
                        "no libvirt RELAX NG schemas (domain.rng, storagepool.rng, ...) in " + folder);
            }
            this.schemas = folder;
            return this;
        }

        /** Checks documents against the installed libvirt's schemas (/usr/share/libvirt/schemas). */
        public Builder installedSchemas() {
            return schemas(SchemaCheck.INSTALLED);
        }

        public Builder failOn(Severity level) {
            this.failOn = Objects.requireNonNull(level, "level");
            return this;
        }

        /** Guests already defined on the host: the set and capacity rules count them (a same-UUID document replaces one). */
        public Builder defined(List<GuestFacts> guests) {
            defined.addAll(guests);
            return this;
        }

        /** The reader (and its size and depth limits) used for documents given as files or text. */
        public Builder reader(LibvirtXml reader) {
            this.reader = Objects.requireNonNull(reader, "reader");
            return this;
        }

        public Linter build() {
            return new Linter(this);
        }
    }
}
