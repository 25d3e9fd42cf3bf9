package org.virtxml.edit;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtDocument;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.domain.Domain;

/** Test documents from the class path: samples/ and edit/. */
public final class TestDocs {
    private TestDocs() {}

    public static Path path(String resource) {
        try {
            return Path.of(TestDocs.class.getResource("/" + resource).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("test resource missing: " + resource, e);
        }
    }

    public static LibvirtDocument<Domain> domain(String resource) {
        try {
            return LibvirtXml.defaults().readDomain(path(resource));
        } catch (DocumentReadException e) {
            throw new AssertionError(e.problem().toString(), e);
        }
    }
}
