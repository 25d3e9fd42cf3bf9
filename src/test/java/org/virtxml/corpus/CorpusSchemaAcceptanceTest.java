package org.virtxml.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtxml.corpus.LibvirtSchemas.Validator;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.DocumentKind;
import org.xml.sax.InputSource;

/**
 * Issue 2, item 2, over every kind (issue 9): every corpus document that libvirt's own RELAX NG
 * schema accepts is still accepted after {@code fmt} ({@code LibvirtDocument.normalized()}). Each schema is loaded once; its Jing driver
 * is reused for every document of that kind.
 */
class CorpusSchemaAcceptanceTest {

    @Test
    void everySchemaValidCorpusDocumentIsStillValidAfterWriting() throws Exception {
        List<Path> files = Corpus.xmlFiles();
        Path schemas = Corpus.root().resolve("schemas");
        Map<DocumentKind, Validator> validators = new EnumMap<>(DocumentKind.class);
        for (DocumentKind k : DocumentKind.values()) {
            validators.put(k, Validator.load(schemas.resolve(k.grammarFile())));
        }
        Map<DocumentKind, Integer> validInput = new EnumMap<>(DocumentKind.class);
        Map<DocumentKind, Integer> validOutput = new EnumMap<>(DocumentKind.class);
        Map<DocumentKind, Integer> invalidInput = new EnumMap<>(DocumentKind.class);
        int notRead = 0;
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            LibvirtDocument<?> doc;
            try {
                doc = LibvirtXml.defaults().read(f);
            } catch (DocumentReadException e) {
                notRead++; // other kinds and unreadable documents: CorpusLosslessTest counts them
                continue;
            }
            Validator v = validators.get(doc.kind());
            if (!v.errors(new InputSource(f.toUri().toString())).isEmpty()) {
                invalidInput.merge(doc.kind(), 1, Integer::sum);
                continue;
            }
            validInput.merge(doc.kind(), 1, Integer::sum);
            InputSource written = new InputSource(new StringReader(doc.normalized()));
            written.setSystemId(f.toUri().toString());
            List<String> errors = v.errors(written);
            if (errors.isEmpty()) {
                validOutput.merge(doc.kind(), 1, Integer::sum);
            } else {
                failures.add(Corpus.relative(f) + ": " + errors.get(0)
                        + (errors.size() > 1 ? " (+" + (errors.size() - 1) + " more)" : ""));
            }
        }
        System.out.println("corpus schema acceptance: schema-valid input " + validInput + ", still valid after writing "
                + validOutput + ", schema-invalid input (not checked) " + invalidInput + ", not read " + notRead);
        assertThat(validInput.values().stream().mapToInt(Integer::intValue).sum())
                .as("schema-valid corpus documents")
                .isGreaterThan(1000);
        assertThat(validInput.keySet()).as("kinds with schema-valid documents").containsAll(validators.keySet());
        assertThat(failures)
                .as("documents the schema accepted before writing but not after")
                .isEmpty();
        for (DocumentKind k : validInput.keySet()) {
            assertThat(validOutput.get(k)).as(k + " documents still valid").isEqualTo(validInput.get(k));
        }
    }
}
