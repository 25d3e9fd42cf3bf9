package org.virtxml.connect;

/** A registered event listener; closing it stops the events (and tells the daemon). Never throws. */
@FunctionalInterface
public interface EventSubscription extends AutoCloseable {
    @Override
    void close();
}
