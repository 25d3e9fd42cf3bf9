package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.w3c.dom.Element;

/**
 * Issue 2, item 3, with QuickTheories: documents built at random through the API survive
 * write → read unchanged; random unknown content inserted anywhere into real documents survives
 * read → write; deep copies are equal and independent.
 */
class ModelPropertyTest {
    private static final int MAX_DEPTH = 7;

    // ---- built through the API ----

    @Test
    void documentsBuiltThroughTheApiSurviveWriteAndRead() {
        qt().withExamples(400).forAll(longs().all(), integers().between(0, 3)).checkAssert((seed, k) -> {
            DocumentKind kind = DocumentKind.values()[k];
            ModelElement root = new RandomDocuments(new Random(seed), MAX_DEPTH).document(kind);
            String written = LibvirtXml.toXml(root);
            LibvirtDocument<?> back = parse(written);
            assertThat(back.kind()).isEqualTo(kind);
            assertThat(back.root())
                    .as(
                            "read back differs at %s:%n%s",
                            firstDifference(root, back.root(), "/" + kind.rootElement()), written)
                    .isEqualTo(root);
            String rewritten = back.normalized();
            assertThat(LosslessCheck.compare(written, rewritten))
                    .as("%s%nrewritten:%n%s", written, rewritten)
                    .isEmpty();
        });
    }

    @Test
    void theGeneratorReachesMuchOfTheModel() {
        for (DocumentKind kind : DocumentKind.values()) {
            Set<Class<?>> classes = new HashSet<>();
            int elements = 0;
            for (long seed = 0; seed < 100; seed++) {
                elements += walk(new RandomDocuments(new Random(seed), MAX_DEPTH).document(kind), classes)
                        .size();
            }
            System.out.println(
                    kind + ": " + classes.size() + " classes, " + elements + " elements in 100 random documents");
            int reachable = reachableClasses(kind.rootClass());
            if (reachable > 30) {
                assertThat(elements)
                        .as("elements in 100 random %s documents", kind)
                        .isGreaterThan(500);
                assertThat(classes.size())
                        .as("classes reached for %s", kind)
                        .isGreaterThan(kind == DocumentKind.DOMAIN ? 150 : 15);
            } else {
                // a small grammar (a secret, a filter binding): most of its classes, in many elements
                assertThat(elements)
                        .as("elements in 100 random %s documents", kind)
                        .isGreaterThan(200);
                assertThat(classes.size())
                        .as("classes reached for %s of %d", kind, reachable)
                        .isGreaterThanOrEqualTo(reachable / 2);
            }
        }
    }

    /** The model classes reachable from a root class through its typed element properties. */
    static int reachableClasses(Class<? extends ModelElement> root) {
        Set<Class<?>> seen = new HashSet<>();
        java.util.Deque<Class<? extends ModelElement>> todo = new java.util.ArrayDeque<>(List.of(root));
        while (!todo.isEmpty()) {
            Class<? extends ModelElement> c = todo.pop();
            if (seen.add(c)) {
                for (ModelProperty p : ModelProperty.of(c)) {
                    if (!p.isAttribute() && ModelElement.class.isAssignableFrom(p.valueType())) {
                        todo.push(p.valueType().asSubclass(ModelElement.class));
                    }
                }
            }
        }
        return seen.size();
    }

    /** Where two model trees first differ, for failure messages. */
    static String firstDifference(ModelElement a, ModelElement b, String path) {
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " vs "
                    + b.getClass().getSimpleName();
        }
        for (ModelProperty p : ModelProperty.of(a.getClass())) {
            List<Object> va = p.values(a);
            List<Object> vb = p.values(b);
            if (p.isAttribute()) {
                if (!va.equals(vb)) {
                    return path + "/@" + p.xmlName() + ": " + va + " vs " + vb;
                }
                continue;
            }
            if (va.size() != vb.size()) {
                return path + "/" + p.xmlName() + ": " + va.size() + " vs " + vb.size() + " elements";
            }
            for (int i = 0; i < va.size(); i++) {
                if (va.get(i) instanceof ModelElement ea && vb.get(i) instanceof ModelElement eb && !ea.equals(eb)) {
                    return firstDifference(ea, eb, path + "/" + p.xmlName() + "[" + (i + 1) + "]");
                }
            }
        }
        return path + ": own content: text [" + a.getText() + "] vs [" + b.getText() + "], kept elements "
                + a.keptElements().size() + " vs " + b.keptElements().size() + ", kept attributes " + a.keptAttributes()
                + " vs " + b.keptAttributes();
    }

    // ---- deep copies ----

    @Test
    void deepCopyEqualsTheOriginalAndIsIndependentOfIt() {
        qt().withExamples(300).forAll(longs().all(), integers().between(0, 3)).checkAssert((seed, k) -> {
            Random random = new Random(seed);
            ModelElement original = new RandomDocuments(random, MAX_DEPTH).document(DocumentKind.values()[k]);
            String before = LibvirtXml.toXml(original);
            ModelElement copy = original.deepCopy();
            ModelElement typed = ModelElement.copyOf(original);
            assertThat(copy).isNotSameAs(original).isEqualTo(original).hasSameClassAs(original);
            assertThat(typed).isNotSameAs(original).isEqualTo(original);
            assertThat(LibvirtXml.toXml(copy)).isEqualTo(before);

            String change = mutate(copy, random);
            assertThat(copy).as("copy after %s", change).isNotEqualTo(original);
            assertThat(LibvirtXml.toXml(original))
                    .as("original after the copy's %s", change)
                    .isEqualTo(before);
            assertThat(typed).isEqualTo(original);

            change = mutate(original, random);
            assertThat(typed).as("second copy after the original's %s", change).isNotEqualTo(original);
            assertThat(LibvirtXml.toXml(typed))
                    .as("second copy after the original's %s", change)
                    .isEqualTo(before);
        });
    }

    /** One change somewhere in the tree: a kept attribute, a kept DOM element's attribute, or a list entry. */
    @SuppressWarnings("fallthrough") // each case falls back to the next kind of change when it cannot apply
    private static String mutate(ModelElement root, Random random) {
        List<ModelElement> all = walk(root, new HashSet<>());
        ModelElement target = all.get(random.nextInt(all.size()));
        List<Element> kept = target.keptElements();
        switch (random.nextInt(3)) {
            case 0:
                if (!kept.isEmpty()) {
                    kept.get(0).setAttributeNS(null, "mutated", "yes");
                    return "kept DOM attribute on " + kept.get(0).getLocalName();
                }
            // fall through
            case 1:
                for (ModelProperty p : ModelProperty.of(target.getClass())) {
                    List<Object> values = p.values(target);
                    if (p.isList() && !values.isEmpty() && values.get(0) instanceof ModelElement first) {
                        first.keptAttributes().put(new QName(RandomDocuments.FOREIGN_NS, "mutated", "m"), "in list");
                        return "change in list " + p.xmlName();
                    }
                }
            // fall through
            default:
                target.keptAttributes().put(new QName(RandomDocuments.FOREIGN_NS, "mutated", "m"), "yes");
                return "kept attribute on " + target.getClass().getSimpleName();
        }
    }

    /** Every model element of a tree, root first; adds their classes to {@code classes}. */
    private static List<ModelElement> walk(ModelElement root, Set<Class<?>> classes) {
        List<ModelElement> out = new ArrayList<>();
        List<ModelElement> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            ModelElement e = todo.remove(todo.size() - 1);
            out.add(e);
            classes.add(e.getClass());
            for (ModelProperty p : ModelProperty.of(e.getClass())) {
                if (!p.isAttribute()) {
                    for (Object v : p.values(e)) {
                        if (v instanceof ModelElement m) {
                            todo.add(m);
                        }
                    }
                }
            }
        }
        return out;
    }

    // ---- unknown content inserted into real documents ----

    @Test
    void unknownContentInsertedAnywhereIntoRealDocumentsSurvives() throws IOException {
        List<Path> pool = realDocuments();
        qt().withExamples(500).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            Path file = pool.get(random.nextInt(pool.size()));
            UnknownInsertions insertions = new UnknownInsertions(random);
            String original;
            String input;
            try {
                original = Files.readString(file, StandardCharsets.UTF_8);
                input = insertions.insert(original, 1 + random.nextInt(6));
            } catch (Exception e) {
                throw new AssertionError("cannot prepare " + file + ": " + e, e);
            }
            assertThat(LosslessCheck.compare(input, original))
                    .as("the insertions %s are seen", insertions.done())
                    .isNotEmpty();
            String output = parse(input).normalized();
            assertThat(LosslessCheck.compare(input, output))
                    .as("%s with %s:%n%s%nwritten:%n%s", file.getFileName(), insertions.done(), input, output)
                    .isEmpty();
        });
    }

    @Test
    void secondSingletonsAndContentUnderLeavesSurvive() throws Exception {
        String xml = "<domain type='kvm' zz='1' xmlns:f='urn:f'>\n"
                + "  <name f:lang='en'>vm<zz-under-name k='v'>t</zz-under-name></name>\n"
                + "  <name>second</name>\n"
                + "  <uuid>fba439f9-f793-4c0f-b3c1-fc5333adb131</uuid>\n  <uuid>00000000-0000-0000-0000-000000000001</uuid>\n"
                + "  <memory unit='KiB'>1024</memory>\n  <memory unit='MiB' zz-odd='x'>2</memory>\n"
                + "  <os><type arch='x86_64'>hvm</type><type>xen</type><f:boot dev='net'/></os>\n"
                + "  <os><type>exe</type></os>\n"
                + "  <devices><emulator>/usr/bin/qemu<f:x/></emulator><disk type='file'><target dev='vda'/>"
                + "<target dev='vdb'/><readonly>odd text</readonly><zz-unknown/></disk></devices>\n"
                + "</domain>\n";
        String output = parse(xml).normalized();
        assertThat(LosslessCheck.compare(xml, output)).as(output).isEmpty();
    }

    /** Our samples, and the readable documents of the four kinds in the corpus when it is there. */
    private static List<Path> realDocuments() throws IOException {
        List<Path> out = new ArrayList<>();
        Path samples = samplesFolder();
        try (Stream<Path> s = Files.walk(samples)) {
            s.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(out::add);
        }
        int ours = out.size();
        String corpus = System.getProperty("virtxml.corpus", "");
        Path tests = corpus.isBlank() ? null : Path.of(corpus, "libvirt-11.3.0", "tests");
        if (tests != null && Files.isDirectory(tests)) {
            try (Stream<Path> s = Files.walk(tests)) {
                for (Path p : s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p))
                        .sorted()
                        .toList()) {
                    if (readable(p)) {
                        out.add(p);
                    }
                }
            }
        } else {
            System.err.println("NOTE: corpus not available (set -Dvirtxml.corpus=...): unknown content is inserted "
                    + "into the " + ours + " samples only");
        }
        assertThat(ours).as("samples").isGreaterThanOrEqualTo(9);
        return out;
    }

    private static boolean readable(Path p) {
        try {
            LibvirtXml.defaults().read(p);
            return true;
        } catch (DocumentReadException e) {
            return false;
        }
    }

    private static Path samplesFolder() {
        try {
            return Path.of(ModelPropertyTest.class.getResource("/samples").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LibvirtDocument<?> parse(String xml) {
        try {
            return LibvirtXml.defaults().parse(xml);
        } catch (DocumentReadException e) {
            throw new AssertionError("cannot read back: " + e.getMessage() + "\n" + xml, e);
        }
    }
}
