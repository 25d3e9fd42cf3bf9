package org.virtxml.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelElement;
import org.virtxml.model.capabilities.Capabilities;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/**
 * The entry point: a configured reader ({@link #defaults()}, {@link #withMaxBytes(long)},
 * {@link #withMaxDepth(int)}) of libvirt documents (domain, pool, volume, capabilities) into the typed
 * model, and the writer back without loss. Every reading method is an instance method, so
 * {@code LibvirtXml.defaults().withMaxBytes(10).read(path)} reads with the limit it shows; the only
 * static readers are {@link #readWithDefaults(Path)} and {@link #parseWithDefaults(String)}.
 *
 * <pre>{@code
 * LibvirtDocument<Domain> doc = LibvirtXml.defaults().readDomain(Path.of("vm.xml"));
 * doc.root().getName().setText("vm2");
 * doc.writeTo(Path.of("vm2.xml"));
 * }</pre>
 *
 * Parsing is safe by construction: a DOCTYPE is refused, nothing external is fetched, no entity is
 * expanded, and documents above {@link #DEFAULT_MAX_BYTES} or nested deeper than
 * {@link #DEFAULT_MAX_DEPTH} levels are refused. A document that cannot be read raises a
 * {@link DocumentReadException} naming file, line, column and cause.
 */
public final class LibvirtXml {
    /** libvirt itself refuses XML over 10 MiB on its RPC; 32 MiB leaves room for capabilities of big hosts. */
    public static final long DEFAULT_MAX_BYTES = 32L * 1024 * 1024;
    /** libxml2, which libvirt parses with, refuses more than 256 levels by default. */
    public static final int DEFAULT_MAX_DEPTH = 256;

    private static final LibvirtXml DEFAULTS =
            new LibvirtXml(new ParserPool(), new SharedValues(), DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH);

    private final ParserPool parsers;
    private final SharedValues shared;
    private final long maxBytes;
    private final int maxDepth;
    /** Holds nothing but this reader's settings: one serves every read, from any thread. */
    private final DocumentReader reader;

    private LibvirtXml(ParserPool parsers, SharedValues shared, long maxBytes, int maxDepth) {
        this.parsers = parsers;
        this.shared = shared;
        this.maxBytes = maxBytes;
        this.maxDepth = maxDepth;
        this.reader = new DocumentReader(parsers, shared, maxBytes, maxDepth);
    }

    /** The reader and writer with default limits. */
    public static LibvirtXml defaults() {
        return DEFAULTS;
    }

    /** A reader with another size limit (bytes of input). */
    public LibvirtXml withMaxBytes(long bytes) {
        if (bytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        return new LibvirtXml(parsers, shared, bytes, maxDepth);
    }

    /** A reader with another nesting limit. */
    public LibvirtXml withMaxDepth(int depth) {
        if (depth < 1) {
            throw new IllegalArgumentException("maxDepth must be positive");
        }
        return new LibvirtXml(parsers, shared, maxBytes, depth);
    }

    // ---- reading, any kind ----

    /** Reads a document of any of the four kinds from a file, within this reader's limits. */
    public LibvirtDocument<?> read(Path file) throws DocumentReadException {
        return readFile(file, null);
    }

    /** Reads a document of any of the four kinds from XML text, within this reader's limits. */
    public LibvirtDocument<?> parse(String xml) throws DocumentReadException {
        return read(xml, "<string>");
    }

    /**
     * Shortcut for {@code LibvirtXml.defaults().read(file)}: the default limits, whatever instance
     * it is called through (the name says so).
     */
    public static LibvirtDocument<?> readWithDefaults(Path file) throws DocumentReadException {
        return DEFAULTS.read(file);
    }

    /** Shortcut for {@code LibvirtXml.defaults().parse(xml)}: the default limits (the name says so). */
    public static LibvirtDocument<?> parseWithDefaults(String xml) throws DocumentReadException {
        return DEFAULTS.parse(xml);
    }

    public LibvirtDocument<?> readFile(Path file, DocumentKind expected) throws DocumentReadException {
        return fromFile(file, (r, in, name) -> r.read(in, name, expected));
    }

    /**
     * The bytes of a document file. Only a regular file (or a link to one) is read: a folder, FIFO,
     * device or socket is refused before it is opened, and so is a file over the size limit, so
     * that neither {@code /dev/zero} nor a FIFO without a writer can hold the reader.
     */
    public byte[] readBytes(Path file) throws DocumentReadException {
        return fromFile(file, DocumentReader::readLimited);
    }

    /** What a reader makes of a document file's stream. */
    @FunctionalInterface
    private interface FileRead<T> {
        T apply(DocumentReader reader, InputStream in, String name) throws DocumentReadException;
    }

    /** Opens a document file as {@link #readBytes} says (a regular file within the limit) and reads its stream. */
    private <T> T fromFile(Path file, FileRead<T> read) throws DocumentReadException {
        String name = file.toString();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            if (!attributes.isRegularFile()) {
                throw new DocumentReadException(new ReadProblem(
                        ReadProblem.Kind.IO,
                        name,
                        1,
                        1,
                        "not a regular file (" + (attributes.isDirectory() ? "a folder" : "a device, FIFO or socket")
                                + "): only regular files and standard input are read"));
            }
            if (attributes.size() > maxBytes) {
                throw new DocumentReadException(new ReadProblem(
                        ReadProblem.Kind.TOO_LARGE,
                        name,
                        1,
                        1,
                        "document is larger than the reader's limit of " + maxBytes + " bytes (" + attributes.size()
                                + " bytes)"));
            }
            try (InputStream in = Files.newInputStream(file)) {
                return read.apply(reader, in, name);
            }
        } catch (DocumentReadException e) {
            throw e;
        } catch (NoSuchFileException e) {
            throw new DocumentReadException(new ReadProblem(ReadProblem.Kind.IO, name, 1, 1, "no such file"), e);
        } catch (IOException e) {
            throw new DocumentReadException(
                    new ReadProblem(ReadProblem.Kind.IO, name, 1, 1, "cannot read: " + e.getMessage()), e);
        }
    }

    public LibvirtDocument<?> read(String xml, String sourceName) throws DocumentReadException {
        return reader.read(xml, sourceName, null);
    }

    public LibvirtDocument<?> read(InputStream in, String sourceName) throws DocumentReadException {
        return reader.read(in, sourceName, null);
    }

    public LibvirtDocument<?> read(Reader in, String sourceName) throws DocumentReadException {
        StringBuilder sb = new StringBuilder();
        char[] buf = new char[65536];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                sb.append(buf, 0, n);
                if (sb.length() > maxBytes) {
                    throw new DocumentReadException(new ReadProblem(
                            ReadProblem.Kind.TOO_LARGE,
                            sourceName,
                            1,
                            1,
                            "document is larger than the reader's limit of " + maxBytes + " characters"));
                }
            }
        } catch (DocumentReadException e) {
            throw e;
        } catch (IOException e) {
            throw new DocumentReadException(
                    new ReadProblem(ReadProblem.Kind.IO, sourceName, 1, 1, "cannot read: " + e.getMessage()), e);
        }
        return read(sb.toString(), sourceName);
    }

    // ---- reading, one kind ----

    public LibvirtDocument<Domain> readDomain(Path file) throws DocumentReadException {
        return typed(readFile(file, DocumentKind.DOMAIN));
    }

    public LibvirtDocument<Pool> readPool(Path file) throws DocumentReadException {
        return typed(readFile(file, DocumentKind.POOL));
    }

    public LibvirtDocument<Volume> readVolume(Path file) throws DocumentReadException {
        return typed(readFile(file, DocumentKind.VOLUME));
    }

    public LibvirtDocument<Capabilities> readCapabilities(Path file) throws DocumentReadException {
        return typed(readFile(file, DocumentKind.CAPABILITIES));
    }

    public LibvirtDocument<Domain> parseDomain(String xml) throws DocumentReadException {
        return typed(reader.read(xml, "<string>", DocumentKind.DOMAIN));
    }

    public LibvirtDocument<Pool> parsePool(String xml) throws DocumentReadException {
        return typed(reader.read(xml, "<string>", DocumentKind.POOL));
    }

    public LibvirtDocument<Volume> parseVolume(String xml) throws DocumentReadException {
        return typed(reader.read(xml, "<string>", DocumentKind.VOLUME));
    }

    public LibvirtDocument<Capabilities> parseCapabilities(String xml) throws DocumentReadException {
        return typed(reader.read(xml, "<string>", DocumentKind.CAPABILITIES));
    }

    @SuppressWarnings("unchecked")
    private static <R extends ModelElement> LibvirtDocument<R> typed(LibvirtDocument<?> d) {
        return (LibvirtDocument<R>) d;
    }

    // ---- writing ----

    /** Writes a model root (Domain, Pool, Volume, Capabilities) as XML text. */
    public static String toXml(ModelElement root) {
        return DEFAULTS.write(root, false);
    }

    String write(ModelElement root, boolean xmlDeclaration) {
        return DocumentWriter.write(root, xmlDeclaration);
    }
}
