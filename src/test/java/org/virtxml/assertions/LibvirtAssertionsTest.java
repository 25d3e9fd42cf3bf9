package org.virtxml.assertions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.Leaf;
import org.virtxml.model.ModelElement;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainMemory;

class LibvirtAssertionsTest {

    private static Path sample(String name) throws Exception {
        return Path.of(
                LibvirtAssertionsTest.class.getResource("/samples/" + name).toURI());
    }

    @Test
    void equalAsLibvirtReadsThemPasses() throws Exception {
        LibvirtAssertions.assertLibvirtEqual(
                "<domain type='kvm'><name>a</name><memory unit='GiB'>2</memory></domain>",
                "<domain type='kvm'><name>a</name><memory>2097152</memory></domain>");
        LibvirtAssertions.assertLibvirtEqual(sample("kvm-guest.xml"), sample("kvm-guest.xml"));
    }

    @Test
    void failureListsEachDifference() throws Exception {
        assertThatThrownBy(() -> LibvirtAssertions.assertLibvirtEqual(
                        sample("kvm-guest.xml"), "<domain type='kvm'><name>other</name></domain>"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("documents differ as libvirt reads them")
                .hasMessageContaining("/domain/name: web-frontend-01 → other")
                .hasMessageContaining("/domain/devices: <devices>… → (absent)");
    }

    @Test
    void modelObjectsAndDocumentsCompareAsTheyWouldBeWritten() throws Exception {
        Domain built = new Domain()
                .withType("kvm")
                .withName(Leaf.of("a"))
                .withMemory(new DomainMemory().withSize(2, Unit.GIB));
        Domain read = LibvirtXml.defaults()
                .parseDomain("<domain type='kvm'><name>a</name><memory>2097152</memory></domain>")
                .root();
        LibvirtAssertions.assertLibvirtEqual(built, read);
        LibvirtAssertions.assertLibvirtEqual(
                "<domain type='kvm'><name>a</name><memory unit='MiB'>2048</memory></domain>", built);
        LibvirtAssertions.assertLibvirtEqual(
                LibvirtDocument.of(built),
                LibvirtXml.defaults()
                        .parseDomain("<domain type='kvm'><name>a</name><memory unit='KiB'>2097152</memory></domain>"));
        Domain other = ModelElement.copyOf(built).withName(Leaf.of("b"));
        assertThatThrownBy(() -> LibvirtAssertions.assertLibvirtEqual(built, other))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/domain/name: a → b");
        assertThatThrownBy(() -> LibvirtAssertions.assertLibvirtEqual(sample("kvm-guest.xml"), built))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/domain/name: web-frontend-01 → a");
        assertThatThrownBy(() -> LibvirtAssertions.assertLibvirtEqual(new DomainMemory(), built))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a document root");
    }

    @Test
    void unreadableDocumentFailsWithItsPosition() {
        assertThatThrownBy(() -> LibvirtAssertions.assertLibvirtEqual("<domain><name>a</name>", "<domain/>"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("expected document cannot be read");
    }

    @Test
    void samplesRoundTripLosslessly() throws Exception {
        for (String s : new String[] {"kvm-guest.xml", "ide-guest.xml", "dir-pool.xml", "qcow2-volume.xml"}) {
            LibvirtAssertions.assertRoundTripsLosslessly(sample(s));
        }
        LibvirtAssertions.assertRoundTripsLosslessly("<domain type='kvm'><name>x</name><frob a='1'/></domain>");
    }

    @Test
    void anAssertionErrorIsWhatFrameworksReport() {
        AssertionError e = null;
        try {
            LibvirtAssertions.assertLibvirtEqual(
                    "<pool type='dir'><name>a</name></pool>", "<pool type='dir'><name>b</name></pool>");
        } catch (AssertionError x) {
            e = x;
        }
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("1 difference").contains("/pool/name: a → b");
    }
}
