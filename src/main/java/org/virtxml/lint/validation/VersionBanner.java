package org.virtxml.lint.validation;

import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps Hibernate Validator's version banner ({@code HV000001}, logged once per JVM at INFO through
 * java.util.logging when no other logging back end is present) out of the user's output. Only the
 * banner's own logger is touched, only while the validator starts, and its level is put back
 * afterwards; an application that set a level on that logger itself is left alone.
 */
final class VersionBanner {
    private static final String LOGGER = "org.hibernate.validator.internal.util.Version";

    private VersionBanner() {}

    static <T> T quiet(Supplier<T> bootstrap) {
        Logger log = Logger.getLogger(LOGGER);
        Level before = log.getLevel();
        if (before != null) {
            return bootstrap.get();
        }
        log.setLevel(Level.WARNING);
        try {
            return bootstrap.get();
        } finally {
            log.setLevel(null);
        }
    }
}
