package org.virtxml.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtxml.dom.Loss;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.LosslessCheck;
import org.virtxml.io.ReadProblem;
import org.virtxml.model.DocumentKind;

/**
 * spec/lossless.md over libvirt's whole corpus: every readable document of every kind (each kind
 * present), read and written in the normal form, loses nothing. Unreadable documents and other kinds are counted apart.
 */
class CorpusLosslessTest {

    @Test
    void everyReadableCorpusDocumentRoundTripsWithoutLoss() throws Exception {
        List<Path> files = Corpus.xmlFiles();
        Map<DocumentKind, Integer> lossless = new EnumMap<>(DocumentKind.class);
        Map<DocumentKind, Integer> read = new EnumMap<>(DocumentKind.class);
        int otherKinds = 0;
        List<String> unreadable = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            String input = Files.readString(f, StandardCharsets.UTF_8);
            LibvirtDocument<?> doc;
            try {
                doc = LibvirtXml.defaults().read(f);
            } catch (DocumentReadException e) {
                if (e.problem().kind() == ReadProblem.Kind.ROOT_UNKNOWN) {
                    otherKinds++;
                } else {
                    unreadable.add(Corpus.relative(f) + ": " + e.problem().message());
                }
                continue;
            }
            read.merge(doc.kind(), 1, Integer::sum);
            List<Loss> losses = LosslessCheck.compare(input, doc.normalized());
            if (losses.isEmpty()) {
                lossless.merge(doc.kind(), 1, Integer::sum);
            } else {
                failures.add(Corpus.relative(f) + ": " + losses.get(0)
                        + (losses.size() > 1 ? " (+" + (losses.size() - 1) + " more)" : ""));
            }
        }
        System.out.println("corpus lossless: read " + read + ", lossless " + lossless + ", other kinds " + otherKinds
                + ", unreadable " + unreadable.size() + " " + unreadable);
        assertThat(read.values().stream().mapToInt(Integer::intValue).sum())
                .as("documents read")
                .isGreaterThan(1500);
        assertThat(read.keySet()).as("kinds read from the corpus").containsExactlyInAnyOrder(DocumentKind.values());
        assertThat(lossless).as("lossless documents of each kind").isEqualTo(read);
        assertThat(failures).as("documents that lost content").isEmpty();
    }
}
