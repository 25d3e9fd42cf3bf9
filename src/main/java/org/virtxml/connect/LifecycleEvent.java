package org.virtxml.connect;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A domain lifecycle event (libvirt's VIR_DOMAIN_EVENT_ID_LIFECYCLE): the domain, what happened,
 * and libvirt's detail number for it (e.g. for STARTED: 0 booted, 1 migrated, 2 restored).
 *
 * @param domain the domain's name
 * @param uuid the domain's UUID
 * @param type what happened
 * @param detail libvirt's detail code, whose meaning depends on the type
 */
public record LifecycleEvent(String domain, UUID uuid, Type type, int detail) {
    public LifecycleEvent {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(type, "type");
    }

    /** virDomainEventType, in libvirt's order. */
    public enum Type {
        DEFINED,
        UNDEFINED,
        STARTED,
        SUSPENDED,
        RESUMED,
        STOPPED,
        SHUTDOWN,
        PMSUSPENDED,
        CRASHED;

        /** The type with libvirt's number, if this client knows it. */
        public static Optional<Type> of(int number) {
            return number >= 0 && number < values().length ? Optional.of(values()[number]) : Optional.empty();
        }
    }
}
