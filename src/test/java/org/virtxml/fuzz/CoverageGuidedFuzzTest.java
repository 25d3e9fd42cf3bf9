package org.virtxml.fuzz;

import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.virtxml.lint.Linter;

/**
 * Coverage-guided fuzzing with Jazzer: libFuzzer's mutations, kept when they reach code of
 * org.virtxml not reached before, through {@link FuzzTarget} (reading, writing and reading back,
 * every lint rule with every report format, describe, diff, clone, the virtio edit, coverage) and
 * its properties (no exception but {@code DocumentReadException}, a written document reads back
 * and writes the same twice, lossless by {@code LosslessCheck}, no rule fails, no control
 * character in lint's text output). An exception or a broken property is a finding: Jazzer
 * writes its input to {@code target/jazzer/crash-*} and the test fails.
 *
 * <p>Fuzzing happens in the {@code jazzer-fuzz} execution of Surefire (phase
 * {@code integration-test}, so in {@code ./mvnw verify}), which sets {@code JAZZER_FUZZ=1}, puts
 * Jazzer's folders under {@code target/jazzer} and bounds the run with
 * {@code -Dvirtxml.jazzer.seconds} (60 by default). Seeds: the committed inputs under
 * {@code CoverageGuidedFuzzTestInputs/} (other kinds than the samples), plus what
 * {@link FuzzSeeds} reads (the samples, the reproducers and, with {@code -Dvirtxml.corpus},
 * libvirt's corpus), those that bring something new, written before the run into the corpus folder libFuzzer reads and adds to
 * ({@code target/jazzer/.cifuzz-corpus/<class>/<method>}, kept between local runs). A dictionary of
 * XML syntax, libvirt's names and what broke readers before guides the mutations.
 *
 * <p>Run any other way (for example {@code -Dtest=CoverageGuidedFuzzTest} in the {@code test}
 * phase), Jazzer replays the committed inputs once each, as a regression test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverageGuidedFuzzTest {

    private static final Pattern START_TAG = Pattern.compile("<([A-Za-z_][\\w.:-]*)([^<>]*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([A-Za-z_][\\w.:-]*)\\s*=");

    private final FuzzTarget target = new FuzzTarget(Linter.defaults());

    @BeforeAll
    void seedTheCorpus() throws IOException, NoSuchAlgorithmException {
        String base = System.getProperty("jazzer.internal.basedir", "");
        if (base.isBlank()) {
            return; // regression mode: the committed inputs only
        }
        Path corpus = Path.of(base, ".cifuzz-corpus", CoverageGuidedFuzzTest.class.getName(), "noInputBreaksAProperty");
        Files.createDirectories(corpus);
        List<byte[]> seeds = distinct(FuzzSeeds.read(FuzzSeeds.corpusTests()));
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        for (byte[] seed : seeds) {
            // named as libFuzzer names its own units, so a seed it already holds is not doubled
            Path file = corpus.resolve(HexFormat.of().formatHex(sha1.digest(seed)));
            if (!Files.exists(file)) {
                Files.write(file, seed);
            }
        }
        System.err.println("fuzz: " + seeds.size() + " seed documents in " + corpus);
    }

    /**
     * The documents that bring something new: a behaviour (a kind, a rule fired, a read error, as
     * {@link FuzzTarget#run} tells) or an element or attribute name (per element) not seen in the
     * documents kept before them. libFuzzer's first pass over the seeds counts in the run's time;
     * this keeps a short run from spending it on libvirt's many near-identical documents. A
     * document that breaks a property is kept: it is a finding.
     */
    private List<byte[]> distinct(List<byte[]> documents) {
        Set<String> seen = new HashSet<>();
        List<byte[]> kept = new ArrayList<>();
        for (byte[] document : documents) {
            Set<String> features = new HashSet<>();
            try {
                features.addAll(List.of(target.run(document).split(",")));
            } catch (Exception | AssertionError e) {
                features.add("finding:" + kept.size());
            }
            Matcher tag = START_TAG.matcher(new String(document, StandardCharsets.ISO_8859_1));
            while (tag.find()) {
                features.add(tag.group(1));
                Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
                while (attribute.find()) {
                    features.add(tag.group(1) + "@" + attribute.group(1));
                }
            }
            if (seen.addAll(features)) {
                kept.add(document);
            }
        }
        System.err.println("fuzz: " + kept.size() + " of " + documents.size() + " seed documents bring a new"
                + " behaviour, element or attribute");
        return kept;
    }

    @DictionaryFile(resourcePath = "/fuzz/libvirt.dict")
    @FuzzTest(maxDuration = "60s")
    void noInputBreaksAProperty(byte[] input) throws Exception {
        target.run(input);
    }
}
