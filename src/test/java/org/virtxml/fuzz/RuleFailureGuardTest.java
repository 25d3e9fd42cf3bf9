package org.virtxml.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.InternalFailure;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.model.domain.Domain;

/**
 * The one guard for internal errors: a rule that throws becomes that rule's finding on that
 * document, the other rules and documents still run, and the run's exit status reports a failure
 * of the tool. A document built in code with a null in a device list makes the device rules
 * throw (the reader never builds one).
 */
class RuleFailureGuardTest {

    @Test
    void aRuleThatThrowsIsThatRulesFindingAndTheRestStillRuns() throws Exception {
        LibvirtDocument<?> broken = LibvirtXml.defaults()
                .read(
                        "<domain type='kvm'><name>broken</name>"
                                + "<devices><disk type='file' device='disk'><target dev='vda' bus='virtio'/></disk></devices>"
                                + "<os><type>hvm</type><boot dev='floppy-drive'/></os></domain>",
                        "broken.xml");
        broken.root(Domain.class).getDevices().getDisk().add(null);
        LibvirtDocument<?> fine = LibvirtXml.defaults()
                .read("<domain type='kvm'><name>fine</name>" + "<os><type>hvm</type></os></domain>", "fine.xml");

        LintReport report = Linter.defaults().lintDocuments(broken, fine);

        assertThat(report.failures()).isNotEmpty();
        InternalFailure failure = report.failures().get(0);
        assertThat(failure.file()).isEqualTo("broken.xml");
        assertThat(failure.cause()).isInstanceOf(NullPointerException.class);
        assertThat(report.files().get(0).diagnostics())
                .as("the failing rule's finding")
                .anySatisfy(d -> {
                    assertThat(d.rule()).isEqualTo(failure.rule());
                    assertThat(d.severity()).isEqualTo(Severity.ERROR);
                    assertThat(d.message()).startsWith(InternalFailure.PREFIX);
                })
                .as("the other rules on the same document")
                .extracting(Diagnostic::rule)
                .contains("memory-missing", "boot-dev-invalid");
        assertThat(report.files().get(1).diagnostics())
                .as("the other document")
                .extracting(Diagnostic::rule)
                .contains("memory-missing");
        assertThat(report.files().get(1).failures()).isEmpty();
        assertThat(report.exitCode(Severity.ERROR)).isEqualTo(2);
    }
}
