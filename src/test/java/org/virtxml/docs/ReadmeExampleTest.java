package org.virtxml.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.DataSize;
import org.virtxml.model.Location;
import org.virtxml.model.domain.Disk;
import org.virtxml.model.domain.Domain;

/** The README's library example, as written there, does what its comments say. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleWorksAsShown(@TempDir Path dir) throws Exception {
        LibvirtDocument<Domain> doc =
                LibvirtXml.defaults().readDomain(Path.of("src/test/resources/samples/kvm-guest.xml"));
        Domain vm = doc.root();
        vm.getName().setText("web-02");
        vm.getVcpu().setValue(4);
        DataSize mem = vm.getMemory().size();
        assertThat(mem.number()).isEqualTo("2");
        assertThat(mem.unit()).hasValue("GiB");
        Disk first = vm.getDevices().getDisk().get(0);
        assertThat(first.getTarget().getDev()).isEqualTo("vda");
        assertThat(first.getSource().getFile()).endsWith("web-frontend-01.qcow2");
        assertThat(first.location()).get().extracting(Location::line).isNotNull();
        doc.writeTo(dir.resolve("web-02.xml"));
        String written = Files.readString(dir.resolve("web-02.xml"));
        assertThat(written).contains("<name>web-02</name>").contains("<vcpu placement='static'>4</vcpu>");
        // the sample's only untyped content is its own metadata, kept whole with its position
        assertThat(doc.keptContent())
                .extracting(Object::toString)
                .containsExactly("/domain/metadata/{https://fleet.example.org/xmlns/guest/1.2}owner[1] (7:5)");
        assertThat(org.virtxml.lint.Linter.defaults()
                        .lint(Path.of("src/test/resources/samples/kvm-guest.xml"))
                        .errors())
                .isEmpty();
    }
}
