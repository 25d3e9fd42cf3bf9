package org.virtxml.edit;

import com.thaiopensource.util.PropertyMapBuilder;
import com.thaiopensource.validate.ValidateProperty;
import com.thaiopensource.validate.ValidationDriver;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.virtxml.corpus.Corpus;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** Validates XML text against one of libvirt's RELAX NG schemas from the corpus, with Jing (loud skip without it). */
public final class LibvirtSchemas {
    private LibvirtSchemas() {}

    /** The schema errors of {@code xml} ("line:column: message"); empty when valid. */
    public static List<String> errors(String schemaFile, String xml) throws IOException, SAXException {
        Path schema = Corpus.root().resolve("schemas").resolve(schemaFile);
        if (!Files.isRegularFile(schema)) {
            throw new AssertionError("corpus has no schema " + schema);
        }
        List<String> errors = new ArrayList<>();
        PropertyMapBuilder properties = new PropertyMapBuilder();
        ValidateProperty.ERROR_HANDLER.put(properties, new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
            }
        });
        ValidationDriver driver = new ValidationDriver(properties.toPropertyMap());
        if (!driver.loadSchema(ValidationDriver.fileInputSource(schema.toFile()))) {
            throw new AssertionError("schema " + schemaFile + " does not load: " + errors);
        }
        driver.validate(new InputSource(new StringReader(xml)));
        return errors;
    }
}
