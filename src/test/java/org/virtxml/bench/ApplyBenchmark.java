package org.virtxml.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.virtxml.apply.Applier;
import org.virtxml.apply.ApplyOutcome;
import org.virtxml.apply.ApplyReport;
import org.virtxml.connect.CallCounts;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;

/**
 * apply's cost against a real daemon, next to one {@code virsh} session doing the same defines.
 * Not a test (no timing is asserted anywhere): run it by hand on an idle-as-possible machine and
 * copy the table to README.
 *
 * <pre>
 * ./mvnw -q -o test-compile
 * java -cp "target/classes:target/test-classes:$(./mvnw -q -o dependency:build-classpath -Dmdep.outputFile=/dev/stdout)" \
 *     org.virtxml.bench.ApplyBenchmark qemu:///system 50 100 200
 * </pre>
 *
 * For each size N: N {@code type='qemu'} guests (not started) are applied (first apply: all
 * defined), applied again (all unchanged), and defined twice by one {@code virsh -c URI} session
 * reading a script of N {@code define} commands; the guests are undefined between runs. Prints calls
 * and wall time of each, and the ratios.
 */
public final class ApplyBenchmark {
    private ApplyBenchmark() {}

    public static void main(String[] args) throws Exception {
        String uri = args.length > 0 ? args[0] : "qemu:///system";
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(50, 100, 200);
        }
        System.out.printf(
                Locale.ROOT,
                "machine: %d CPUs, load average %s; %s%n",
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).trim(),
                uri);
        System.out.println(
                "| N | apply: calls | apply: s | re-apply: calls | re-apply: s | virsh define x N: s | virsh again: s"
                        + " | apply / virsh | re-apply / virsh again |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Path dir = Files.createTempDirectory("virtxml-bench-");
        try (Connector c = Connectors.open(uri)) {
            for (int n : sizes) {
                List<Path> files = guests(dir, n);
                clean(c, n);
                CallCounts start = c.calls();
                long t0 = System.nanoTime();
                ApplyReport first = Applier.to(c).apply(files);
                double applySeconds = seconds(t0);
                long applyCalls = c.calls().since(start).total();
                check(first, ApplyOutcome.Action.DEFINED);
                CallCounts again = c.calls();
                t0 = System.nanoTime();
                ApplyReport second = Applier.to(c).apply(files);
                double reapplySeconds = seconds(t0);
                long reapplyCalls = c.calls().since(again).total();
                check(second, ApplyOutcome.Action.UNCHANGED);
                clean(c, n);
                Path script = dir.resolve("define-" + n + ".virsh");
                StringBuilder sb = new StringBuilder();
                files.forEach(f -> sb.append("define ").append(f).append('\n'));
                Files.writeString(script, sb);
                double virshSeconds = virsh(uri, script);
                double virshAgainSeconds = virsh(uri, script);
                clean(c, n);
                System.out.printf(
                        Locale.ROOT,
                        "| %d | %d | %.2f | %d | %.2f | %.2f | %.2f | %.1f | %.1f |%n",
                        n,
                        applyCalls,
                        applySeconds,
                        reapplyCalls,
                        reapplySeconds,
                        virshSeconds,
                        virshAgainSeconds,
                        applySeconds / virshSeconds,
                        reapplySeconds / virshAgainSeconds);
            }
        } finally {
            try (var list = Files.list(dir)) {
                for (Path f : list.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static List<Path> guests(Path dir, int n) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String name = name(n, i);
            files.add(Files.writeString(
                    dir.resolve(name + ".xml"),
                    "<domain type='qemu'>\n  <name>" + name + "</name>\n"
                            + "  <uuid>" + UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)) + "</uuid>\n"
                            + "  <memory unit='MiB'>64</memory>\n  <vcpu>1</vcpu>\n"
                            + "  <os><type arch='x86_64' machine='pc'>hvm</type></os>\n</domain>\n"));
        }
        return files;
    }

    private static String name(int n, int i) {
        return "virtxml-bench-" + n + "-" + i;
    }

    private static void clean(Connector c, int n) {
        for (int i = 0; i < n; i++) {
            c.findDomain(name(n, i)).ifPresent(d -> c.undefineDomain(d.name()));
        }
    }

    private static void check(ApplyReport report, ApplyOutcome.Action expected) {
        for (ApplyOutcome o : report.outcomes()) {
            if (o.action() != expected || o.failure().isPresent()) {
                throw new IllegalStateException("unexpected outcome " + o + " (" + report.reason() + ")");
            }
        }
    }

    private static double virsh(String uri, Path script) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder("virsh", "-c", uri)
                .redirectInput(script.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("virsh failed");
        }
        return seconds(t0);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
