package org.virtxml.docs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A generated block of README.md between {@code <!-- NAME:begin -->} and {@code <!-- NAME:end -->}.
 * Tests compare the block with what they compute; on a difference the expected block is written to
 * target/readme-NAME.md, and with {@code -Dvirtxml.updateReadme=true} into README.md itself.
 */
public final class ReadmeSection {
    private ReadmeSection() {}

    /** The block as README.md has it now, or null when the markers are missing. */
    public static String current(String name) throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        String begin = "<!-- " + name + ":begin -->\n";
        String end = "<!-- " + name + ":end -->";
        int b = readme.indexOf(begin);
        int e = readme.indexOf(end);
        return b < 0 || e < b ? null : readme.substring(b + begin.length(), e);
    }

    /** Records the expected block (target/, and README.md when asked) so a difference is easy to mend. */
    public static void offer(String name, String expected) throws IOException {
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "readme-" + name + ".md"), expected, StandardCharsets.UTF_8);
        if (Boolean.getBoolean("virtxml.updateReadme")) {
            Path readme = Path.of("README.md");
            String text = Files.readString(readme, StandardCharsets.UTF_8);
            String begin = "<!-- " + name + ":begin -->\n";
            String end = "<!-- " + name + ":end -->";
            int b = text.indexOf(begin);
            int e = text.indexOf(end);
            if (b >= 0 && e > b) {
                Files.writeString(
                        readme,
                        text.substring(0, b + begin.length()) + expected + text.substring(e),
                        StandardCharsets.UTF_8);
            }
        }
    }
}
