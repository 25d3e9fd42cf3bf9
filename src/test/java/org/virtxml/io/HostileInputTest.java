package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.model.domain.Domain;

/**
 * Issue 2, item 5: hostile or broken input yields a {@link DocumentReadException} naming the kind of
 * problem, the line and the column, in bounded time and memory. The timeouts below are only a guard
 * against hangs, not a speed claim; memory is bounded by showing how little of a huge stream the
 * reader consumes.
 */
class HostileInputTest {
    /** A hang guard only: every case here finishes in well under a second on a slow machine. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    // ---- DTDs and entities ----

    @Test
    void externalEntityToEtcPasswdIsRefusedAndItsContentNeverAppears() throws Exception {
        String xml = "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE domain [\n  <!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n]>\n"
                + "<domain type='kvm'><name>&xxe;</name><description>&xxe;</description></domain>\n";
        List<String> secrets = passwdLines();
        for (DocumentReadException e : throughEveryEntryPoint(xml)) {
            assertProblem(e, ReadProblem.Kind.UNSAFE, 2, 1);
            assertThat(e.problem().kind().ruleId()).isEqualTo("xml-unsafe");
            String everything = describe(e);
            for (String secret : secrets) {
                assertThat(everything).as("exception text").doesNotContain(secret);
            }
        }
    }

    @Test
    void parameterEntityAndDoctypeAfterCommentsAreRefusedToo() throws Exception {
        String xml = "\uFEFF<?xml version=\"1.0\"?>\n<!-- a comment -->\n<?pi data?>\n"
                + "<!DOCTYPE domain [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext;]>\n"
                + "<domain type='kvm'><name>vm</name></domain>\n";
        for (DocumentReadException e : throughEveryEntryPoint(xml)) {
            assertProblem(e, ReadProblem.Kind.UNSAFE, 4, 1);
            for (String secret : passwdLines()) {
                assertThat(describe(e)).doesNotContain(secret);
            }
        }
    }

    @Test
    void billionLaughsIsRefusedWithoutExpansion() throws Exception {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE domain [\n <!ENTITY lol \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            xml.append(" <!ENTITY lol").append(i).append(" \"");
            xml.append(("&lol" + (i == 1 ? "" : String.valueOf(i - 1)) + ";").repeat(10));
            xml.append("\">\n");
        }
        xml.append("]>\n<domain type='kvm'><name>&lol9;</name></domain>\n");
        for (DocumentReadException e : throughEveryEntryPoint(xml.toString())) {
            assertProblem(e, ReadProblem.Kind.UNSAFE, 2, 1);
            assertThat(describe(e)).doesNotContain("lollollol");
        }
    }

    @Test
    void undeclaredEntityReferenceIsMalformedNotExpanded() {
        DocumentReadException e = parseFails("<domain type='kvm'>\n  <name>&lol9;</name>\n</domain>\n");
        assertProblem(e, ReadProblem.Kind.MALFORMED, 2, -1);
        assertThat(e.problem().message()).contains("lol9");
    }

    // ---- size and depth ----

    @Test
    void hundredMegabyteStreamIsRefusedAfterReadingLittleMoreThanTheLimit() {
        GeneratedDocument huge = new GeneratedDocument(100L * 1024 * 1024);
        DocumentReadException e = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class, () -> LibvirtXml.defaults().read(huge, "huge.xml")));
        assertProblem(e, ReadProblem.Kind.TOO_LARGE, 1, 1);
        assertThat(e.problem().message()).contains(String.valueOf(LibvirtXml.DEFAULT_MAX_BYTES));
        assertThat(huge.served())
                .as("bytes the reader consumed before refusing")
                .isGreaterThan(LibvirtXml.DEFAULT_MAX_BYTES)
                .isLessThanOrEqualTo(LibvirtXml.DEFAULT_MAX_BYTES + 1024 * 1024);
    }

    @Test
    void hundredMegabyteFileIsRefused() throws Exception {
        Path file = tmp.resolve("huge.xml");
        GeneratedDocument source = new GeneratedDocument(100L * 1024 * 1024);
        Files.copy(source, file);
        assertThat(Files.size(file)).isEqualTo(100L * 1024 * 1024);
        DocumentReadException e = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class, () -> LibvirtXml.defaults().read(file)));
        assertProblem(e, ReadProblem.Kind.TOO_LARGE, 1, 1);
        assertThat(e.problem().source()).isEqualTo(file.toString());
    }

    @Test
    void hundredMegabyteReaderIsRefusedAfterReadingLittleMoreThanTheLimit() {
        GeneratedDocument huge = new GeneratedDocument(100L * 1024 * 1024);
        DocumentReadException e = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class,
                        () -> LibvirtXml.defaults()
                                .read(new InputStreamReader(huge, StandardCharsets.UTF_8), "huge.xml")));
        assertProblem(e, ReadProblem.Kind.TOO_LARGE, 1, 1);
        assertThat(huge.served()).isLessThanOrEqualTo(LibvirtXml.DEFAULT_MAX_BYTES + 1024 * 1024);
    }

    @Test
    void smallerLimitIsHonoured() {
        String xml = "<domain type='kvm'><name>vm</name><description>" + "x".repeat(2000) + "</description></domain>";
        DocumentReadException e = catchThrowableOfType(
                DocumentReadException.class,
                () -> LibvirtXml.defaults().withMaxBytes(1000).read(xml, "small-limit"));
        assertProblem(e, ReadProblem.Kind.TOO_LARGE, 1, 1);
    }

    @Test
    void hundredThousandNestingLevelsAreRefusedAtTheLevelPastTheLimit() {
        int levels = 100_000;
        StringBuilder xml = new StringBuilder("<domain type='kvm'>\n");
        xml.append("<a>".repeat(levels)).append("</a>".repeat(levels)).append("\n</domain>\n");
        DocumentReadException e = assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class, () -> LibvirtXml.defaults().parse(xml.toString())));
        // <domain> is level 1, so the first refused <a> is number DEFAULT_MAX_DEPTH on line 2
        assertProblem(e, ReadProblem.Kind.TOO_LARGE, 2, -1);
        assertThat(e.problem().column()).isEqualTo(3 * LibvirtXml.DEFAULT_MAX_DEPTH + 1);
        assertThat(e.problem().message()).contains("nested deeper than " + LibvirtXml.DEFAULT_MAX_DEPTH);
    }

    @Test
    void deepNestingWithinTheLimitIsRead() throws Exception {
        int levels = LibvirtXml.DEFAULT_MAX_DEPTH - 2;
        String xml = "<domain type='kvm'><metadata>" + "<x:a xmlns:x='urn:deep'>".repeat(levels)
                + "</x:a>".repeat(levels) + "</metadata></domain>";
        LibvirtDocument<?> doc = LibvirtXml.defaults().parse(xml);
        assertThat(LosslessCheck.compare(xml, doc.normalized())).isEmpty();
    }

    // ---- encodings ----

    @Test
    void invalidUtf8IsReportedAtItsLineAndColumn() {
        byte[] bytes = concat(
                "<domain type='kvm'>\n  <name>vm</name>\n  <description>caf".getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xC3, (byte) 0x28},
                "</description>\n</domain>\n".getBytes(StandardCharsets.UTF_8));
        DocumentReadException e = catchThrowableOfType(
                DocumentReadException.class,
                () -> LibvirtXml.defaults().read(new ByteArrayInputStream(bytes), "bad-utf8.xml"));
        assertProblem(e, ReadProblem.Kind.MALFORMED, 3, "  <description>caf".length() + 1);
        assertThat(e.problem().message()).containsIgnoringCase("UTF-8");
        assertThat(e.getMessage()).startsWith("bad-utf8.xml:3:19: ");
    }

    @Test
    void invalidUtf8InAFileIsReportedWithTheFileName() throws Exception {
        Path file = tmp.resolve("bad.xml");
        Files.write(
                file,
                concat(
                        "<domain type='kvm'><name>".getBytes(StandardCharsets.UTF_8),
                        new byte[] {(byte) 0xFF},
                        "</name></domain>".getBytes(StandardCharsets.UTF_8)));
        DocumentReadException e = catchThrowableOfType(
                DocumentReadException.class, () -> LibvirtXml.defaults().read(file));
        assertProblem(e, ReadProblem.Kind.MALFORMED, 1, "<domain type='kvm'><name>".length() + 1);
        assertThat(e.problem().source()).isEqualTo(file.toString());
    }

    @Test
    void utf16WithByteOrderMarkIsRead() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<domain type='kvm'>\n  <name>vm</name>\n"
                + "  <description>caf\u00e9 \u65e5\u672c</description>\n</domain>\n";
        for (byte[] bytes : List.of(
                concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, xml.getBytes(StandardCharsets.UTF_16BE)),
                concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, xml.getBytes(StandardCharsets.UTF_16LE)))) {
            LibvirtDocument<?> doc = LibvirtXml.defaults().read(new ByteArrayInputStream(bytes), "utf16.xml");
            Domain d = doc.root(Domain.class);
            assertThat(d.getDescription().getText()).isEqualTo("caf\u00e9 \u65e5\u672c");
            assertThat(d.getName().location())
                    .hasValueSatisfying(l -> assertThat(l.line()).isEqualTo(3));
            assertThat(LosslessCheck.compare(xml.substring(xml.indexOf("<domain")), doc.normalized()))
                    .isEmpty();
        }
    }

    @Test
    void iso88591DeclaredDocumentIsWrittenBackInItsOwnEncoding() throws Exception {
        String xml = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<domain type='kvm'>\n  <name>vm</name>\n"
                + "  <description>caf\u00e9 \u00bd \u00ff</description>\n</domain>\n";
        byte[] latin1 = xml.getBytes(StandardCharsets.ISO_8859_1);
        LibvirtDocument<?> doc = LibvirtXml.defaults().read(new ByteArrayInputStream(latin1), "latin1.xml");
        assertThat(doc.root(Domain.class).getDescription().getText()).isEqualTo("caf\u00e9 \u00bd \u00ff");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        doc.writeTo(out);
        assertThat(out.toByteArray()).isEqualTo(latin1);
        // a new value with a character Latin-1 lacks is written as a character reference
        doc.root(Domain.class).getDescription().setText("5 \u20ac");
        out.reset();
        doc.writeTo(out);
        assertThat(out.toString(StandardCharsets.ISO_8859_1)).contains("<description>5 &#8364;</description>");
        LibvirtDocument<?> again = LibvirtXml.defaults().read(new ByteArrayInputStream(out.toByteArray()), "again.xml");
        assertThat(again.root()).isEqualTo(doc.root());
    }

    @Test
    void unsupportedDeclaredEncodingIsReportedAtTheName() {
        byte[] bytes =
                "<?xml version=\"1.0\" encoding=\"X-NO-SUCH-9\"?>\n<domain/>".getBytes(StandardCharsets.US_ASCII);
        DocumentReadException e = catchThrowableOfType(
                DocumentReadException.class,
                () -> LibvirtXml.defaults().read(new ByteArrayInputStream(bytes), "enc.xml"));
        assertProblem(e, ReadProblem.Kind.MALFORMED, 1, "<?xml version=\"1.0\" encoding=\"".length() + 1);
        assertThat(e.problem().message()).contains("X-NO-SUCH-9");
    }

    @Test
    void byteOrderMarkBeforeTextIsNotContent() throws Exception {
        String xml = "\uFEFF<domain type='kvm'>\n  <name>vm</name>\n</domain>\n";
        LibvirtDocument<?> doc = LibvirtXml.defaults().parse(xml);
        assertThat(doc.root(Domain.class).getName().getText()).isEqualTo("vm");
        assertThat(doc.root().location())
                .hasValueSatisfying(l -> assertThat(l.line()).isEqualTo(1));
    }

    // ---- nothing, garbage, other kinds ----

    @Test
    void emptyInputIsMalformed() throws Exception {
        for (String empty : List.of("", "   \n\t", "\uFEFF")) {
            DocumentReadException e = parseFails(empty);
            assertProblem(e, ReadProblem.Kind.MALFORMED, -1, -1);
            assertThat(e.problem().message())
                    .as("for %s", empty.codePoints().boxed().toList())
                    .contains("empty");
        }
        for (String rootless : List.of("<!-- only a comment -->", "<?xml version='1.0'?>\n<?pi?>\n")) {
            DocumentReadException e = parseFails(rootless);
            assertProblem(e, ReadProblem.Kind.MALFORMED, -1, -1);
            assertThat(e.problem().message()).as("for %s", rootless).contains("no root element");
        }
        DocumentReadException e = catchThrowableOfType(
                DocumentReadException.class,
                () -> LibvirtXml.defaults().read(new ByteArrayInputStream(new byte[0]), "empty.xml"));
        assertProblem(e, ReadProblem.Kind.MALFORMED, 1, 1);
        Path file = Files.createFile(tmp.resolve("empty.xml"));
        assertProblem(
                catchThrowableOfType(
                        DocumentReadException.class, () -> LibvirtXml.defaults().read(file)),
                ReadProblem.Kind.MALFORMED,
                1,
                1);
    }

    @Test
    void garbageBytesAreMalformed() {
        Random random = new Random(20250511L);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(4096)];
            random.nextBytes(garbage);
            DocumentReadException e = assertTimeoutPreemptively(
                    HANG_GUARD,
                    () -> catchThrowableOfType(
                            DocumentReadException.class,
                            () -> LibvirtXml.defaults().read(new ByteArrayInputStream(garbage), "garbage")));
            assertThat(e).as("garbage #%d", i).isNotNull();
            assertThat(e.problem().kind())
                    .isIn(ReadProblem.Kind.MALFORMED, ReadProblem.Kind.UNSAFE, ReadProblem.Kind.ROOT_UNKNOWN);
            assertThat(e.problem().message()).isNotBlank();
        }
    }

    @Test
    void truncatedAndBrokenDocumentsNameTheirPlace() {
        DocumentReadException e = parseFails("<domain type='kvm'>\n  <name>vm</name>\n  <devices>\n</domain>\n");
        assertProblem(e, ReadProblem.Kind.MALFORMED, 4, -1);
        e = parseFails("<domain type='kvm'>\n  <name a='1' a='2'>vm</name>\n</domain>\n");
        assertProblem(e, ReadProblem.Kind.MALFORMED, 2, -1);
        e = parseFails("<domain type='kvm'>\n  <name>vm</name>\n");
        assertProblem(e, ReadProblem.Kind.MALFORMED, -1, -1);
    }

    @Test
    void rootOfAnotherKindIsRootUnknownAtTheRoot() {
        DocumentReadException e =
                parseFails("<?xml version='1.0'?>\n<!-- not libvirt's -->\n  <vm><name>default</name></vm>\n");
        assertProblem(e, ReadProblem.Kind.ROOT_UNKNOWN, 3, 3);
        assertThat(e.problem().kind().ruleId()).isEqualTo("root-unknown");
        assertThat(e.problem().message()).contains("<vm>").contains("<network>");
        DocumentReadException asked = catchThrowableOfType(
                DocumentReadException.class,
                () -> LibvirtXml.defaults().parsePool("<domain type='kvm'><name>vm</name></domain>"));
        assertProblem(asked, ReadProblem.Kind.ROOT_UNKNOWN, 1, 1);
        assertThat(asked.problem().message()).contains("<pool>");
        DocumentReadException prefixed = parseFails("<x:domain xmlns:x='urn:x'/>");
        assertProblem(prefixed, ReadProblem.Kind.ROOT_UNKNOWN, 1, 1);
    }

    // ---- helpers ----

    /** Asserts kind, line and column (-1: any positive value) and a message that names the source and place. */
    private static void assertProblem(DocumentReadException e, ReadProblem.Kind kind, int line, int column) {
        assertThat(e).as("a DocumentReadException").isNotNull();
        ReadProblem p = e.problem();
        assertThat(p.kind()).as("kind of %s", p).isEqualTo(kind);
        assertThat(p.line()).as("line of %s", p).isPositive();
        assertThat(p.column()).as("column of %s", p).isPositive();
        if (line > 0) {
            assertThat(p.line()).as("line of %s", p).isEqualTo(line);
        }
        if (column > 0) {
            assertThat(p.column()).as("column of %s", p).isEqualTo(column);
        }
        assertThat(p.message()).as("message").isNotBlank();
        assertThat(e.getMessage()).isEqualTo(p.source() + ":" + p.line() + ":" + p.column() + ": " + p.message());
    }

    private static DocumentReadException parseFails(String xml) {
        return assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class, () -> LibvirtXml.defaults().parse(xml)));
    }

    /** The same text through String, Reader, InputStream and file; each must fail. */
    private List<DocumentReadException> throughEveryEntryPoint(String xml) throws IOException {
        Path file = Files.writeString(tmp.resolve("hostile-" + Integer.toHexString(xml.hashCode()) + ".xml"), xml);
        List<DocumentReadException> out = new ArrayList<>();
        out.add(parseFails(xml));
        out.add(assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class,
                        () -> LibvirtXml.defaults().read(new java.io.StringReader(xml), "reader"))));
        out.add(assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class,
                        () -> LibvirtXml.defaults()
                                .read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "stream"))));
        out.add(assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class, () -> LibvirtXml.defaults().read(file))));
        out.add(assertTimeoutPreemptively(
                HANG_GUARD,
                () -> catchThrowableOfType(
                        DocumentReadException.class, () -> LibvirtXml.defaults().readDomain(file))));
        return out;
    }

    /** Every message and string form along the cause chain. */
    private static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            sb.append(t)
                    .append('\n')
                    .append(t.getMessage())
                    .append('\n')
                    .append(t.getLocalizedMessage())
                    .append('\n');
        }
        if (e instanceof DocumentReadException d) {
            sb.append(d.problem());
        }
        return sb.toString();
    }

    /** Lines of /etc/passwd long enough to be recognisable (none when the file is absent). */
    private static List<String> passwdLines() throws IOException {
        Path passwd = Path.of("/etc/passwd");
        if (!Files.isReadable(passwd)) {
            return List.of("root:x:0:0");
        }
        List<String> out = new ArrayList<>(List.of("root:x:0:0", "/bin/sh", "/usr/sbin/nologin"));
        for (String line : Files.readAllLines(passwd)) {
            if (line.length() > 12) {
                out.add(line);
            }
        }
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /**
     * A well-formed domain of exactly {@code size} bytes, produced as it is read: a long description
     * between a fixed head and tail. Counts the bytes handed out.
     */
    static final class GeneratedDocument extends InputStream {
        private static final byte[] HEAD =
                "<domain type='kvm'>\n  <name>huge</name>\n  <description>".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] TAIL = "</description>\n</domain>\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long position;

        GeneratedDocument(long size) {
            this.size = size;
        }

        long served() {
            return position;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return byteAt(position++);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - position);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) byteAt(position++);
            }
            return n;
        }

        private int byteAt(long p) {
            if (p < HEAD.length) {
                return HEAD[(int) p];
            }
            long fromEnd = size - p;
            if (fromEnd <= TAIL.length) {
                return TAIL[TAIL.length - (int) fromEnd];
            }
            return (p % 64 == 0) ? '\n' : 'x';
        }
    }
}
