package org.virtxml.connect.remote;

import java.net.URI;
import org.virtxml.connect.ConnectOptions;
import org.virtxml.connect.Connector;
import org.virtxml.connect.ConnectorProvider;

/** Serves libvirt URIs ({@code qemu:///system}, {@code test:///default}, {@code qemu+tcp://HOST/system}, ...). */
public final class RemoteConnectorProvider implements ConnectorProvider {
    @Override
    public boolean accepts(URI uri) {
        return LibvirtUri.looksLikeLibvirt(uri);
    }

    @Override
    public Connector open(URI uri, ConnectOptions options) {
        return RemoteConnector.open(LibvirtUri.parse(uri), options);
    }
}
