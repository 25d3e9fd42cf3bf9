package org.virtxml.lint.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.Corpus;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.lint.host.QemuProfile;

/**
 * Issue 15: the capability rules make no error on the guests libvirt's QEMU tests accept, each
 * judged against the QEMU its test uses. An output {@code NAME.x86_64-9.2.0.xml} was written for
 * QEMU 9.2, {@code NAME.x86_64-latest.xml} for libvirt 11.3.0's latest x86_64 QEMU (10.0); the
 * test's input {@code NAME.xml} is judged against each QEMU one of its outputs names.
 */
class QemuProfileCorpusTest {

    /** The x86_64 QEMU libvirt 11.3.0's tests call "latest". */
    static final String LATEST = "10.0";

    private static final Pattern OUTPUT = Pattern.compile("(.+)\\.x86_64-(latest|(\\d+\\.\\d+)\\.0)\\.xml");

    /** Guest documents with the QEMU profile their test uses (outputs and their inputs). */
    static Map<Path, List<String>> guestsByProfile() throws Exception {
        Path dir = Corpus.root().resolve("tests/qemuxmlconfdata");
        Map<Path, List<String>> out = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.sorted().toList()) {
                Matcher m = OUTPUT.matcher(f.getFileName().toString());
                if (!m.matches()) {
                    continue;
                }
                String version = m.group(2).equals("latest") ? LATEST : m.group(3);
                if (!QemuProfile.VERSIONS.contains(version)) {
                    continue; // a QEMU not shipped as a profile
                }
                out.computeIfAbsent(f, k -> new ArrayList<>()).add(version);
                Path input = dir.resolve(m.group(1) + ".xml");
                if (Files.isRegularFile(input)) {
                    out.computeIfAbsent(input, k -> new ArrayList<>()).add(version);
                }
            }
        }
        return out;
    }

    @Test
    void noCapabilityErrorOnGuestsLibvirtAcceptsWithTheirQemu() throws Exception {
        Map<Path, List<String>> guests = guestsByProfile();
        assertThat(guests).hasSizeGreaterThan(1000);
        Map<String, Linter> linters = new HashMap<>();
        java.util.Set<String> errFiles = CorpusFiles.expectedErrors().keySet();
        List<String> errors = new ArrayList<>();
        int judged = 0;
        for (Map.Entry<Path, List<String>> e : guests.entrySet()) {
            if (isExpectedFailure(e.getKey(), errFiles)) {
                continue;
            }
            for (String version : e.getValue()) {
                judged++;
                // libvirt runs its launch security tests with the +amdsev variant of the QEMU
                String profile =
                        Files.readString(e.getKey()).contains("<launchSecurity") ? version + "+amdsev" : version;
                Linter linter = linters.computeIfAbsent(
                        profile, v -> Linter.builder().qemu(v).build());
                for (Diagnostic d : linter.lint(e.getKey()).files().get(0).diagnostics()) {
                    if (d.severity() == Severity.ERROR
                            && (d.rule().startsWith("caps-") || d.rule().equals("value-invalid"))) {
                        errors.add(Corpus.relative(e.getKey()) + " (QEMU " + profile + "):" + d.line() + ": "
                                + d.message() + " [" + d.rule() + "]");
                    }
                }
            }
        }
        errors.forEach(System.out::println);
        System.out.println(
                "capability rules over " + judged + " guest/QEMU pairs libvirt accepts: " + errors.size() + " errors");
        assertThat(errors).isEmpty();
    }

    /**
     * Documents of tests libvirt expects to fail at some stage: EXPECTED-ERRORS.tsv names an x86_64
     * .err file for them (a parse failure, or a guest that parses but fails when QEMU's command
     * line is built).
     */
    private static boolean isExpectedFailure(Path file, java.util.Set<String> errFiles) {
        String name = file.getFileName().toString();
        Matcher m = OUTPUT.matcher(name);
        String base = m.matches() ? m.group(1) : name.substring(0, name.length() - 4);
        String prefix = "tests/qemuxmlconfdata/" + base + ".x86_64-";
        return errFiles.stream().anyMatch(e -> e.startsWith(prefix));
    }
}
