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

    private Fleet(ConnectOptions options, UnaryOperator<Applier> configuration) {
        this.options = options;
        this.configuration = configuration;
    }

    /** A fleet apply whose per-host applier is set up by {@code configuration} (force, start, live...). */
    public static Fleet of(ConnectOptions options, UnaryOperator<Applier> configuration) {
        return new Fleet(options, configuration);
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
            return new HostApply(uri, Optional.of(configuration.apply(Applier.to(connector)).apply(files)), Optional.empty());
        } catch (ConnectorException | HostProfileException e) {
            return new HostApply(uri, Optional.empty(), Optional.of(e.getMessage()));
        } catch (IOException e) {
            return new HostApply(uri, Optional.empty(), Optional.of("cannot read the documents: " + e.getMessage()));
        }
    }

    private static HostApply result(String uri, Future<HostApply> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new HostApply(uri, Optional.empty(), Optional.of("interrupted before the host's apply ended"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new HostApply(uri, Optional.empty(), Optional.of("the apply failed: " + cause));
        }
    }
}
