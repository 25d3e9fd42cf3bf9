package org.virtxml.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The defaults README and docs/cli.md state, and the options' rules. */
class ConnectOptionsTest {
    @Test
    void defaultsAreTenSecondsToConnectSixtyPerCallWithKeepalive() {
        ConnectOptions defaults = ConnectOptions.defaults();
        assertThat(defaults.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.callTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.keepalive()).isTrue();
    }

    @Test
    void eachSettingChangesOnlyItself() {
        ConnectOptions options = ConnectOptions.defaults()
                .withConnectTimeout(Duration.ofSeconds(3))
                .withCallTimeout(Duration.ofSeconds(7))
                .withKeepalive(false);
        assertThat(options).isEqualTo(new ConnectOptions(Duration.ofSeconds(3), Duration.ofSeconds(7), false));
        assertThat(new ConnectOptions(Duration.ofSeconds(1), Duration.ofSeconds(2)).keepalive())
                .isTrue();
    }

    @Test
    void timeoutsMustBePositive() {
        assertThatThrownBy(() -> ConnectOptions.defaults().withCallTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("timeouts must be positive");
        assertThatThrownBy(() -> ConnectOptions.defaults().withConnectTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
