package org.virtxml.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.cli.Main;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.io.LosslessCheck;
import org.virtxml.io.ReadProblem;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.model.CpuSet;
import org.virtxml.model.domain.Domain;
import picocli.CommandLine;

/**
 * Issue 16's defects, each from its reproducer under {@code src/test/resources/fuzz/} (numbered as
 * the issue numbers them), through the command line as a user meets them or through the library.
 * Each of these failed before its fix.
 */
class ReproducersTest {

    @TempDir
    Path tmp;

    record Run(int status, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        for (CommandLine sub : cl.getSubcommands().values()) {
            sub.setOut(new PrintWriter(out));
            sub.setErr(new PrintWriter(err));
        }
        int status = cl.execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    static Path reproducer(String name) {
        Path p = Path.of("src", "test", "resources", "fuzz", name);
        assertThat(p).exists();
        return p;
    }

    /** A copy of a reproducer in the test's folder, to be written over. */
    private Path copy(String name) throws IOException {
        return Files.copy(reproducer(name), tmp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    // 1
    @Test
    void domainOrPoolWithoutTypeIsAFindingAndTheOtherFilesStillGetTheirs() throws Exception {
        Run domain = cli("lint", reproducer("01-domain-without-type.xml").toString());
        assertThat(domain.err()).doesNotContain("internal error");
        assertThat(domain.status()).isEqualTo(1);
        assertThat(domain.out()).contains("[domain-type-invalid]");

        Run pool = cli("lint", reproducer("01-pool-without-type.xml").toString());
        assertThat(pool.err()).doesNotContain("internal error");
        assertThat(pool.out()).contains("[pool-type-invalid]");

        Path folder = Files.createDirectories(tmp.resolve("vms"));
        Files.copy(reproducer("01-domain-without-type.xml"), folder.resolve("a.xml"));
        Files.copy(reproducer("09-c1-control-in-name.xml"), folder.resolve("b.xml"));
        Run both = cli("lint", folder.toString());
        assertThat(both.out()).contains("a.xml:").contains("b.xml:").contains("[name-unportable]");
    }

    // 2
    @Test
    void aFifoOrDeviceIsRefusedAtOnce() throws Exception {
        Path fifo = tmp.resolve("fifo.xml");
        try {
            int made = new ProcessBuilder("mkfifo", fifo.toString())
                    .inheritIO()
                    .start()
                    .waitFor();
            Assumptions.assumeTrue(made == 0, "SKIPPED: mkfifo failed");
        } catch (IOException e) {
            System.err.println("SKIPPED: no mkfifo on this machine: " + e.getMessage());
            Assumptions.abort("no mkfifo");
        }
        // a FIFO without a writer blocks a reader forever: a hang guard, not a speed claim
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String verb : new String[] {"lint", "fmt", "describe", "coverage"}) {
                Run r = cli(verb, fifo.toString());
                assertThat(r.status()).as(verb).isEqualTo(verb.equals("fmt") ? 1 : 2);
                assertThat(r.err()).as(verb).contains("not a regular file").doesNotContain("internal error");
            }
            for (String[] args : new String[][] {
                {"host", fifo.toString()},
                {
                    "lint",
                    "--host",
                    fifo.toString(),
                    reproducer("plain-domain.xml").toString()
                }
            }) {
                Run r = cli(args);
                assertThat(r.status()).as(args[1]).isEqualTo(2);
                assertThat(r.err()).as(args[1]).contains("not a regular file").doesNotContain("internal error");
            }
        });
        Path zero = Path.of("/dev/zero");
        Assumptions.assumeTrue(Files.exists(zero), "SKIPPED: no /dev/zero");
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertThat(cli("lint", zero.toString()).err()).contains("not a regular file");
            assertThatThrownBy(() -> LibvirtXml.defaults().readFile(zero, null))
                    .isInstanceOfSatisfying(
                            DocumentReadException.class,
                            e -> assertThat(e.problem().kind()).isEqualTo(ReadProblem.Kind.IO));
        });
    }

    // 2
    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path sparse = tmp.resolve("sparse.xml");
        try (RandomAccessFile f = new RandomAccessFile(sparse.toFile(), "rw")) {
            f.setLength(3L << 30); // 3 GiB of holes: reading it whole needs more memory than the test has
        }
        assertThatThrownBy(() -> LibvirtXml.defaults().readFile(sparse, null))
                .isInstanceOfSatisfying(
                        DocumentReadException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(ReadProblem.Kind.TOO_LARGE));
        LintReport report = Linter.defaults().lint(sparse);
        assertThat(report.diagnostics())
                .extracting(Diagnostic::message)
                .singleElement()
                .asString()
                .contains("larger than the reader's limit");
        assertThat(cli("fmt", sparse.toString()).err()).contains("larger than the reader's limit");
    }

    // 3
    @Test
    void aLongCpusetIsCheckedWithoutRecursion() throws Exception {
        Domain d = LibvirtXml.defaults()
                .readDomain(reproducer("03-cpuset-2000-entries.xml"))
                .root();
        CpuSet cpuset = d.getVcpu().getCpuset();
        assertThat(cpuset.matchesSchema()).isTrue();
        StringBuilder huge = new StringBuilder("0");
        for (int i = 1; i < 200_000; i++) {
            huge.append(',').append(i % 4096);
        }
        assertThat(CpuSet.of(huge.toString()).matchesSchema()).isTrue();
        assertThat(CpuSet.of(huge + ",").matchesSchema()).isFalse();
        assertThat(CpuSet.of("0-3,^2").matchesSchema()).isTrue();
        assertThat(CpuSet.of("0 -3").matchesSchema()).isFalse();
        assertThat(CpuSet.of("^").matchesSchema()).isFalse();
        assertThat(CpuSet.of("^1-2").matchesSchema()).isFalse();
    }

    // 4: linear paths, proven by the memory they allocate (deterministic), not by time
    @Test
    void longNumbersAndLongKeptTextAreReadInLinearMemory() throws Exception {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        LibvirtXml.defaults()
                .readDomain(reproducer("plain-domain.xml"))
                .root()
                .getMemory()
                .size()
                .bytes(org.virtxml.model.Unit.KIB); // loads the classes first

        long before = threads.getCurrentThreadAllocatedBytes();
        Domain d = LibvirtXml.defaults()
                .readDomain(reproducer("04-memory-100000-digits.xml"))
                .root();
        assertThat(d.getMemory().size().bytes(org.virtxml.model.Unit.KIB)).isEmpty();
        assertThat(d.getMemory().size().problem(org.virtxml.model.Unit.KIB)).isPresent();
        long number = threads.getCurrentThreadAllocatedBytes() - before;
        // one BigInteger product per digit allocated about 2 GB for these 100,000 digits
        assertThat(number).as("bytes allocated reading a 100,000-digit number").isLessThan(64L << 20);

        before = threads.getCurrentThreadAllocatedBytes();
        LibvirtDocument<Domain> doc = LibvirtXml.defaults().readDomain(reproducer("04-kept-text-10000-pieces.xml"));
        long text = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(doc.root().keptElements().get(0).getTextContent()).isEqualTo("a&".repeat(10_000));
        // concatenating each of the 10,000 pieces onto the text before it allocated some 250 MB
        assertThat(text)
                .as("bytes allocated reading 10,000 pieces of kept text")
                .isLessThan(64L << 20);
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        System.err.println("SKIPPED: this JVM does not count allocated bytes per thread");
        Assumptions.abort("no allocation counter");
        return null;
    }

    // 5
    @Test
    void aNameWithALeadingColonIsAReadErrorInEveryVerb() throws Exception {
        for (String name : new String[] {"05-leading-colon-element.xml", "05-leading-colon-attribute.xml"}) {
            Path p = reproducer(name);
            assertThatThrownBy(() -> LibvirtXml.defaults().parse(Files.readString(p)))
                    .isInstanceOfSatisfying(
                            DocumentReadException.class,
                            e -> assertThat(e.problem().message()).contains("not a valid name"));
            for (String verb : new String[] {"lint", "fmt", "describe", "coverage"}) {
                Run r = cli(verb, p.toString());
                assertThat(r.err()).as(verb + " " + name).doesNotContain("internal error");
                assertThat(r.status()).as(verb + " " + name).isLessThan(2);
            }
            assertThat(cli("lint", p.toString()).out()).contains("[xml-malformed]");
        }
    }

    // 6
    @Test
    void fmtIsIdempotentOnMixedTextAndRepeatedElements() throws Exception {
        for (String name : new String[] {"06-mixed-text.xml", "06-repeated-element.xml"}) {
            Path p = copy(name);
            String original = Files.readString(p);
            assertThat(cli("fmt", "--write", p.toString()).status()).isZero();
            String first = Files.readString(p);
            assertThat(cli("fmt", "--write", p.toString()).status()).isZero();
            assertThat(Files.readString(p)).as(name).isEqualTo(first);
            assertThat(cli("fmt", "--check", p.toString()).status()).as(name).isZero();
            assertThat(LosslessCheck.compare(original, first)).as(name).isEmpty();
        }
        String repeated = Files.readString(tmp.resolve("06-repeated-element.xml"));
        assertThat(repeated.indexOf("<name>first")).isLessThan(repeated.indexOf("<unknown-a"));
        assertThat(repeated.indexOf("<unknown-a")).isLessThan(repeated.indexOf("<name>second"));
        assertThat(repeated.indexOf("<name>second")).isLessThan(repeated.indexOf("<unknown-b"));
    }

    // 7
    @Test
    void writeGoesThroughASymlinkAndKeepsTheMode() throws Exception {
        Path real = copy("06-mixed-text.xml");
        Set<PosixFilePermission> mode = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(real, mode);
        Path link = Files.createSymbolicLink(tmp.resolve("link.xml"), real.getFileName());
        String before = Files.readString(real);
        assertThat(cli("fmt", "--write", link.toString()).status()).isZero();
        assertThat(Files.isSymbolicLink(link)).as("the link is still a link").isTrue();
        assertThat(Files.readString(real)).as("the target was written").isNotEqualTo(before);
        assertThat(Files.getPosixFilePermissions(real)).isEqualTo(mode);
        assertThat(Files.getOwner(real)).isEqualTo(Files.getOwner(tmp));
    }

    // 7
    @Test
    void outputFilesFollowTheUmask() throws Exception {
        Process p = new ProcessBuilder("sh", "-c", "umask").start();
        String umask = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
        assertThat(p.waitFor()).isZero();
        int expected = 0666 & ~Integer.parseInt(umask, 8);
        Path out = tmp.resolve("out.xml");
        assertThat(cli("edit", "--virtio", reproducer("plain-domain.xml").toString(), "-o", out.toString())
                        .status())
                .isZero();
        int actual = 0;
        for (PosixFilePermission bit : Files.getPosixFilePermissions(out)) {
            actual |= 1 << (8 - bit.ordinal());
        }
        assertThat(Integer.toOctalString(actual)).isEqualTo(Integer.toOctalString(expected));
    }

    // 8
    @Test
    void fmtCheckReadsUtf16AndLatin1() throws Exception {
        for (String name : new String[] {"08-utf16.xml", "08-latin1.xml"}) {
            Path p = copy(name);
            Run check = cli("fmt", "--check", p.toString());
            assertThat(check.err()).as(name).doesNotContain("internal error");
            assertThat(check.status())
                    .as(name + ": written back as UTF-8, the bytes differ")
                    .isEqualTo(1);
            assertThat(check.out()).contains(name);
            assertThat(cli("fmt", "--write", p.toString()).status()).isZero();
            assertThat(cli("fmt", "--check", p.toString()).status())
                    .as(name + " after --write")
                    .isZero();
        }
        assertThat(Files.readString(tmp.resolve("08-latin1.xml"))).contains("<name>caf\u00e9</name>");
    }

    // 9
    @Test
    void controlCharactersNeverCrashAndNeverReachTheTerminal() throws Exception {
        Path xml11 = reproducer("09-xml11-control-characters.xml");
        for (String[] args : new String[][] {
            {"fmt", xml11.toString()},
            {"edit", "--virtio", xml11.toString()},
            {"describe", xml11.toString()},
            {"lint", xml11.toString()}
        }) {
            Run r = cli(args);
            assertThat(r.err()).as(args[0]).doesNotContain("internal error").doesNotContain("\u001b");
            assertThat(r.out()).as(args[0]).doesNotContain("\u001b");
            assertThat(r.status()).as(args[0]).isEqualTo(1);
        }
        assertThat(cli("lint", xml11.toString()).out())
                .contains("4:")
                .contains("U+001B")
                .contains("[xml-malformed]");

        Path c1 = reproducer("09-c1-control-in-name.xml");
        for (String format : new String[] {"text", "github"}) {
            Run r = cli("lint", "--format", format, "--fail-on", "info", c1.toString());
            assertThat(r.out())
                    .as(format)
                    .contains("\\x9b")
                    .contains("\\u202e")
                    .doesNotContain("\u009b")
                    .doesNotContain("\u202e");
        }
        Run describe = cli("describe", c1.toString());
        assertThat(describe.out()).contains("name: csi\\x9b2J\\u202eevil").doesNotContain("\u009b");
        Run json = cli("lint", "--format", "json", c1.toString());
        assertThat(json.out()).contains("csi\u009b2J"); // JSON may carry it: JSON readers, not terminals, read it
    }

    // 10
    @Test
    void describeOfAnEmptyCurrentMemory() {
        Run r = cli("describe", reproducer("10-empty-current-memory.xml").toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("memory: 512 MiB");
    }

    // 11
    @Test
    void environmentErrorsAreSaidWithThePath() throws Exception {
        Path missing = tmp.resolve("no-such-folder").resolve("out.xml");
        Run r = cli("edit", "--virtio", reproducer("plain-domain.xml").toString(), "-o", missing.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err())
                .doesNotContain("internal error")
                .contains(missing.toString())
                .contains("no such folder");
    }

    // 11
    @Test
    void fmtWriteGoesOnAfterAFileItCannotWrite() throws Exception {
        Path locked = Files.createDirectories(tmp.resolve("locked"));
        Path a = Files.copy(reproducer("06-mixed-text.xml"), locked.resolve("a.xml"));
        Path b = copy("06-repeated-element.xml");
        String bBefore = Files.readString(b);
        boolean immutable = lock(locked);
        try {
            Run r = cli("fmt", "--write", a.toString(), b.toString());
            assertThat(r.status()).isEqualTo(2);
            assertThat(r.err())
                    .doesNotContain("internal error")
                    .contains(a.toString())
                    .contains("cannot write");
            assertThat(Files.readString(b))
                    .as("the second file was still written")
                    .isNotEqualTo(bBefore);
        } finally {
            unlock(locked, immutable);
        }
    }

    /** Makes a folder unwritable (for root, immutable); true when chattr was used. */
    private static boolean lock(Path folder) throws Exception {
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-xr-xr-x"));
        if (writable(folder)) {
            Process p = new ProcessBuilder("chattr", "+i", folder.toString()).start();
            if (p.waitFor() != 0 || writable(folder)) {
                unlock(folder, false);
                System.err.println("SKIPPED: cannot make a folder unwritable here (root without chattr)");
                Assumptions.abort("no unwritable folder");
            }
            return true;
        }
        return false;
    }

    private static void unlock(Path folder, boolean immutable) throws Exception {
        if (immutable) {
            new ProcessBuilder("chattr", "-i", folder.toString()).start().waitFor();
        }
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static boolean writable(Path folder) {
        try {
            Files.delete(Files.createFile(folder.resolve(".probe")));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // 12
    @Test
    void libvirtsElementInAForeignNamespaceIsFlagged() throws Exception {
        LintReport report = Linter.defaults().lint(reproducer("12-foreign-namespace-devices.xml"));
        assertThat(report.diagnostics())
                .filteredOn(d -> d.rule().equals("unknown-element"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.message())
                            .contains("<devices>")
                            .contains("http://other/")
                            .contains("ignores");
                    assertThat(d.line()).isEqualTo(5);
                });
    }

    // 13
    @Test
    void newAndCloneRefuseANameLibvirtRefuses() throws Exception {
        for (String bad : new String[] {"a\nb", "a\u001bb", "a/b", " "}) {
            Run made = cli("new", "--name", bad);
            assertThat(made.status()).as("new %s", bad).isEqualTo(2);
            assertThat(made.out()).isEmpty();
            Run cloned =
                    cli("clone", "--name", bad, reproducer("plain-domain.xml").toString());
            assertThat(cloned.status()).as("clone %s", bad).isEqualTo(2);
            assertThat(cloned.out()).isEmpty();
            assertThat(cloned.err()).doesNotContain("\u001b");
        }
        assertThat(cli("new", "--name", "web-01").status()).isZero();
    }

    // found by the fuzz run: a q35 machine version too long for an int
    @Test
    void aMachineVersionTooLongForAnIntIsNoCrash() throws Exception {
        LintReport report = Linter.defaults().lint(reproducer("14-q35-version-overflow.xml"));
        assertThat(report.failures()).isEmpty();
        assertThat(report.exitCode(org.virtxml.lint.Severity.ERROR)).isLessThan(2);
    }
}
