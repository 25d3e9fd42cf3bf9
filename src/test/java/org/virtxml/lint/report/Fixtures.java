package org.virtxml.lint.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Severity;

/** A fixed report used by every format test. */
final class Fixtures {

    private Fixtures() {}

    static final Diagnostic BOOT = Diagnostic.of(
            "boot-dev-invalid",
            "boot dev 'usb' is not one of fd, hd, cdrom, network",
            "vm.xml",
            12,
            5,
            "/domain/os/boot[5]/@dev");
    static final Diagnostic NAME = Diagnostic.of(
            "name-unportable",
            "name 'a,b: 100%' has characters other than letters, digits, '-', '_', '.'",
            "vm.xml",
            3,
            9,
            "/domain/name");
    static final Diagnostic VIRTIO = Diagnostic.of(
            "virtio-recommended",
            "disk vda on bus 'ide': virtio is faster",
            "vm.xml",
            20,
            7,
            "/domain/devices/disk[1]/target");
    static final Diagnostic MALFORMED = Diagnostic.of(
            "xml-malformed", "element \"a\" & <b> not closed\nparser stopped", "dir with space/bad.xml", 4, 1, null);
    static final Diagnostic NO_POSITION =
            new Diagnostic("uuid-duplicate", Severity.ERROR, "UUID shared with vm.xml", "other.xml", 0, 0, null);

    static LintReport report() {
        return new LintReport(List.of(
                new FileReport("vm.xml", "domain", List.of(BOOT, NAME, VIRTIO)),
                new FileReport("pool.xml", "pool", List.of()),
                new FileReport("dir with space/bad.xml", "unknown", List.of(MALFORMED))));
    }

    static LintReport infoOnly() {
        return new LintReport(List.of(new FileReport("vm.xml", "domain", List.of(VIRTIO))));
    }

    static LintReport withoutPosition() {
        return new LintReport(List.of(new FileReport("other.xml", "domain", List.of(NO_POSITION))));
    }

    static String render(ReportFormat format, LintReport report, Severity failOn) {
        StringBuilder sb = new StringBuilder();
        try {
            format.write(report, failOn, sb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sb.toString();
    }
}
