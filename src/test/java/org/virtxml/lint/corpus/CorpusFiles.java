package org.virtxml.lint.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.virtxml.corpus.Corpus;

/** Selections of the libvirt corpus the lint corpus tests use. */
final class CorpusFiles {

    /** qemuxmlconfdata expected outputs: NAME.ARCH-VERSION.xml (e.g. foo.x86_64-latest.xml). */
    private static final Pattern QEMU_OUTPUT = Pattern.compile(".*\\.[a-z0-9_]+-(latest|\\d+\\.\\d+\\.\\d+)\\.xml");

    private CorpusFiles() {}

    /** Documents libvirt itself wrote as expected output. */
    static List<Path> libvirtOutputs() throws IOException {
        Path tests = Corpus.root().resolve("tests");
        try (Stream<Path> s = Files.walk(tests)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".xml"))
                    .filter(p -> {
                        String dir = p.getParent().getFileName().toString();
                        String name = p.getFileName().toString();
                        return switch (dir) {
                            case "qemuxmlconfdata" -> QEMU_OUTPUT.matcher(name).matches();
                            case "genericxml2xmloutdata",
                                    "storagepoolxml2xmlout",
                                    "storagevolxml2xmlout",
                                    "vircaps2xmldata" -> true;
                            // the other kinds (issue 9)
                            case "networkxml2xmlout",
                                    "networkxml2xmlupdateout",
                                    "nodedevxml2xmlout",
                                    "nwfilterxml2xmlout",
                                    "qemudomainsnapshotxml2xmlout",
                                    "qemudomaincheckpointxml2xmlout",
                                    "domainbackupxml2xmlout",
                                    "virnetworkportxml2xmldata",
                                    "virnwfilterbindingxml2xmldata",
                                    "domaincapsdata",
                                    "storagepoolcapsschemadata" -> true;
                            default -> false;
                        };
                    })
                    .sorted()
                    .toList();
        }
    }

    /** EXPECTED-ERRORS.tsv: the .err file (relative path) to libvirt's message. */
    static Map<String, String> expectedErrors() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Corpus.root().resolve("EXPECTED-ERRORS.tsv"))) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 2);
            out.put(f[0], f.length > 1 ? f[1] : "");
        }
        return out;
    }

    /** TEST-EXPECTATIONS.tsv rows: source, macro, test name, pool, classification. */
    static List<String[]> testExpectations() throws IOException {
        return Files.readAllLines(Corpus.root().resolve("TEST-EXPECTATIONS.tsv")).stream()
                .filter(l -> !l.startsWith("#") && !l.isBlank())
                .map(l -> l.split("\t", -1))
                .toList();
    }
}
