package org.virtxml.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.ElementLines;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.LineDiff;
import org.virtxml.io.ModelWalk;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelProperty;

/**
 * Byte-stable writing over libvirt's corpus and the project's samples: every readable document
 * written back unchanged gives its own bytes; one changed attribute changes exactly its line; one
 * removed element removes exactly its lines; each edited document reads back to the edited model.
 */
class CorpusByteStableTest {

    @Test
    void everyReadableDocumentWritesBackByteIdenticalAndEditsTouchOnlyTheirLines() throws Exception {
        List<Path> files = new ArrayList<>(Corpus.xmlFiles());
        files.addAll(samples());
        int read = check(files);
        assertThat(read).isGreaterThan(2500);
    }

    @Test
    void theProjectsOwnDocumentsWriteBackByteIdentical() throws Exception {
        assertThat(check(samples())).isGreaterThan(10);
    }

    private static List<Path> samples() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("src/test/resources"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    /** The number of documents read; fails unless each writes back byte-identical and both edits touch only their lines. */
    private static int check(List<Path> files) throws Exception {
        Map<DocumentKind, Integer> read = new EnumMap<>(DocumentKind.class);
        Map<DocumentKind, Integer> identical = new EnumMap<>(DocumentKind.class);
        List<String> failures = new ArrayList<>();
        int edits = 0;
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            LibvirtDocument<?> doc = Corpus.readable(f).orElse(null);
            if (doc == null) {
                continue;
            }
            read.merge(doc.kind(), 1, Integer::sum);
            if (Arrays.equals(bytes, doc.toBytes())) {
                identical.merge(doc.kind(), 1, Integer::sum);
            } else {
                failures.add(f + ": no-op write differs");
            }
            String text = doc.write();
            String attributeEdit = changeOneAttribute(LibvirtXml.defaults().read(f), text, seed(f));
            String removal = removeOneElement(LibvirtXml.defaults().read(f), text, seed(f));
            edits += 2;
            if (attributeEdit != null) {
                failures.add(f + ": " + attributeEdit);
            }
            if (removal != null) {
                failures.add(f + ": " + removal);
            }
        }
        System.out.println("byte-stable: read " + read + ", byte-identical " + identical + ", " + edits
                + " single edits checked, failures " + failures.size());
        assertThat(identical).isEqualTo(read);
        assertThat(failures).isEmpty();
        return read.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Appends to one attribute's value; null when only its line changed and the result reads back to the edited model. */
    /** The edit chosen for a file: from its name within the corpus, so it does not depend on where the corpus lies. */
    private static int seed(Path f) {
        Path p = f.toAbsolutePath().normalize();
        int at = p.toString().indexOf("libvirt-11.3.0");
        return (at < 0 ? p.toString() : p.toString().substring(at)).hashCode();
    }

    private static String changeOneAttribute(LibvirtDocument<?> doc, String original, int seed) throws Exception {
        List<Object[]> candidates = new ArrayList<>();
        for (ModelWalk.Node n : ModelWalk.nodes(doc.root())) {
            for (ModelProperty p : ModelProperty.of(n.element().getClass())) {
                if (p.isAttribute() && p.get(n.element()) != null) {
                    candidates.add(new Object[] {n, p});
                }
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        Object[] pick = candidates.get(Math.floorMod(seed, candidates.size()));
        ModelWalk.Node n = (ModelWalk.Node) pick[0];
        ModelProperty p = (ModelProperty) pick[1];
        String value = p.toText(p.get(n.element()));
        p.put(n.element(), p.fromText(value + "-edited"));
        String written = doc.write();
        LineDiff diff = LineDiff.of(original, written);
        int line = n.element().attributeLocation(p.xmlName()).orElseThrow().line();
        int last = line + (int) value.chars().filter(c -> c == '\n').count();
        if (diff.removed().isEmpty()
                || diff.removed().first() < line
                || diff.removed().last() > last
                || diff.added().size() != diff.removed().size()) {
            return "changing @" + p.xmlName() + " at line " + line + " changed lines " + diff;
        }
        return readsBackTo(doc, written);
    }

    /** Removes one typed element; null when only its lines went and the result reads back to the edited model. */
    private static String removeOneElement(LibvirtDocument<?> doc, String original, int seed) throws Exception {
        // Not the typed occurrence of an element the model holds once but the document repeats (nwfilter's
        // <tcp> rules): without it, the earlier occurrence, kept as-is, is typed again on reading, so the
        // bytes are right but the model read back is not the edited one. That ambiguity is the repeated
        // element's (README, known limits), not the writer's.
        List<ModelWalk.Node> nodes = ModelWalk.nodes(doc.root()).stream()
                .filter(x -> x.parent() == null
                        || x.property().isList()
                        || x.parent().keptElements().stream()
                                .noneMatch(k -> x.property().xmlName().equals(k.getLocalName())))
                .toList();
        if (nodes.size() < 2) {
            return null;
        }
        ModelWalk.Node n = nodes.get(1 + Math.floorMod(seed, nodes.size() - 1));
        int first = n.element().location().orElseThrow().line();
        int last = ElementLines.lastLine(original, n.element().location().orElseThrow());
        ModelWalk.remove(n);
        String written = doc.write();
        List<String> lines = new ArrayList<>(Arrays.asList(original.split("\n", -1)));
        boolean ownLines = lines.get(first - 1)
                        .substring(0, n.element().location().orElseThrow().column() - 1)
                        .isBlank()
                && lines.get(last - 1).trim().endsWith(">")
                && !lines.get(last - 1).trim().endsWith("-->");
        if (ownLines) {
            lines.subList(first - 1, last).clear();
            if (!written.equals(String.join("\n", lines))) {
                return "removing <" + n.property().xmlName() + "> at lines " + first + "-" + last
                        + " did not remove exactly those lines: " + LineDiff.of(original, written);
            }
        } else {
            LineDiff diff = LineDiff.of(original, written);
            if (diff.removed().isEmpty()
                    || diff.removed().first() < first
                    || diff.removed().last() > last) {
                return "removing <" + n.property().xmlName() + "> inside lines " + first + "-" + last
                        + " changed lines " + diff;
            }
        }
        return readsBackTo(doc, written);
    }

    private static String readsBackTo(LibvirtDocument<?> doc, String written) {
        try {
            LibvirtDocument<?> again = LibvirtXml.defaults().parse(written);
            return again.root().equals(doc.root()) ? null : "does not read back to the edited model";
        } catch (DocumentReadException e) {
            return "unreadable after the edit: " + e.getMessage();
        }
    }
}
