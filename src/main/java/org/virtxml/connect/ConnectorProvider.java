package org.virtxml.connect;

import java.net.URI;

/**
 * Opens connectors for the URIs it understands; found through {@link java.util.ServiceLoader}
 * (META-INF/services/org.virtxml.connect.ConnectorProvider), the way JDBC finds drivers.
 */
public interface ConnectorProvider {
    /** True when this provider serves the URI (it may still fail to open it, with a clear reason). */
    boolean accepts(URI uri);

    Connector open(URI uri, ConnectOptions options);

    default Connector open(URI uri) {
        return open(uri, ConnectOptions.defaults());
    }
}
