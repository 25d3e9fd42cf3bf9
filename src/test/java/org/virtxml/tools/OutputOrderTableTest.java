package org.virtxml.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;

/** The committed table of libvirt's output order is the one derived from the corpus (copy target/libvirt-order.properties when not). */
class OutputOrderTableTest {
    static final Path TABLE = Path.of("src/main/resources/org/virtxml/io/libvirt-order.properties");

    @Test
    void committedTableIsDerivedFromWhatLibvirtWrote() throws Exception {
        String derived = OutputOrderTable.derive(
                Corpus.xmlFiles().stream().filter(Corpus::writtenByLibvirt).toList());
        Files.writeString(Path.of("target/libvirt-order.properties"), derived, StandardCharsets.UTF_8);
        assertThat(Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "")
                .isEqualTo(derived);
    }
}
