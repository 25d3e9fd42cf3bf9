package org.virtxml.connect.remote;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.virtxml.connect.rpc.Wire;

/**
 * A {@link Wire} over the pipes of an ssh process that runs the daemon's proxy on the far side. ssh's
 * stderr goes to a file, so that no thread is needed to drain it and its words can be quoted in errors.
 * Aborting kills the process: its pipes break, which wakes a blocked read or write.
 */
final class SshWire implements Wire {
    private static final int STDERR_QUOTED = 2000;
    private static final long EXIT_WAIT_MILLIS = 1000;

    private final Process process;
    private final Path stderr;
    private volatile String lastWords;

    SshWire(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
    }

    @Override
    public InputStream input() {
        return process.getInputStream();
    }

    @Override
    public OutputStream output() {
        return process.getOutputStream();
    }

    /** Kills ssh; its stderr is kept (for {@link #diagnostics()}) and the file removed once it has exited. */
    @Override
    public void abort() {
        process.destroyForcibly();
        process.onExit().thenRun(() -> {
            lastWords = stderrText();
            try {
                Files.deleteIfExists(stderr);
            } catch (IOException ignored) {
                // a temporary file left in the temporary directory
            }
        });
    }

    @Override
    public String diagnostics() {
        StringBuilder said = new StringBuilder();
        try {
            if (process.waitFor(EXIT_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                said.append(" (ssh exited with status ").append(process.exitValue());
            } else {
                said.append(" (ssh still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            said.append(" (ssh");
        }
        String words = lastWords;
        String text = words != null ? words : stderrText();
        if (text.length() > STDERR_QUOTED) {
            text = "..." + text.substring(text.length() - STDERR_QUOTED);
        }
        said.append(text.isEmpty() ? ")" : "; it said: " + text.replace('\n', ' ') + ")");
        return said.toString();
    }

    private String stderrText() {
        try {
            return Files.exists(stderr) ? new String(Files.readAllBytes(stderr), StandardCharsets.UTF_8).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
