package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading goes through a configured instance: the limits it shows are the limits it uses. */
class ConfiguredReaderTest {

    private static final Path SAMPLE = Path.of("src/test/resources/samples/kvm-guest.xml");

    @Test
    void aConfiguredSizeLimitAppliesToEveryWayOfReading() {
        LibvirtXml tiny = LibvirtXml.defaults().withMaxBytes(10);
        for (ThrowingRead read : new ThrowingRead[] {
            () -> tiny.read(SAMPLE),
            () -> tiny.readDomain(SAMPLE),
            () -> tiny.parse("<domain><name>x</name></domain>"),
            () -> tiny.parseDomain("<domain><name>x</name></domain>")
        }) {
            assertThatThrownBy(read::run)
                    .isInstanceOfSatisfying(
                            DocumentReadException.class,
                            e -> assertThat(e.problem().kind()).isEqualTo(ReadProblem.Kind.TOO_LARGE));
        }
    }

    @Test
    void aConfiguredDepthLimitApplies() {
        assertThatThrownBy(() ->
                        LibvirtXml.defaults().withMaxDepth(2).parse("<domain><devices><disk/></devices></domain>"))
                .isInstanceOfSatisfying(
                        DocumentReadException.class,
                        e -> assertThat(e.problem().message()).contains("2"));
    }

    @Test
    void theStaticShortcutsSayTheyUseTheDefaults() throws Exception {
        assertThat(LibvirtXml.readWithDefaults(SAMPLE).root())
                .isEqualTo(LibvirtXml.defaults().read(SAMPLE).root());
        assertThat(LibvirtXml.parseWithDefaults("<pool type='dir'><name>p</name></pool>")
                        .kind())
                .isEqualTo(org.virtxml.model.DocumentKind.POOL);
    }

    private interface ThrowingRead {
        void run() throws Exception;
    }
}
