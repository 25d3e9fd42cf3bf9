package org.virtxml.connect.mem;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.ConnectionFailedException;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorProvider;

/**
 * Serves {@code mem:///NAME}, a fresh in-memory host per open, with {@link MemoryHostMachine#defaultProfile}
 * or, with {@code ?capabilities=FILE}, the profile read from a capabilities document.
 */
public final class MemoryConnectorProvider implements ConnectorProvider {
    public static final String SCHEME = "mem";

    @Override
    public boolean accepts(URI uri) {
        return SCHEME.equalsIgnoreCase(uri.getScheme());
    }

    @Override
    public Connector open(URI uri, ConnectOptions options) {
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/+", "");
        String name = path.isEmpty() ? "default" : path;
        String capabilities = null;
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                if (pair.startsWith("capabilities=")) {
                    capabilities = URLDecoder.decode(pair.substring("capabilities=".length()), StandardCharsets.UTF_8);
                }
            }
        }
        if (capabilities == null) {
            return new MemoryConnector(uri, MemoryHostMachine.defaultProfile(name));
        }
        try {
            return new MemoryConnector(
                    uri, MemoryHostMachine.fromCapabilities(name, Files.readString(Path.of(capabilities))));
        } catch (IOException e) {
            throw new ConnectionFailedException(
                    "cannot read the capabilities of " + uri + " from " + capabilities + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ConnectionFailedException(
                    "cannot use " + capabilities + " as the host profile of " + uri + ": " + e.getMessage(), e);
        }
    }
}
