package org.virtxml.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;

/**
 * The committed binding schemas are exactly what the generator makes from libvirt's grammar (run
 * {@code SchemaGenerator RNG_DIR schema} after changing it).
 */
class SchemaGeneratorTest {

    @Test
    void committedSchemasAreUpToDateWithTheGenerator() throws Exception {
        Map<String, String> generated = SchemaGenerator.generate(Corpus.root().resolve("schemas"));
        try (Stream<Path> s = Files.list(Path.of("schema"))) {
            assertThat(s.map(p -> p.getFileName().toString())
                            .filter(n -> n.endsWith(".xsd"))
                            .sorted()
                            .toList())
                    .containsExactlyElementsOf(
                            generated.keySet().stream().sorted().toList());
        }
        for (Map.Entry<String, String> e : generated.entrySet()) {
            assertThat(Files.readString(Path.of("schema", e.getKey()), StandardCharsets.UTF_8))
                    .as("schema/" + e.getKey() + " is the generator's output")
                    .isEqualTo(e.getValue());
        }
    }

    @Test
    void namesFollowLibvirtsVocabulary() {
        assertThat(SchemaGenerator.pascal("on_poweroff")).isEqualTo("OnPoweroff");
        assertThat(SchemaGenerator.pascal("memoryBacking")).isEqualTo("MemoryBacking");
        assertThat(SchemaGenerator.shortName("http://libvirt.org/schemas/domain/qemu/1.0"))
                .isEqualTo("qemu");
    }
}
