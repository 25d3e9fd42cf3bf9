package org.virtxml.connect;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Opens a connector for a URI through the providers on the class path. */
public final class Connectors {
    private Connectors() {}

    public static Connector open(String uri) {
        return open(parse(uri), ConnectOptions.defaults());
    }

    public static Connector open(String uri, ConnectOptions options) {
        return open(parse(uri), options);
    }

    public static Connector open(URI uri, ConnectOptions options) {
        List<String> seen = new ArrayList<>();
        for (ConnectorProvider provider :
                ServiceLoader.load(ConnectorProvider.class, Connectors.class.getClassLoader())) {
            if (provider.accepts(uri)) {
                return provider.open(uri, options);
            }
            seen.add(provider.getClass().getSimpleName());
        }
        throw new ConnectionFailedException(
                "no connector accepts the URI " + uri + " (providers: " + String.join(", ", seen)
                        + "); use e.g. qemu:///system, test:///default, qemu+tcp://HOST/system or mem:///NAME");
    }

    private static URI parse(String uri) {
        try {
            return new URI(uri);
        } catch (URISyntaxException e) {
            throw new ConnectionFailedException("not a URI: " + uri + " (" + e.getReason() + ")");
        }
    }
}
