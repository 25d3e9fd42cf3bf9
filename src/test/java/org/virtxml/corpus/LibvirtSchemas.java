package org.virtxml.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * libvirt's RELAX NG schemas checked with Jing: the one place the tests build a validation driver.
 * Errors are reported as {@code "line:column: message"}; warnings do not make a document invalid.
 */
public final class LibvirtSchemas {
    private LibvirtSchemas() {}

    /**
     * The schema errors of {@code xml} against {@code schemaFile} of the corpus (e.g. {@code domain.rng});
     * empty when valid. Skips loudly when the corpus is not available ({@link Corpus#root()}).
     */
    public static List<String> errors(String schemaFile, String xml) throws IOException, SAXException {
        Path schema = Corpus.root().resolve("schemas").resolve(schemaFile);
        if (!Files.isRegularFile(schema)) {
            throw new AssertionError("corpus has no schema " + schema);
        }
        return Validator.load(schema).errors(new InputSource(new StringReader(xml)));
    }

    /** One loaded schema and its Jing driver, reusable for any number of documents (one at a time). */
    public static final class Validator {
        private final List<String> errors = new ArrayList<>();
        private final ValidationDriver driver;

        private Validator(Path schema) throws IOException, SAXException {
            PropertyMapBuilder properties = new PropertyMapBuilder();
            properties.put(ValidateProperty.ERROR_HANDLER, new Collecting(errors));
            driver = new ValidationDriver(properties.toPropertyMap());
            assertThat(driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile())))
                    .as("schema %s loads: %s", schema, errors)
                    .isTrue();
        }

        /** Loads the schema file; fails the test when it does not load. */
        public static Validator load(Path schema) throws IOException, SAXException {
            return new Validator(schema);
        }

        /** The schema errors of one document; empty when valid. */
        public List<String> errors(InputSource document) throws IOException, SAXException {
            errors.clear();
            boolean valid = driver.validate(document);
            assertThat(valid)
                    .as("driver verdict agrees with reported errors %s", errors)
                    .isEqualTo(errors.isEmpty());
            return List.copyOf(errors);
        }
    }

    private record Collecting(List<String> errors) implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not make a document invalid
        }

        @Override
        public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
        }
    }
}
