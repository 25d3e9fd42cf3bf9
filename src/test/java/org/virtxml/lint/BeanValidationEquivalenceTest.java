package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.checks.Finding;
import org.virtxml.lint.validation.LintConstraints;
import org.virtxml.lint.validation.RuleDispatch;
import org.virtxml.model.ModelElement;

/**
 * The linter's direct dispatch ({@link RuleDispatch}) and the Jakarta Bean Validation setup built
 * from the same tables ({@link LintConstraints}, Hibernate Validator) find the same problems, element
 * by element: rule, element, attribute and message, over the bundled documents and, with
 * {@code -Dvirtxml.corpus}, over every readable corpus document.
 *
 * <p>One difference is by design: Hibernate Validator keeps its violations in a set whose equality
 * ignores the dynamic payload, so two findings of one constraint on one element with the same
 * wording (the same MAC on three interfaces, seen from the domain) are one violation there, the
 * first. The direct path reports each; the comparison folds them the same way, and a test below
 * shows one such case.
 */
class BeanValidationEquivalenceTest {

    private static LintConstraints beanValidation;
    private static final RuleDispatch DIRECT = RuleDispatch.standard();

    @BeforeAll
    static void bootstrap() {
        beanValidation = LintConstraints.create();
    }

    @Test
    void bothPathsFindTheSameOverTheBundledDocuments() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            files = s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
        Tally t = compare(files);
        assertThat(t.documents).as("documents compared").isGreaterThanOrEqualTo(40);
        assertThat(t.findings).as("findings compared").isGreaterThanOrEqualTo(30);
    }

    @Test
    void bothPathsFindTheSameOverTheCorpus() throws IOException {
        Tally t = compare(Corpus.xmlFiles());
        System.out.println("BeanValidationEquivalenceTest: " + t.documents + " corpus documents, " + t.elements
                + " elements, " + t.findings + " findings compared, " + t.folded + " folded by Hibernate Validator");
        assertThat(t.documents).as("documents compared").isGreaterThanOrEqualTo(2_500);
        assertThat(t.findings).as("findings compared").isGreaterThanOrEqualTo(1_500);
    }

    @Test
    void everyFieldConstraintFindsTheSameOnBothPaths() throws Exception {
        LibvirtDocument<?> doc = LibvirtXml.defaults()
                .read(
                        "<domain><name>x</name><uuid>not-a-uuid</uuid><memory unit='XiB'>1</memory>"
                                + "<vcpu cpuset='0-'>2</vcpu><cputune><vcpupin vcpu='0' cpuset='^0'/></cputune>"
                                + "<devices><disk type='file'><driver name='qemu' type='qcow3'/>"
                                + "<target dev='vda'/></disk><interface type='network'>"
                                + "<mac address='01:00:5e:00:00:01'/><source network='default'/></interface>"
                                + "</devices></domain>",
                        "fields.xml");
        Tally t = new Tally();
        compare(doc, t);
        List<String> rules = new ArrayList<>();
        for (ModelElement e : DocumentLinter.paths(doc).order) {
            for (String f : direct(e, DocumentLinter.paths(doc))) {
                rules.add(f.substring(0, f.indexOf(' ')));
            }
        }
        assertThat(rules)
                .contains(
                        "domain-type-invalid",
                        "uuid-invalid",
                        "unit-invalid",
                        "cpuset-invalid",
                        "cpuset-empty",
                        "disk-format-invalid",
                        "mac-multicast");
    }

    @Test
    void hibernateValidatorFoldsEqualFindingsOfOneConstraintOnOneElement() throws Exception {
        String nic = "<interface type='network'><mac address='52:54:00:00:00:01'/><source network='default'/>"
                + "</interface>";
        LibvirtDocument<?> doc = LibvirtXml.defaults()
                .read(
                        "<domain type='kvm'><name>x</name><memory>1024</memory><os><type>hvm</type></os>" + "<devices>"
                                + nic + nic + nic + "</devices></domain>",
                        "macs.xml");
        DocumentLinter.Paths paths = DocumentLinter.paths(doc);
        ModelElement domain = doc.root();
        long direct = raw(domain, paths).stream()
                .filter(f -> f.startsWith("mac-duplicate "))
                .count();
        long bean = bean(domain, paths).stream()
                .filter(f -> f.startsWith("mac-duplicate "))
                .count();
        assertThat(direct).as("the direct path: the 2nd and the 3rd interface").isEqualTo(2);
        assertThat(bean).as("Hibernate Validator: one violation for both").isEqualTo(1);
    }

    private static final class Tally {
        int documents;
        int elements;
        int findings;
        int folded;
    }

    private static Tally compare(List<Path> files) {
        Tally t = new Tally();
        for (Path f : files) {
            LibvirtDocument<?> doc;
            try {
                doc = LibvirtXml.defaults().read(f);
            } catch (org.virtxml.io.DocumentReadException
                    | RuntimeException e) { // not well-formed, or of a kind the model does not read
                continue;
            }
            compare(doc, t);
        }
        return t;
    }

    private static void compare(LibvirtDocument<?> doc, Tally t) {
        DocumentLinter.Paths paths = DocumentLinter.paths(doc);
        t.documents++;
        for (ModelElement e : paths.order) {
            List<String> direct = direct(e, paths);
            List<String> bean = bean(e, paths);
            assertThat(sorted(direct)).as("%s %s", doc.source(), paths.of(e)).isEqualTo(sorted(bean));
            t.elements++;
            t.findings += bean.size();
            t.folded += raw(e, paths).size() - direct.size();
        }
    }

    /** The direct path's findings on one element, folded as Hibernate Validator folds its violations. */
    private static List<String> direct(ModelElement e, DocumentLinter.Paths paths) {
        List<String> out = new ArrayList<>();
        for (RuleDispatch.ElementRule rule : DIRECT.of(e.getClass())) {
            Set<String> messages = new HashSet<>();
            for (String f : run(rule, e, paths)) {
                if (messages.add(f.substring(f.indexOf('|')))) {
                    out.add(f.substring(0, f.indexOf('|')));
                }
            }
        }
        return out;
    }

    /** The direct path's findings on one element, each one. */
    private static List<String> raw(ModelElement e, DocumentLinter.Paths paths) {
        List<String> out = new ArrayList<>();
        for (RuleDispatch.ElementRule rule : DIRECT.of(e.getClass())) {
            for (String f : run(rule, e, paths)) {
                out.add(f.substring(0, f.indexOf('|')));
            }
        }
        return out;
    }

    /** Each finding of one rule as "rule element attribute: message|message". */
    private static List<String> run(RuleDispatch.ElementRule rule, ModelElement e, DocumentLinter.Paths paths) {
        List<Finding> found = new ArrayList<>();
        try {
            rule.check().check(e, found::add);
        } catch (RuntimeException | StackOverflowError x) {
            String m = "internal error: " + x.getClass().getSimpleName();
            return List.of(describe(rule.rule(), e, null, m, paths) + "|" + m);
        }
        List<String> out = new ArrayList<>();
        for (Finding f : found) {
            String id = f.spot().rule() != null ? f.spot().rule() : rule.rule();
            ModelElement at = f.spot().element() != null ? f.spot().element() : e;
            out.add(describe(id, at, f.spot().attribute(), f.message(), paths) + "|" + f.message());
        }
        return out;
    }

    private static List<String> bean(ModelElement e, DocumentLinter.Paths paths) {
        return beanValidation.validate(e).stream()
                .map(v -> describe(v.rule(), v.element(), v.attribute(), v.message(), paths))
                .toList();
    }

    private static String describe(
            String rule, ModelElement at, String attribute, String message, DocumentLinter.Paths paths) {
        return rule + " " + paths.of(at) + " @" + attribute + ": " + message;
    }

    private static List<String> sorted(List<String> l) {
        return l.stream().sorted().toList();
    }
}
