package org.virtxml.connect.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtxml.connect.ConnectionFailedException;

class LibvirtUriTest {
    private static LibvirtUri parse(String uri) {
        return LibvirtUri.parse(URI.create(uri));
    }

    @Test
    void localUrisGoToTheSystemSocketAndKeepTheirDriverAndPath() {
        LibvirtUri qemu = parse("qemu:///system");
        assertThat(qemu.transport()).isEqualTo(LibvirtUri.Transport.UNIX);
        assertThat(qemu.socket()).isEqualTo(Path.of("/var/run/libvirt/libvirt-sock"));
        assertThat(qemu.daemonUri()).isEqualTo("qemu:///system");
        assertThat(parse("test:///default").daemonUri()).isEqualTo("test:///default");
    }

    @Test
    void socketParameterChoosesTheSocketAndIsNotSentToTheDaemon() {
        LibvirtUri uri = parse("qemu+unix:///system?socket=/tmp/x%20y/sock");
        assertThat(uri.socket()).isEqualTo(Path.of("/tmp/x y/sock"));
        assertThat(uri.daemonUri()).isEqualTo("qemu:///system");
        assertThat(uri.peer()).isEqualTo("/tmp/x y/sock");
    }

    @Test
    void tcpUrisNameHostAndPortWithLibvirtsDefaultPort() {
        LibvirtUri uri = parse("qemu+tcp://kvm1.example/system");
        assertThat(uri.transport()).isEqualTo(LibvirtUri.Transport.TCP);
        assertThat(uri.host()).isEqualTo("kvm1.example");
        assertThat(uri.port()).isEqualTo(16509);
        assertThat(uri.daemonUri()).isEqualTo("qemu:///system");
        assertThat(parse("qemu+tcp://10.0.0.5:16600/system").port()).isEqualTo(16600);
    }

    @Test
    void unsupportedTransportsAreRefusedClearly() {
        assertThatThrownBy(() -> parse("qemu+tls://host/system")).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("transport tls").hasMessageContaining("not supported");
        assertThatThrownBy(() -> parse("qemu://host/system")).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("tls (the default for a URI with a host)");
        assertThatThrownBy(() -> parse("qemu+ssh://root@host/system")).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("transport ssh");
        assertThatThrownBy(() -> parse("qemu+tcp:///system")).isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("needs a host");
    }

    @Test
    void onlyLibvirtDriversAreRecognised() {
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("qemu:///system"))).isTrue();
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("test+tcp://h/default"))).isTrue();
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("mem:///x"))).isFalse();
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("http://example/"))).isFalse();
    }
}
