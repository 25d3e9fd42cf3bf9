package org.virtxml.lint;

import com.thaiopensource.util.PropertyMap;
import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.IncorrectSchemaException;
import com.thaiopensource.validate.Schema;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.Validator;
import com.thaiopensource.validate.rng.SAXSchemaReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.ParserConfigurationException;
import org.virtxml.model.DocumentKind;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Checks documents against libvirt's RELAX NG schemas with Jing ({@code schema-invalid}): every
 * error Jing reports, with line and column. Each kind's schema is compiled on first use; compiled
 * schemas are thread-safe, a validator is made per document.
 */
final class SchemaCheck {

    /** The folder of the installed libvirt's schemas. */
    static final Path INSTALLED = Path.of("/usr/share/libvirt/schemas");

    private final Path folder;
    private final Map<DocumentKind, Schema> compiled = new EnumMap<>(DocumentKind.class);

    SchemaCheck(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Whether the folder holds the schema of every kind. */
    static boolean usable(Path folder) {
        return java.util.Arrays.stream(DocumentKind.values())
                .allMatch(k -> Files.isRegularFile(folder.resolve(k.grammarFile())));
    }

    private synchronized Schema schema(DocumentKind kind) throws IOException {
        Schema s = compiled.get(kind);
        if (s == null) {
            Path rng = folder.resolve(kind.grammarFile());
            PropertyMapBuilder pmb = new PropertyMapBuilder();
            pmb.put(ValidateProperty.ERROR_HANDLER, new Collector(new ArrayList<>()));
            try {
                s = SAXSchemaReader.getInstance()
                        .createSchema(new InputSource(rng.toUri().toString()), pmb.toPropertyMap());
            } catch (SAXException | IncorrectSchemaException e) {
                throw new IOException("cannot load RELAX NG schema " + rng + ": " + e.getMessage(), e);
            }
            compiled.put(kind, s);
        }
        return s;
    }

    /**
     * Stack for one validation. Jing checks the schema's patterns (a cpuset, a MAC) with
     * java.util.regex, which recurses once per repetition: a 2,000-entry cpuset overflows a normal
     * thread's stack. On a thread of its own with this stack, values of some 100,000 entries pass;
     * beyond that the overflow is the rule's internal finding, never a crash.
     */
    private static final long VALIDATION_STACK = 512L * 1024 * 1024;

    /** Jing's errors for one document's text, each as line, column and message. */
    List<SAXParseException> validate(DocumentKind kind, String text, String name) throws IOException {
        Schema schema = schema(kind);
        java.util.concurrent.atomic.AtomicReference<Object> result =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread t = new Thread(
                null,
                () -> {
                    try {
                        result.set(validate(schema, text, name));
                    } catch (RuntimeException | StackOverflowError | IOException e) {
                        result.set(e);
                    }
                },
                "virtxml-schema-check",
                VALIDATION_STACK);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("schema check interrupted", e);
        }
        Object r = result.get();
        if (r instanceof IOException e) {
            throw e;
        } else if (r instanceof RuntimeException e) {
            throw e;
        } else if (r instanceof StackOverflowError e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<SAXParseException> errors = (List<SAXParseException>) r;
        return errors;
    }

    private static List<SAXParseException> validate(Schema schema, String text, String name) throws IOException {
        List<SAXParseException> errors = new ArrayList<>();
        Collector collector = new Collector(errors);
        PropertyMapBuilder pmb = new PropertyMapBuilder();
        pmb.put(ValidateProperty.ERROR_HANDLER, collector);
        PropertyMap props = pmb.toPropertyMap();
        Validator v = schema.createValidator(props);
        try {
            XMLReader r = org.virtxml.io.SafeXml.newReader();
            r.setContentHandler(v.getContentHandler());
            r.setErrorHandler(collector);
            InputSource in = new InputSource(new StringReader(text));
            in.setSystemId(name);
            r.parse(in);
        } catch (SAXException | ParserConfigurationException e) {
            if (errors.isEmpty()) {
                errors.add(new SAXParseException(e.getMessage(), null, name, 1, 1));
            }
        }
        return errors;
    }

    private record Collector(List<SAXParseException> errors) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {}

        @Override
        public void error(SAXParseException e) {
            errors.add(e);
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(e);
        }
    }
}
