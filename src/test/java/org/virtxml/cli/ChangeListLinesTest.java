package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.edit.Change;
import org.virtxml.edit.CloneOptions;
import org.virtxml.edit.DomainCloner;
import org.virtxml.edit.EditRefusedException;
import org.virtxml.edit.EditResult;
import org.virtxml.edit.VirtioConversion;
import org.virtxml.io.ElementLines;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.LineDiff;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.virtxml.model.domain.Domain;

/**
 * {@code clone} and {@code edit --virtio} change exactly the lines their change list names: the
 * diff between the document read and the one written removes (or rewrites) those lines and no
 * other. On the samples through the CLI, on every corpus domain through the same operations.
 */
class ChangeListLinesTest {

    @Test
    void cloneAndVirtioOnTheSamplesChangeOnlyTheNamedLines() throws Exception {
        List<Path> samples;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/samples"))) {
            samples = new ArrayList<>(
                    s.filter(p -> p.toString().endsWith(".xml")).sorted().toList());
        }
        samples.add(Path.of("src/test/resources/edit/clone-source.xml"));
        int checked = 0;
        for (Path f : samples) {
            String original = Files.readString(f);
            if (!(LibvirtXml.defaults().read(f).root() instanceof Domain)) {
                continue;
            }
            AuthoringCommandsTest.Run clone = AuthoringCommandsTest.run(
                    new CloneCommand(new SplittableRandom(7), System.in), "--name", "copy-of-it", f.toString());
            assertThat(clone.status()).as(f + ": clone").isZero();
            assertNamedLinesOnly(f, original, clone.out(), changes(clone.err()));
            AuthoringCommandsTest.Run virtio = AuthoringCommandsTest.run(new EditCommand(), "--virtio", f.toString());
            assertThat(virtio.status()).as(f + ": edit --virtio").isZero();
            assertNamedLinesOnly(f, original, virtio.out(), changes(virtio.err()));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }

    @Test
    void cloneAndVirtioOnEveryCorpusDomainChangeOnlyTheNamedLines() throws Exception {
        int clones = 0;
        int conversions = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : Corpus.xmlFiles()) {
            LibvirtDocument<?> doc = Corpus.readable(f).orElse(null);
            if (doc == null) {
                continue;
            }
            if (!(doc.root() instanceof Domain domain)) {
                continue;
            }
            String original = doc.write();
            try {
                EditResult<Domain> clone = DomainCloner.withRandom(new SplittableRandom(f.hashCode()))
                        .clone(domain, CloneOptions.named("copy-of-it"));
                String problem =
                        namedLinesOnly(original, doc.withRoot(clone.root()).write(), clone.changes(), domain);
                if (problem != null) {
                    failures.add(Corpus.relative(f) + ": clone: " + problem);
                }
                clones++;
            } catch (EditRefusedException e) {
                // a running source (with an id): refused, nothing written
            }
            List<Change> changes = new VirtioConversion().apply(domain).changes();
            String problem = namedLinesOnly(
                    original,
                    doc.write(),
                    changes,
                    LibvirtXml.defaults().parseDomain(original).root());
            if (problem != null) {
                failures.add(Corpus.relative(f) + ": --virtio: " + problem);
            }
            conversions++;
        }
        System.out.println("change lists: " + clones + " clones, " + conversions + " virtio conversions, "
                + failures.size() + " with other lines changed");
        assertThat(clones).isGreaterThan(2000);
        assertThat(failures).isEmpty();
    }

    private static List<Change> changes(String err) {
        return err.lines()
                .map(l -> {
                    int colon = l.indexOf(": ");
                    return new Change(l.substring(0, colon), l.substring(colon + 2));
                })
                .toList();
    }

    private static void assertNamedLinesOnly(Path f, String original, String written, List<Change> changes)
            throws Exception {
        assertThat(namedLinesOnly(
                        original,
                        written,
                        changes,
                        LibvirtXml.defaults().parseDomain(original).root()))
                .as(f.toString())
                .isNull();
    }

    /** Null when the diff removes or rewrites exactly the lines the changes name, else what differs. */
    private static String namedLinesOnly(String original, String written, List<Change> changes, Domain before) {
        SortedSet<Integer> named = new TreeSet<>();
        int removedLines = 0;
        boolean additions = false;
        for (Change c : changes) {
            if (c.description().contains(" kept")) {
                continue; // a note on what was left as it was
            }
            String path = c.path();
            String attribute = null;
            int at = path.lastIndexOf("/@");
            if (at >= 0) {
                attribute = path.substring(at + 2);
                path = path.substring(0, at);
            }
            ModelElement e = resolve(before, path);
            if (e == null) {
                if (resolve(before, path.substring(0, path.lastIndexOf('/'))) == null) {
                    return "cannot find " + c.path() + " nor its parent in the document read";
                }
                additions = true; // a new element: added lines only
                continue;
            }
            int line = attribute != null
                    ? e.attributeLocation(attribute).orElseThrow().line()
                    : e.location().orElseThrow().line();
            if (c.description().startsWith("removed") && attribute == null) {
                int last = ElementLines.lastLine(original, e.location().orElseThrow());
                for (int l = line; l <= last; l++) {
                    named.add(l);
                }
                removedLines += last - line + 1;
            } else {
                named.add(line);
            }
        }
        LineDiff diff = LineDiff.of(original, written);
        int rewritten = named.size() - removedLines;
        boolean sameRemoval = diff.removed().equals(named) || sameLinesKept(original, diff.removed(), named);
        if (!sameRemoval
                || (additions ? diff.added().size() <= rewritten : diff.added().size() != rewritten)) {
            return "changes " + changes + " name lines " + named + " but the diff is " + diff;
        }
        return null;
    }

    /**
     * Whether removing the lines {@code a} or the lines {@code b} (1-based) leaves the same text: a
     * line diff is not unique when a removed element sits between identical lines (its closing tag
     * and a sibling's), so it may name a block shifted by those lines.
     */
    private static boolean sameLinesKept(String original, java.util.Set<Integer> a, java.util.Set<Integer> b) {
        List<String> lines = original.lines().toList();
        List<String> keptA = new ArrayList<>();
        List<String> keptB = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!a.contains(i + 1)) {
                keptA.add(lines.get(i));
            }
            if (!b.contains(i + 1)) {
                keptB.add(lines.get(i));
            }
        }
        return a.size() == b.size() && keptA.equals(keptB);
    }

    /** The element at a change path ({@code /domain/devices/disk[1]/target}) in a model. */
    private static ModelElement resolve(ModelElement root, String path) {
        String[] steps = path.split("/");
        ModelElement e = root;
        for (int i = 2; i < steps.length && e != null; i++) {
            String step = steps[i];
            int bracket = step.indexOf('[');
            String name = bracket < 0 ? step : step.substring(0, bracket);
            int index = bracket < 0 ? 0 : Integer.parseInt(step.substring(bracket + 1, step.length() - 1)) - 1;
            ModelElement parent = e;
            e = null;
            for (ModelProperty p : ModelProperty.of(parent.getClass())) {
                if (!p.isAttribute() && p.xmlName().equals(name)) {
                    List<Object> values = p.values(parent);
                    e = index < values.size() ? (ModelElement) values.get(index) : null;
                }
            }
        }
        return e;
    }
}
