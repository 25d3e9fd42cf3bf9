package org.virtxml.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * libvirt's own test documents, found through the {@code virtxml.corpus} system property (CI sets it
 * to ../shared/corpus). Tests that need them abort loudly when it is absent.
 */
public final class Corpus {
    public static final String VERSION_DIR = "libvirt-11.3.0";

    private Corpus() {}

    /** The corpus root ({@code .../libvirt-11.3.0}), or a loud abort of the calling test. */
    public static Path root() {
        String prop = System.getProperty("virtxml.corpus", "");
        Path root = prop.isBlank() ? null : Path.of(prop).resolve(VERSION_DIR);
        if (root == null || !Files.isDirectory(root)) {
            String msg = "SKIPPED: corpus not available (set -Dvirtxml.corpus=PATH to the folder holding " + VERSION_DIR
                    + "; was '" + prop + "')";
            System.err.println(msg);
            Assumptions.abort(msg);
        }
        return root;
    }

    /** Every XML file under tests/, sorted. */
    public static List<Path> xmlFiles() throws IOException {
        Path tests = root().resolve("tests");
        try (Stream<Path> s = Files.walk(tests)) {
            return s.filter(p -> p.toString().endsWith(".xml") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
    }

    /** The document in a file, or empty when it cannot be read (not well-formed, or of a kind the model does not read). */
    public static java.util.Optional<org.virtxml.io.LibvirtDocument<?>> readable(Path file) {
        try {
            return java.util.Optional.of(org.virtxml.io.LibvirtXml.defaults().read(file));
        } catch (org.virtxml.io.DocumentReadException e) {
            return java.util.Optional.empty();
        }
    }

    /** Whether libvirt wrote the file itself: qemuxmlconfdata's {@code *.x86_64-latest.xml}, the {@code *out} folders' files and domaincapsdata (domaincapstest's output). */
    public static boolean writtenByLibvirt(Path f) {
        String folder = f.getParent().getFileName().toString();
        String name = f.getFileName().toString();
        return folder.endsWith("out")
                || folder.endsWith("outdata")
                || folder.equals("domaincapsdata")
                || (folder.equals("qemuxmlconfdata") && name.endsWith(".x86_64-latest.xml"));
    }

    /**
     * Whether the file is a section of a network for {@code virNetworkUpdate} (a {@code <host>},
     * {@code <range>}, a forward {@code <interface>}...), not a document of its own.
     */
    public static boolean isNetworkUpdateSection(Path file) {
        return file.getParent() != null
                && file.getParent().getFileName().toString().equals("networkxml2xmlupdatein");
    }

    /** The path relative to the corpus root, as the TSVs name files. */
    public static String relative(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }
}
