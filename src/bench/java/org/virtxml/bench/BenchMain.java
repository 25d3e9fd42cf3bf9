package org.virtxml.bench;

import java.util.Collection;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CorpusBenchmark} (forks, iterations and their time from the bench.* system
 * properties) and prints MB/s and documents/s of both benchmarks and their ratio as Markdown;
 * with the argument {@code scaling}, runs {@link ScalingBenchmark} instead and prints its curve.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws RunnerException {
        if (args.length > 0 && args[0].equals("scaling")) {
            scaling();
            return;
        }
        String corpus = System.getProperty("virtxml.corpus", "");
        DomainCorpus docs = DomainCorpus.load();
        Options options = timed(CorpusBenchmark.class)
                .jvmArgsAppend("-Dvirtxml.corpus=" + corpus)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        double readWrite = 0;
        double tokenize = 0;
        double readWriteErr = 0;
        double tokenizeErr = 0;
        double noOp = 0;
        double noOpErr = 0;
        double normalize = 0;
        double normalizeErr = 0;
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            double err = r.getPrimaryResult().getScoreError();
            if (name.endsWith("readAndWrite")) {
                readWrite = score;
                readWriteErr = err;
            } else if (name.endsWith("staxTokenizeOnly")) {
                tokenize = score;
                tokenizeErr = err;
            } else if (name.endsWith("noOpWrite")) {
                noOp = score;
                noOpErr = err;
            } else if (name.endsWith("readAndNormalize")) {
                normalize = score;
                normalizeErr = err;
            }
        }
        double mb = docs.totalBytes() / 1e6;
        int n = docs.documents().size();
        System.out.println();
        System.out.printf(Locale.ROOT, "%d corpus domain documents, %.2f MB (10^6 bytes)%n%n", n, mb);
        System.out.println("| benchmark | passes/s | MB/s | documents/s |");
        System.out.println("|---|---|---|---|");
        System.out.printf(
                Locale.ROOT,
                "| virtxml read + write (byte-stable, no change) | %.3f ± %.3f | %.1f | %.0f |%n",
                readWrite,
                readWriteErr,
                readWrite * mb,
                readWrite * n);
        System.out.printf(
                Locale.ROOT,
                "| virtxml no-op write only (documents already read) | %.3f ± %.3f | %.1f | %.0f |%n",
                noOp,
                noOpErr,
                noOp * mb,
                noOp * n);
        System.out.printf(
                Locale.ROOT,
                "| virtxml read + normal form (fmt) | %.3f ± %.3f | %.1f | %.0f |%n",
                normalize,
                normalizeErr,
                normalize * mb,
                normalize * n);
        System.out.printf(
                Locale.ROOT,
                "| JDK StAX tokenize only | %.3f ± %.3f | %.1f | %.0f |%n",
                tokenize,
                tokenizeErr,
                tokenize * mb,
                tokenize * n);
        System.out.printf(
                Locale.ROOT,
                "%nread + write runs at %.2f× the bare tokenizer's speed (1 : %.1f)%n",
                readWrite / tokenize,
                tokenize / readWrite);
        System.out.printf(Locale.ROOT, "no-op write runs at %.1f× read + write%n", noOp / readWrite);
    }

    /** A benchmark class with the forks, iterations and their time of the bench.* system properties. */
    private static org.openjdk.jmh.runner.options.ChainedOptionsBuilder timed(Class<?> benchmark) {
        return new OptionsBuilder()
                .include(benchmark.getName())
                .forks(Integer.getInteger("bench.forks", 1))
                .warmupIterations(Integer.getInteger("bench.warmup", 3))
                .measurementIterations(Integer.getInteger("bench.iterations", 5))
                .warmupTime(TimeValue.fromString(System.getProperty("bench.time", "2s")))
                .measurementTime(TimeValue.fromString(System.getProperty("bench.time", "2s")));
    }

    private static void scaling() throws RunnerException {
        Options options = timed(ScalingBenchmark.class).build();
        java.util.Map<String, java.util.Map<Integer, Double>> curve = new java.util.TreeMap<>();
        for (RunResult r : new Runner(options).run()) {
            String name = r.getParams().getBenchmark();
            int disks = Integer.parseInt(r.getParams().getParam("disks"));
            curve.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new java.util.TreeMap<>())
                    .put(disks, r.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("| operation | disks | ms per operation | µs per disk |");
        System.out.println("|---|---:|---:|---:|");
        curve.forEach((op, points) -> points.forEach((disks, ms) ->
                System.out.printf(Locale.ROOT, "| %s | %d | %.1f | %.2f |%n", op, disks, ms, 1000 * ms / disks)));
    }
}
