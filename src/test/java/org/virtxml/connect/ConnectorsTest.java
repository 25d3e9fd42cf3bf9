package org.virtxml.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.virtxml.connect.mem.MemoryConnector;

class ConnectorsTest {
    @Test
    void serviceLoaderFindsTheInMemoryHost() {
        try (Connector connector = Connectors.open("mem:///lab")) {
            assertThat(connector).isInstanceOf(MemoryConnector.class);
            assertThat(connector.hostname()).isEqualTo("lab");
        }
    }

    @Test
    void serviceLoaderSendsLibvirtUrisToTheRemoteConnector() {
        // The remote provider accepts the URI and then fails on the missing socket: proof it was chosen.
        assertThatThrownBy(() -> Connectors.open("test:///default?socket=/nonexistent/sock"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("/nonexistent/sock does not exist");
    }

    @Test
    void unknownSchemeNamesTheProviders() {
        assertThatThrownBy(() -> Connectors.open("http://example.org/"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("no connector accepts the URI http://example.org/")
                .hasMessageContaining("RemoteConnectorProvider")
                .hasMessageContaining("MemoryConnectorProvider");
        assertThatThrownBy(() -> Connectors.open("not a uri"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("not a URI");
    }
}
