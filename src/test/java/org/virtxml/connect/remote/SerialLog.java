package org.virtxml.connect.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What a test guest printed on its serial port, which libvirt writes to a file. */
public final class SerialLog {
    private SerialLog() {}

    /** The file's text once it holds {@code marker}, or what it held when {@code timeout} ran out. */
    public static String awaitMarker(Path serial, String marker, Duration timeout)
            throws IOException, InterruptedException {
        String output = "";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            output = Files.exists(serial) ? Files.readString(serial, StandardCharsets.ISO_8859_1) : "";
            if (output.contains(marker)) {
                break;
            }
            Thread.sleep(250);
        }
        return output;
    }

    /** Deletes the files of {@code directory}, then the directory. */
    public static void deleteFolder(Path directory) throws IOException {
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }
}
