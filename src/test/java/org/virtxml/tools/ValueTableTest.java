package org.virtxml.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;

/**
 * The committed table of allowed values (lint's value-invalid) is the one derived from libvirt's
 * grammar in the corpus; when not, copy target/value-vocabulary.tsv over it (or run with
 * {@code -Dvirtxml.updateVocabulary=true}).
 */
class ValueTableTest {
    static final Path TABLE = Path.of("src/main/resources/org/virtxml/lint/value-vocabulary.tsv");

    @Test
    void committedTableIsDerivedFromTheGrammar() throws Exception {
        Path root = Corpus.root();
        String version = Corpus.VERSION_DIR.substring("libvirt-".length());
        String derived = ValueTable.derive(root.resolve("schemas"), version);
        Files.writeString(Path.of("target/value-vocabulary.tsv"), derived, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("virtxml.updateVocabulary")) {
            Files.writeString(TABLE, derived, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "")
                .isEqualTo(derived);
    }

    @Test
    void xmlSchemaAnchorsArePlainCharacters() {
        assertThat(ValueTable.javaRegex("$[a-z]+")).isEqualTo("\\$[a-z]+");
        assertThat(ValueTable.javaRegex("[^,]{0,12}")).isEqualTo("[^,]{0,12}");
        assertThat(ValueTable.javaRegex("\\i\\c*")).isNull();
    }
}
