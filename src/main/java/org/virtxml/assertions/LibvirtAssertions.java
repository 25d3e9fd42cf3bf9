package org.virtxml.assertions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.virtxml.diff.Difference;
import org.virtxml.diff.LibvirtDiff;
import org.virtxml.dom.Loss;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.LosslessCheck;
import org.virtxml.model.ModelElement;

/**
 * Assertions for users' tests (JUnit or any other framework: failures are {@link AssertionError}s).
 * <pre>{@code
 * LibvirtAssertions.assertLibvirtEqual(Path.of("expected/vm.xml"), generatedXml);
 * LibvirtAssertions.assertRoundTripsLosslessly(Path.of("vm.xml"));
 * }</pre>
 * A String argument is XML text, a Path argument a file holding it; model roots and documents
 * are compared as they would be written.
 */
public final class LibvirtAssertions {
    /** At most this many differences or losses are listed in a failure message. */
    static final int MAX_LISTED = 50;

    private LibvirtAssertions() {}

    /** Asserts that libvirt reads both documents the same (see {@link LibvirtDiff}). */
    public static void assertLibvirtEqual(String expectedXml, String actualXml) {
        check(read(expectedXml, "expected"), read(actualXml, "actual"));
    }

    public static void assertLibvirtEqual(Path expected, String actualXml) {
        check(read(expected), read(actualXml, "actual"));
    }

    public static void assertLibvirtEqual(Path expected, Path actual) {
        check(read(expected), read(actual));
    }

    public static void assertLibvirtEqual(String expectedXml, Path actual) {
        check(read(expectedXml, "expected"), read(actual));
    }

    /**
     * Asserts that libvirt would read two model roots ({@code Domain}, {@code Pool}, {@code Volume},
     * {@code Capabilities}), built in code or read, the same.
     *
     * @throws IllegalArgumentException when an argument is not a document root
     */
    public static void assertLibvirtEqual(ModelElement expected, ModelElement actual) {
        check(LibvirtDocument.of(expected), LibvirtDocument.of(actual));
    }

    /** Asserts that a model root is what the XML text says, as libvirt reads both. */
    public static void assertLibvirtEqual(String expectedXml, ModelElement actual) {
        check(read(expectedXml, "expected"), LibvirtDocument.of(actual));
    }

    /** Asserts that a model root is what the file says, as libvirt reads both. */
    public static void assertLibvirtEqual(Path expected, ModelElement actual) {
        check(read(expected), LibvirtDocument.of(actual));
    }

    /** Asserts that libvirt reads both documents the same. */
    public static void assertLibvirtEqual(LibvirtDocument<?> expected, LibvirtDocument<?> actual) {
        check(expected, actual);
    }

    /**
     * Asserts that the document, read through the typed model and written back in normal form
     * ({@code fmt}'s, which rewrites every element from the model), keeps everything
     * the lossless contract keeps (every element, attribute and text, unknown content included).
     */
    public static void assertRoundTripsLosslessly(String xml) {
        LibvirtDocument<?> doc = read(xml, "document");
        String written = doc.normalized();
        List<Loss> losses = LosslessCheck.compare(xml, written);
        if (!losses.isEmpty()) {
            StringBuilder sb = new StringBuilder("the document does not round-trip losslessly: " + losses.size()
                    + (losses.size() == 1 ? " loss" : " losses"));
            for (int i = 0; i < Math.min(losses.size(), MAX_LISTED); i++) {
                sb.append("\n  ").append(losses.get(i));
            }
            throw new AssertionError(sb.toString());
        }
    }

    public static void assertRoundTripsLosslessly(Path file) {
        assertRoundTripsLosslessly(text(file));
    }

    private static void check(LibvirtDocument<?> expected, LibvirtDocument<?> actual) {
        List<Difference> diffs = LibvirtDiff.between(expected, actual);
        if (diffs.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("documents differ as libvirt reads them: " + diffs.size()
                + (diffs.size() == 1 ? " difference" : " differences") + " (expected → actual)");
        for (int i = 0; i < Math.min(diffs.size(), MAX_LISTED); i++) {
            sb.append("\n  ").append(diffs.get(i));
        }
        if (diffs.size() > MAX_LISTED) {
            sb.append("\n  ... and ").append(diffs.size() - MAX_LISTED).append(" more");
        }
        throw new AssertionError(sb.toString());
    }

    private static LibvirtDocument<?> read(String xml, String name) {
        try {
            return LibvirtXml.defaults().read(xml, name);
        } catch (DocumentReadException e) {
            throw new AssertionError("the " + name + " document cannot be read: " + e.problem(), e);
        }
    }

    private static LibvirtDocument<?> read(Path file) {
        return read(text(file), file.toString());
    }

    private static String text(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
