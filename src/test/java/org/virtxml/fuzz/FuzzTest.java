package org.virtxml.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.virtxml.lint.Linter;

/**
 * The fuzz run of the build: mutants of libvirt's corpus documents (with {@code -Dvirtxml.corpus})
 * and of the bundled samples and reproducers go through {@link FuzzTarget}, which checks every
 * property of issue 16 on each. No code coverage: an input is kept for further mutation when its
 * behaviour (kind, rules fired, read error) was not seen before.
 *
 * <p>Bounded: {@code -Dvirtxml.fuzz.seconds=N} (default 60 with the corpus, 20 without); seeded and
 * deterministic in the inputs it makes ({@code -Dvirtxml.fuzz.seed=N}, default 16), so the count
 * reached depends only on the machine's speed. A longer run is the same test with more seconds:
 * {@code ./mvnw -q test -Dtest=FuzzTest -Dvirtxml.fuzz.seconds=3600 -Dvirtxml.corpus=PATH}. Inputs
 * that break a property are written to {@code target/fuzz-findings/}; an input running over 30 s
 * counts as a hang.
 */
class FuzzTest {

    private static final long HANG_MILLIS = 30_000;
    private static final int MAX_POOL = 20_000;

    @Test
    void noInputBreaksAProperty() throws Exception {
        Path corpus = FuzzSeeds.corpusTests();
        long seconds = Long.getLong("virtxml.fuzz.seconds", corpus != null ? 60 : 20);
        long seed = Long.getLong("virtxml.fuzz.seed", 16);
        List<byte[]> seeds = FuzzSeeds.read(corpus);
        assertThat(seeds).as("seed documents").isNotEmpty();

        FuzzTarget target = new FuzzTarget(Linter.defaults());
        Map<String, byte[]> findings = new LinkedHashMap<>();
        Map<String, String> firstMessage = new LinkedHashMap<>();
        AtomicLong runs = new AtomicLong();
        AtomicLong started = new AtomicLong(System.currentTimeMillis());
        long[] kept = new long[1];
        long deadline = System.currentTimeMillis() + seconds * 1000;
        Thread worker = new Thread(
                () -> {
                    SplittableRandom random = new SplittableRandom(seed);
                    Mutator mutator = new Mutator(random);
                    List<byte[]> pool = new ArrayList<>(seeds);
                    Set<String> seen = new HashSet<>();
                    int next = 0;
                    while (System.currentTimeMillis() < deadline) {
                        // every seed once as it is, then mutants of seeds and of inputs that did something new
                        byte[] input = next < seeds.size()
                                ? seeds.get(next++)
                                : mutator.mutate(pool.get(random.nextInt(pool.size())), pool);
                        started.set(System.currentTimeMillis());
                        try {
                            String signature = target.run(input);
                            if (seen.add(signature) && pool.size() < MAX_POOL && next >= seeds.size()) {
                                pool.add(input);
                                kept[0]++;
                            }
                        } catch (Throwable t) {
                            String kind = FuzzTarget.kind(t);
                            synchronized (findings) {
                                if (!findings.containsKey(kind)) {
                                    findings.put(kind, input);
                                    firstMessage.put(kind, trace(t));
                                }
                            }
                        }
                        runs.incrementAndGet();
                    }
                },
                "virtxml-fuzz");
        worker.setDaemon(true);
        long t0 = System.currentTimeMillis();
        worker.start();
        while (worker.isAlive()) {
            worker.join(1000);
            if (worker.isAlive() && System.currentTimeMillis() - started.get() > HANG_MILLIS) {
                synchronized (findings) {
                    findings.put("hang: one input ran over " + HANG_MILLIS / 1000 + " s", new byte[0]);
                }
                break;
            }
        }
        double took = (System.currentTimeMillis() - t0) / 1000.0;
        String stats = String.format(
                "fuzz: %d inputs in %.0f s (seed %d, %d seed documents%s, %d kept for new"
                        + " behaviour), %d distinct finding(s)",
                runs.get(),
                took,
                seed,
                seeds.size(),
                corpus != null ? " from the corpus and the samples" : " from the bundled samples only",
                kept[0],
                findings.size());
        System.out.println(stats);
        Path out = Path.of("target", "fuzz-findings");
        Files.createDirectories(out);
        Files.writeString(out.resolve("last-run.txt"), stats + "\n");
        StringBuilder report = new StringBuilder();
        synchronized (findings) {
            int i = 0;
            for (Map.Entry<String, byte[]> f : findings.entrySet()) {
                Path file = out.resolve("finding-" + (++i) + ".xml");
                Files.write(file, f.getValue());
                report.append("\n")
                        .append(f.getKey())
                        .append("\n  input: ")
                        .append(file)
                        .append("\n  ")
                        .append(firstMessage.getOrDefault(f.getKey(), "").replace("\n", "\n  "));
            }
        }
        assertThat(findings.keySet())
                .as("inputs that break a property:%s", report)
                .isEmpty();
    }

    private static String trace(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        String s = w.toString();
        return s.length() > 3000 ? s.substring(0, 3000) + "..." : s;
    }
}
