package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/**
 * The byte-stable writer's "nothing changed" check reads every typed property of every element,
 * not only those the document held: a property absent when read and set afterwards, on any
 * element at any depth, is written. Each change alone, on a fresh read of the bundled samples.
 */
class AbsentPropertyChangeTest {
    /** Texts tried in turn for an absent attribute: the first its value type accepts is set. */
    private static final List<String> TEXTS = List.of("1", "yes", "0x1", "x");

    @Test
    void everyAbsentPropertySetAloneIsWritten() throws Exception {
        int attributes = 0;
        int elements = 0;
        for (Path file : samples()) {
            String text = Files.readString(file);
            List<ModelWalk.Node> nodes =
                    ModelWalk.nodes(LibvirtXml.defaults().parse(text).root());
            for (int i = 0; i < nodes.size(); i++) {
                ModelElement e = nodes.get(i).element();
                for (ModelProperty p : ModelProperty.of(e.getClass())) {
                    if (!p.values(e).isEmpty()) {
                        continue;
                    }
                    LibvirtDocument<?> doc = LibvirtXml.defaults().parse(text);
                    ModelElement target = ModelWalk.nodes(doc.root()).get(i).element();
                    Object value = valueFor(p);
                    if (value == null) {
                        continue;
                    }
                    p.put(target, value);
                    String written = doc.write();
                    String where = file.getFileName() + ", element " + i + " ("
                            + e.getClass().getSimpleName() + "), " + p.xmlName();
                    assertThat(written).as(where).isNotEqualTo(text);
                    ModelElement again = ModelWalk.nodes(
                                    LibvirtXml.defaults().parse(written).root())
                            .get(i)
                            .element();
                    assertThat(p.values(again)).as(where).hasSize(1);
                    if (p.isAttribute()) {
                        assertThat(p.toText(p.get(again))).as(where).isEqualTo(p.toText(value));
                        attributes++;
                    } else {
                        elements++;
                    }
                }
            }
        }
        System.out.printf(
                "absent properties set alone and found written: %d attributes, %d elements%n", attributes, elements);
        assertThat(attributes).isGreaterThan(500);
        assertThat(elements).isGreaterThan(500);
    }

    /** A value for an absent property: a new empty element, or an attribute value from the first text its type accepts. */
    private static Object valueFor(ModelProperty p) {
        if (!p.isAttribute()) {
            return ModelElement.class.isAssignableFrom(p.valueType())
                    ? ModelClass.of(p.valueType().asSubclass(ModelElement.class))
                            .newInstance()
                    : null;
        }
        for (String t : TEXTS) {
            try {
                Object v = p.fromText(t);
                if (v != null && t.equals(p.toText(v))) {
                    return v;
                }
            } catch (RuntimeException e) {
                // not a text of this type: try the next
            }
        }
        return null;
    }

    private static List<Path> samples() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/samples"))) {
            return s.filter(p -> p.toString().endsWith(".xml")).sorted().toList();
        }
    }
}
