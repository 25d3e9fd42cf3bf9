package org.example.guests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.virtxml.assertions.LibvirtAssertions.assertRoundTripsLosslessly;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtxml.edit.EditResult;
import org.virtxml.edit.GuestFactory;
import org.virtxml.edit.GuestSpec;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.model.DataSize;
import org.virtxml.model.Leaf;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

/** What a team does with virtxml as a plain dependency: build, read, edit, write, lint. */
class GuestsTest {

    private static final Path IDE_GUEST = Path.of("src/test/resources/ide-guest.xml");

    @Test
    void buildsAGuestInCodeThatLintsClean() {
        EditResult<Domain> made = GuestFactory.withSecureRandom()
                .create(GuestSpec.of("web01").withMemory(DataSize.of(4, Unit.GIB)).withVcpus(2));
        Domain vm = made.root().withTitle(Leaf.of("built by the consumer project"));
        LibvirtDocument<Domain> doc = LibvirtDocument.of(vm);

        String xml = doc.write();
        assertThat(xml).contains("<name>web01</name>", "<title>built by the consumer project</title>");
        assertRoundTripsLosslessly(xml);
        assertThat(Linter.defaults().lintDocuments(doc).errors()).isEmpty();
    }

    @Test
    void readsEditsAndWritesABundledDocument(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().readDomain(IDE_GUEST);
        Domain vm = doc.root();
        vm.getName().setText("erp-copy");
        Disk first = vm.getDevices().getDisk().get(0);
        assertThat(first.getTarget().getBus()).isEqualTo("ide");
        assertThat(first.location()).isPresent();

        Path out = dir.resolve("erp-copy.xml");
        doc.writeTo(out);
        LibvirtDocument<Domain> again = LibvirtXml.defaults().readDomain(out);
        assertThat(again.root().getName().getText()).isEqualTo("erp-copy");
        assertThat(again.root().getDevices().getDisk()).hasSameSizeAs(vm.getDevices().getDisk());
        assertThat(Files.readString(out)).doesNotContain("<name>legacy-erp</name>");
    }

    @Test
    void lintsTheProjectsGuestsInJUnit() throws Exception {
        LintReport report = Linter.defaults().lint(Path.of("src/main/libvirt"));
        assertThat(report.files()).isNotEmpty();
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void schemaCheckingWithoutJingSaysWhatToAdd() {
        assertThatThrownBy(() -> Linter.builder().schemas(Path.of("src/main/libvirt")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("org.relaxng:jing");
    }
}
