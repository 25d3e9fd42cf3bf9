package org.virtxml.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.DocumentKind;

/**
 * The corpus domain documents as bytes in memory: every XML file under the corpus' tests/ folder
 * that reads as a libvirt domain. Found through the {@code virtxml.corpus} system property.
 */
record DomainCorpus(List<byte[]> documents, long totalBytes) {

    static DomainCorpus load() {
        String prop = System.getProperty("virtxml.corpus", "");
        Path tests = prop.isBlank() ? null : Path.of(prop, "libvirt-11.3.0", "tests");
        if (tests == null || !Files.isDirectory(tests)) {
            throw new IllegalStateException("corpus not available: set -Dvirtxml.corpus=PATH to the folder holding "
                    + "libvirt-11.3.0 (was '" + prop + "')");
        }
        List<byte[]> docs = new ArrayList<>();
        long total = 0;
        try (Stream<Path> files = Files.walk(tests)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted()
                    .toList()) {
                byte[] bytes = Files.readAllBytes(f);
                if (isDomain(bytes)) {
                    docs.add(bytes);
                    total += bytes.length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DomainCorpus(List.copyOf(docs), total);
    }

    private static boolean isDomain(byte[] bytes) {
        try {
            return LibvirtXml.defaults()
                            .read(new ByteArrayInputStream(bytes), "corpus")
                            .kind()
                    == DocumentKind.DOMAIN;
        } catch (DocumentReadException e) {
            return false;
        }
    }
}
