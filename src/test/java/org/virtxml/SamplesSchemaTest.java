package org.virtxml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.virtxml.corpus.LibvirtSchemas;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Validates the sample documents under src/test/resources/samples against libvirt's own RELAX NG
 * schemas with Jing: every good sample must be valid, and every flawed sample must be valid or
 * invalid as its leading comment says.
 */
class SamplesSchemaTest {

    private static final String SKIP = "SKIPPED: corpus not available (set -Dvirtxml.corpus=...)";

    private static final List<String> GOOD_SAMPLES = List.of(
            "kvm-guest.xml",
            "ide-guest.xml",
            "bridged-guest.xml",
            "sriov-guest.xml",
            "pci-passthrough-guest.xml",
            "dir-pool.xml",
            "iscsi-pool.xml",
            "qcow2-volume.xml",
            "capabilities.xml",
            "default-network.xml");

    private static Path schemas;
    private static Path samples;

    @BeforeAll
    static void locate() throws URISyntaxException {
        String corpus = System.getProperty("virtxml.corpus", "");
        Path folder = corpus.isBlank() ? null : Path.of(corpus, "libvirt-11.3.0", "schemas");
        if (folder == null || !Files.isRegularFile(folder.resolve("domain.rng"))) {
            System.err.println(SKIP);
            return;
        }
        schemas = folder;
        URL url = SamplesSchemaTest.class.getResource("/samples");
        assertThat(url).as("samples on the test class path").isNotNull();
        samples = Path.of(url.toURI());
    }

    /** Each test is skipped, and counted as skipped, when the corpus is not there. */
    @BeforeEach
    void requireCorpus() {
        if (schemas == null) {
            Assumptions.abort(SKIP);
        }
    }

    @Test
    void everyExpectedGoodSampleIsPresent() throws IOException {
        assertThat(xmlFiles(samples))
                .extracting(path -> path.getFileName().toString())
                .containsExactlyInAnyOrderElementsOf(GOOD_SAMPLES);
    }

    @TestFactory
    Stream<DynamicTest> goodSamplesAreValid() throws IOException {
        return xmlFiles(samples).stream()
                .map(sample -> DynamicTest.dynamicTest(
                        sample.getFileName().toString(),
                        () -> assertThat(validate(sample))
                                .as("schema errors of %s", sample.getFileName())
                                .isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> flawedSamplesAreAsValidAsTheirCommentSays() throws IOException {
        List<Path> flawed = xmlFiles(samples.resolve("flawed"));
        assertThat(flawed).as("flawed samples").hasSizeGreaterThanOrEqualTo(7);
        return flawed.stream()
                .map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
                    String comment = leadingComment(sample);
                    assertThat(comment)
                            .as("leading comment of %s", sample.getFileName())
                            .containsPattern("expect: [a-z]");
                    List<String> errors = validate(sample);
                    if (comment.contains("schema-invalid fires")) {
                        assertThat(errors)
                                .as("schema errors of %s", sample.getFileName())
                                .isNotEmpty();
                    } else {
                        assertThat(errors)
                                .as("schema errors of %s", sample.getFileName())
                                .isEmpty();
                    }
                }));
    }

    private static List<Path> xmlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".xml"))
                    .sorted()
                    .toList();
        }
    }

    /** The schema errors of one document, each as "line:column: message"; empty when valid. */
    private static List<String> validate(Path document) throws IOException, SAXException, XMLStreamException {
        String root = rootName(document);
        String schema = org.virtxml.model.DocumentKind.forRootElement(root)
                .map(org.virtxml.model.DocumentKind::grammarFile)
                .orElse(null);
        assertThat(schema)
                .as("schema for root <%s> of %s", root, document.getFileName())
                .isNotNull();
        return LibvirtSchemas.Validator.load(schemas.resolve(schema))
                .errors(new InputSource(document.toUri().toString()));
    }

    private static String rootName(Path document) throws IOException, XMLStreamException {
        XMLStreamReader reader = safeReader(document);
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    return reader.getLocalName();
                }
            }
            throw new AssertionError("no root element in " + document);
        } finally {
            reader.close();
        }
    }

    private static String leadingComment(Path document) throws IOException, XMLStreamException {
        XMLStreamReader reader = safeReader(document);
        try {
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.COMMENT) {
                    return reader.getText();
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    break;
                }
            }
            return "";
        } finally {
            reader.close();
        }
    }

    private static XMLStreamReader safeReader(Path document) throws IOException, XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new java.io.StringReader(Files.readString(document)));
    }
}
