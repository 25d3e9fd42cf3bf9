package org.virtxml.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The training run of {@code bin/virtxml}'s ahead-of-time cache (Java 25+): runs the verbs a
 * user runs most, {@code lint} (text and JSON), {@code fmt} and {@code describe}, on each of the
 * documents given (the launcher gives a guest, a network, a storage pool and a volume) and lint on
 * all of them at once, in one JVM, so that the cache holds the classes each of them loads and
 * links. Prints nothing; exits 0 through {@link System#exit}, as {@link Main#main} does. Not a
 * verb: {@code java -cp virtxml.jar org.virtxml.cli.AotTraining FILE...}.
 */
public final class AotTraining {

    private AotTraining() {}

    public static void main(String[] files) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream none = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(none);
        System.setErr(none);
        try {
            for (String f : files) {
                Main.run("lint", f);
                Main.run("lint", "--format", "json", f);
                Main.run("fmt", f);
                Main.run("describe", f);
            }
            List<String> all = new ArrayList<>(List.of("lint", "--format", "json"));
            all.addAll(List.of(files));
            Main.run(all.toArray(String[]::new));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        // ends as Main does: on Java 21+ Runtime.exit asks the platform logger whether to log the
        // exit, and the classes that loads are then in the cache too
        System.exit(0);
    }
}
