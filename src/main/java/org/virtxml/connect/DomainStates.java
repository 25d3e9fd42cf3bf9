package org.virtxml.connect;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** Waiting for a domain to reach a state, woken by lifecycle events rather than by polling. */
public final class DomainStates {
    private DomainStates() {}

    /**
     * Returns once the domain runs, or throws a {@link CallTimeoutException} after {@code timeout}.
     * Subscribes to lifecycle events first and then reads the state, so that a start that happens in
     * between is not missed; every event of the domain makes it read the state again.
     *
     * @throws LibvirtException with VIR_ERR_NO_DOMAIN when there is no such domain
     */
    public static DomainSummary awaitRunning(Connector connector, String name, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore changed = new Semaphore(0);
        EventSubscription subscription = connector.onLifecycle(event -> {
            if (event.domain().equals(name)) {
                changed.release();
            }
        });
        try {
            while (true) {
                DomainSummary now = connector.lookupDomain(name);
                if (now.state() == DomainState.RUNNING) {
                    return now;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !changed.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                    throw new CallTimeoutException(
                            "domain " + name + " is " + now.state().name().toLowerCase(java.util.Locale.ROOT)
                                    + ", not running, after waiting " + timeout.toMillis() + " ms",
                            timeout);
                }
                changed.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectorException("interrupted while waiting for domain " + name + " to run");
        } finally {
            subscription.close();
        }
    }
}
