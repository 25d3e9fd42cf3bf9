package org.virtxml.apply;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorException;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainStates;
import org.virtxml.lint.host.HostProfileException;

/**
 * One apply across several hosts: each host gets its own connection and its own apply (lint gate,
 * inventory, outcomes), all at once on a thread per host (at most {@value #MAX_PARALLEL} at a
 * time). Only libvirt's own protocol is spoken: nothing runs on the hosts but their daemon. The
 * reports come back in the order the hosts were given.
 */
public final class Fleet {
    /** Hosts applied to at the same time. */
    public static final int MAX_PARALLEL = 16;

    private final ConnectOptions options;
    private final UnaryOperator<Applier> configuration;
    private final boolean awaitRunning;

    private Fleet(ConnectOptions options, UnaryOperator<Applier> configuration, boolean awaitRunning) {
        this.options = options;
        this.configuration = configuration;
        this.awaitRunning = awaitRunning;
    }

    /** A fleet apply whose per-host applier is set up by {@code configuration} (force, start, live...). */
    public static Fleet of(ConnectOptions options, UnaryOperator<Applier> configuration) {
        return new Fleet(options, configuration, false);
    }

    /**
     * With {@code true}, each host's apply waits, after its report, until every domain it started
     * runs (woken by lifecycle events, within the call timeout).
     */
    public Fleet awaitingRunning(boolean await) {
        return new Fleet(options, configuration, await);
    }

    public List<HostApply> apply(List<String> uris, List<Path> files) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(uris.size(), MAX_PARALLEL)), r -> {
            Thread t = new Thread(r, "virtxml-apply");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HostApply>> running = new ArrayList<>();
            for (String uri : uris) {
                running.add(pool.submit(() -> one(uri, files)));
            }
            List<HostApply> out = new ArrayList<>();
            for (int i = 0; i < uris.size(); i++) {
                out.add(result(uris.get(i), running.get(i)));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One host; never throws for the host's own failures. */
    public HostApply one(String uri, List<Path> files) {
        try (Connector connector = Connectors.open(uri, options)) {
            ApplyReport report = configuration.apply(Applier.to(connector)).apply(files);
            return HostApply.applied(uri, report, awaitRunning ? awaitStarted(connector, report) : Optional.empty());
        } catch (ConnectorException | HostProfileException e) {
            return HostApply.failed(uri, e.getMessage());
        } catch (IOException e) {
            return HostApply.failed(uri, "cannot read the documents: " + e.getMessage());
        }
    }

    /** The first started domain that did not come to run in time, or empty when all run. */
    private Optional<String> awaitStarted(Connector connector, ApplyReport report) {
        if (report.status() == ApplyReport.Status.CONNECTION_LOST) {
            return Optional.empty();
        }
        for (ApplyOutcome o : report.outcomes()) {
            if (o.kind().equals("domain") && o.started()) {
                try {
                    DomainStates.awaitRunning(connector, o.name(), options.callTimeout());
                } catch (ConnectorException e) {
                    return Optional.of(e.getMessage());
                }
            }
        }
        return Optional.empty();
    }

    private static HostApply result(String uri, Future<HostApply> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HostApply.failed(uri, "interrupted before the host's apply ended");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return HostApply.failed(uri, "the apply failed: " + cause);
        }
    }
}
