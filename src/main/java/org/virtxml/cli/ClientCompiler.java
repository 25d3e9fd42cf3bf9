package org.virtxml.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Compiles a long lint of the command line with the JVM's client compiler only, as
 * {@code bin/virtxml} does with {@code -XX:TieredStopAtLevel=1}. A lint of many small documents is
 * short-lived code run in many small pieces: on two cores the optimizing compiler's threads took
 * about half of a whole-corpus lint's CPU time and gave little back (bench/results-lintcpu.md). A
 * jar cannot set JVM flags, so this adds a compiler directive to the running JVM (what
 * {@code jcmd PID Compiler.directives_add} does), once, before the lint starts: every method is
 * excluded from the optimizing compiler (C2), and the JVM's tiered policy compiles it with the
 * client compiler instead. Only {@code Main.main} asks for it, for {@code lint} over a folder or
 * more than {@link #MANY} files: a one-file run does not load the management classes this needs, a
 * library user's JVM is never touched. {@code -Dvirtxml.clientCompiler=false} turns it off. When
 * the JVM refuses (another VM, a security manager), the run goes on as it is.
 */
final class ClientCompiler {

    /** More files than this on the command line make a long run. */
    static final int MANY = 16;

    /** The directive: no method compiled by C2. */
    static final String DIRECTIVE = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private ClientCompiler() {}

    /** Whether {@code args} (the whole command line) ask for a lint long enough to use the client compiler only. */
    static boolean suits(List<String> args) {
        if (args.isEmpty()
                || !"lint".equals(args.get(0))
                || "false".equals(System.getProperty("virtxml.clientCompiler"))) {
            return false;
        }
        int files = 0;
        for (String a : args.subList(1, args.size())) {
            if (a.startsWith("-")) {
                continue;
            }
            if (Files.isDirectory(Path.of(a))) {
                return true;
            }
            files++;
        }
        return files > MANY;
    }

    /** Adds the directive to this JVM; true when the JVM took it. */
    static boolean select() {
        Path file = null;
        try {
            file = Files.createTempFile("virtxml-jit", ".json");
            Files.writeString(file, DIRECTIVE);
            ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName("com.sun.management:type=DiagnosticCommand"),
                            "compilerDirectivesAdd",
                            new Object[] {new String[] {file.toString()}},
                            new String[] {String[].class.getName()});
            return true;
        } catch (IOException | JMException | RuntimeException e) {
            return false; // an optimisation only: the lint runs the same without it
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temporary file left behind is harmless
                }
            }
        }
    }
}
