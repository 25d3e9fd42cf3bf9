package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

/**
 * The bindings read from the model's class files ({@link BindingAnnotations#of}) are those the
 * JAXB annotations give through reflection, for every model class: same properties, in the same
 * order, with the same names, namespaces, kinds, value types and adapters.
 */
class ModelBindingsTest {

    @Test
    void classFilesGiveTheBindingsReflectionGives() throws Exception {
        List<Class<?>> classes = modelClasses();
        assertThat(classes).as("model classes found").hasSizeGreaterThan(400).contains(Domain.class, Disk.class);
        int properties = 0;
        int adapters = 0;
        int lists = 0;
        int namespaced = 0;
        for (Class<?> c : classes) {
            List<ModelProperty> fromClassFiles = ModelProperty.scan(c, false);
            List<ModelProperty> reflective = ModelProperty.scan(c, true);
            assertThat(describe(fromClassFiles)).as(c.getName()).isEqualTo(describe(reflective));
            properties += fromClassFiles.size();
            for (ModelProperty p : fromClassFiles) {
                adapters += p.adapterType() == null ? 0 : 1;
                lists += p.isList() ? 1 : 0;
                namespaced += p.namespace().isEmpty() ? 0 : 1;
            }
        }
        // the comparison met every kind of binding
        assertThat(properties).isGreaterThan(2000);
        assertThat(adapters).isGreaterThan(50);
        assertThat(lists).isGreaterThan(100);
        assertThat(namespaced).isGreaterThan(10);
    }

    @Test
    void theModelClassOfAGuestIsBuiltFromItsClassFile() {
        ModelClass domain = ModelClass.of(Domain.class);
        assertThat(domain.element("", "devices")).isNotNull();
        assertThat(domain.attribute("", "type")).isNotNull();
        ModelProperty disks =
                ModelClass.of(org.virtxml.model.domain.Devices.class).element("", "disk");
        assertThat(disks.isList()).isTrue();
        assertThat(disks.valueType()).isEqualTo(Disk.class);
    }

    private static List<String> describe(List<ModelProperty> properties) {
        List<String> out = new ArrayList<>();
        for (ModelProperty p : properties) {
            out.add(p.javaName() + " " + p + " list=" + p.isList() + " type="
                    + p.valueType().getName() + " adapter="
                    + (p.adapterType() == null ? "-" : p.adapterType().getName()));
        }
        return out;
    }

    /** Every concrete or abstract subclass of {@link ModelElement} in the model's class folder or jar. */
    private static List<Class<?>> modelClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(ModelElement.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> out = new ArrayList<>();
        Path model = root.resolve("org/virtxml/model");
        try (Stream<Path> files = Files.walk(model)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                String name = root.relativize(f).toString();
                if (!name.endsWith(".class") || name.endsWith("package-info.class")) {
                    continue;
                }
                Class<?> c = Class.forName(
                        name.substring(0, name.length() - ".class".length())
                                .replace('/', '.')
                                .replace('\\', '.'),
                        false,
                        ModelBindingsTest.class.getClassLoader());
                if (ModelElement.class.isAssignableFrom(c) && c != ModelElement.class) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
