package org.virtxml.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;

/**
 * fmt's normal form against the documents libvirt wrote itself (qemuxmlconfdata's
 * {@code *.x86_64-latest.xml}, every file of the {@code *out} folders and domaincapsdata): the share fmt leaves
 * byte-identical, pinned; and fmt is idempotent on every readable corpus document.
 */
class CorpusFmtTest {
    /** The share reached when this test was written; it may rise, never fall. */
    private static final double FLOOR = 0.985; // 1053 of 1069 over every kind, the 63 domain capabilities included

    @Test
    void fmtLeavesWhatLibvirtWroteAsItIsAndIsIdempotent() throws Exception {
        int libvirtWritten = 0;
        int identical = 0;
        Map<String, Integer> causes = new TreeMap<>();
        List<String> examples = new ArrayList<>();
        List<String> notIdempotent = new ArrayList<>();
        for (Path f : Corpus.xmlFiles()) {
            LibvirtDocument<?> doc = Corpus.readable(f).orElse(null);
            if (doc == null) {
                continue;
            }
            String formatted = doc.normalized();
            String twice = LibvirtXml.defaults().parse(formatted).normalized();
            if (!twice.equals(formatted)) {
                notIdempotent.add(Corpus.relative(f));
            }
            if (!Corpus.writtenByLibvirt(f)) {
                continue;
            }
            libvirtWritten++;
            String original = Files.readString(f);
            if (formatted.equals(original)) {
                identical++;
            } else {
                String[] a = original.split("\n", -1);
                String[] b = formatted.split("\n", -1);
                int i = 0;
                while (i < a.length && i < b.length && a[i].equals(b[i])) {
                    i++;
                }
                String cause = (i < a.length ? a[i].trim() : "(end)");
                cause = cause.replaceAll("=['\"][^'\"]*['\"]", "=…").replaceAll(">[^<]*<", ">…<");
                causes.merge(cause.length() > 60 ? cause.substring(0, 60) : cause, 1, Integer::sum);
                if (examples.size() < 15) {
                    examples.add(Corpus.relative(f) + ":" + (i + 1) + ": " + (i < a.length ? a[i] : "(end)")
                            + " | fmt: " + (i < b.length ? b[i] : "(end)"));
                }
            }
        }
        double share = (double) identical / libvirtWritten;
        System.out.printf(
                "fmt: %d of %d documents libvirt wrote are byte-identical after fmt (%.1f%%)%n",
                identical, libvirtWritten, 100 * share);
        causes.entrySet().stream()
                .sorted((x, y) -> y.getValue() - x.getValue())
                .limit(25)
                .forEach(e -> System.out.println("  " + e.getValue() + "  first differing line: " + e.getKey()));
        examples.forEach(e -> System.out.println("  e.g. " + e));
        assertThat(notIdempotent).as("fmt(fmt(x)) != fmt(x)").isEmpty();
        assertThat(share).isGreaterThanOrEqualTo(FLOOR);
    }
}
