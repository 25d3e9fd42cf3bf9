package org.virtxml.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The documents both fuzz runs start from: every XML file under {@code src/test/resources} (the
 * samples, the reproducers and the committed fuzz inputs) and, with {@code -Dvirtxml.corpus}, the
 * documents of libvirt's tests. Files of 1 MB or more are left out.
 */
final class FuzzSeeds {

    private static final long MAX_BYTES = 1_000_000;

    private FuzzSeeds() {}

    /** libvirt's tests folder from {@code -Dvirtxml.corpus}, or null (said loudly) when it is absent. */
    static Path corpusTests() {
        String prop = System.getProperty("virtxml.corpus", "");
        Path tests = prop.isBlank() ? null : Path.of(prop, "libvirt-11.3.0", "tests");
        if (tests == null || !Files.isDirectory(tests)) {
            System.err.println(
                    "fuzz: corpus not available (-Dvirtxml.corpus=PATH): seeds are the bundled samples only");
            return null;
        }
        return tests;
    }

    /** The seed documents, the bundled ones first, each as its bytes. */
    static List<byte[]> read(Path corpusTests) throws IOException {
        List<Path> files = new ArrayList<>(xml(Path.of("src", "test", "resources")));
        if (corpusTests != null) {
            files.addAll(xml(corpusTests));
        }
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            if (Files.size(f) < MAX_BYTES) {
                out.add(Files.readAllBytes(f));
            }
        }
        return out;
    }

    private static List<Path> xml(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }
}
