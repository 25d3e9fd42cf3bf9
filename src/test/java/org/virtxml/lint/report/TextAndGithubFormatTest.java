package org.virtxml.lint.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtxml.lint.Severity;

class TextAndGithubFormatTest {

    @Test
    void textWritesOneLinePerFindingOfEverySeverity() {
        assertThat(Fixtures.render(new TextFormat(), Fixtures.report(), Severity.ERROR))
                .isEqualTo(
                        "vm.xml:12:5: error: boot dev 'usb' is not one of fd, hd, cdrom, network [boot-dev-invalid]\n"
                                + "vm.xml:3:9: warning: name 'a,b: 100%' has characters other than letters, digits, '-', '_', '.'"
                                + " [name-unportable]\n"
                                + "vm.xml:20:7: info: disk vda on bus 'ide': virtio is faster [virtio-recommended]\n"
                                + "dir with space/bad.xml:4:1: error: element \"a\" & <b> not closed\\nparser stopped [xml-malformed]\n");
    }

    @Test
    void textOmitsAnUnknownPosition() {
        assertThat(Fixtures.render(new TextFormat(), Fixtures.withoutPosition(), Severity.ERROR))
                .isEqualTo("other.xml: error: UUID shared with vm.xml [uuid-duplicate]\n");
    }

    @Test
    void githubWritesWorkflowCommandsWithEscaping() {
        assertThat(Fixtures.render(new GithubFormat(), Fixtures.report(), Severity.ERROR))
                .isEqualTo(
                        "::error file=vm.xml,line=12,col=5::boot dev 'usb' is not one of fd, hd, cdrom, network [boot-dev-invalid]\n"
                                + "::warning file=vm.xml,line=3,col=9::name 'a,b: 100%25' has characters other than letters, digits,"
                                + " '-', '_', '.' [name-unportable]\n"
                                + "::notice file=vm.xml,line=20,col=7::disk vda on bus 'ide': virtio is faster [virtio-recommended]\n"
                                + "::error file=dir with space/bad.xml,line=4,col=1::element \"a\" & <b> not closed%0Aparser stopped"
                                + " [xml-malformed]\n");
    }

    @Test
    void githubEscapesPropertyValuesAndOmitsUnknownPosition() {
        assertThat(GithubFormat.property("a:b,c%\n")).isEqualTo("a%3Ab%2Cc%25%0A");
        assertThat(Fixtures.render(new GithubFormat(), Fixtures.withoutPosition(), Severity.ERROR))
                .isEqualTo("::error file=other.xml::UUID shared with vm.xml [uuid-duplicate]\n");
    }

    @Test
    void emptyReportWritesNothing() {
        var empty = new org.virtxml.lint.LintReport(java.util.List.of());
        assertThat(Fixtures.render(new TextFormat(), empty, Severity.ERROR)).isEmpty();
        assertThat(Fixtures.render(new GithubFormat(), empty, Severity.ERROR)).isEmpty();
    }

    @Test
    void formatsAreFoundByName() {
        assertThat(ReportFormats.names()).containsExactly("text", "json", "sarif", "junit", "github");
        assertThat(ReportFormats.byName("sarif")).get().isInstanceOf(SarifFormat.class);
        assertThat(ReportFormats.byName("xml")).isEmpty();
    }
}
