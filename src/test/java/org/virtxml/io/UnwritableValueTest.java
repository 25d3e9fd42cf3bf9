package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.model.domain.Domain;

/** A value XML cannot spell is refused on write, and a file being written is left as it was. */
class UnwritableValueTest {

    @Test
    void aControlCharacterIsRefusedAndTheFileIsUntouched(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("vm.xml"), "<domain type='kvm'><name>vm</name></domain>");
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().readDomain(file);
        doc.root().getName().setText("bad\u0001name");
        assertThatThrownBy(() -> doc.writeTo(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0001");
        assertThat(Files.readString(file)).isEqualTo("<domain type='kvm'><name>vm</name></domain>");
        try (var files = Files.list(dir)) {
            assertThat(files).hasSize(1);
        }
        doc.root().setType("k\uFFFFvm");
        doc.root().getName().setText("ok");
        assertThatThrownBy(doc::write).hasMessageContaining("U+FFFF");
    }

    @Test
    void tabsNewlinesAndSupplementaryCharactersAreWrittenAndReadBack() throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().parseDomain("<domain type='kvm'><name>vm</name></domain>");
        doc.root().getName().setText("a\tb\nc \uD83D\uDE00");
        doc.root().setType("x\ty");
        LibvirtDocument<Domain> back = LibvirtXml.defaults().parseDomain(doc.write());
        assertThat(back.root().getName().getText()).isEqualTo("a\tb\nc \uD83D\uDE00");
        assertThat(back.root().getType()).isEqualTo("x\ty");
    }
}
