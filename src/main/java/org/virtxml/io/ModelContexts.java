package org.virtxml.io;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import java.util.EnumMap;
import java.util.Map;
import org.virtxml.model.DocumentKind;

/**
 * One JAXB context per document kind, each built the first time that kind is read or written
 * (a domain-only run never pays for the others). Contexts are immutable and thread-safe once built.
 */
final class ModelContexts {
    private final Map<DocumentKind, JAXBContext> contexts = new EnumMap<>(DocumentKind.class);

    synchronized JAXBContext of(DocumentKind kind) {
        return contexts.computeIfAbsent(kind, k -> {
            try {
                return JAXBContext.newInstance(k.rootClass().getPackageName(), k.rootClass().getClassLoader());
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot build the JAXB context for " + k + ": " + e, e);
            }
        });
    }
}
