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
        assertThatThrownBy(() -> parse("qemu+libssh2://host/system"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("transport libssh2")
                .hasMessageContaining("not supported");
        assertThatThrownBy(() -> parse("qemu+ext:///system"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("transport ext");
        assertThatThrownBy(() -> parse("qemu+tcp:///system"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("needs a host");
        assertThatThrownBy(() -> parse("qemu+tls:///system"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("needs a host");
        assertThatThrownBy(() -> parse("qemu+carrier-pigeon://h/system"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("unknown transport 'carrier-pigeon'");
    }

    @Test
    void unixTransportWithAHostIsRefusedLikeLibvirtDoes() {
        assertThatThrownBy(() -> parse("qemu+unix://otherhost/system"))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("names the host otherhost")
                .hasMessageContaining("the unix transport reaches only this machine's socket")
                .hasMessageContaining("qemu+ssh://otherhost/");
    }

    @Test
    void anEmptySocketParameterIsExplained() {
        assertThatThrownBy(() -> parse("qemu+unix:///system?socket="))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("the socket parameter of qemu+unix:///system?socket= is empty")
                .hasMessageContaining("give the daemon's socket path");
    }

    @Test
    void tlsUrisUseLibvirtsTlsPortAndAHostWithoutTransportMeansTls() {
        LibvirtUri tls = parse("qemu+tls://kvm1.example/system?pkipath=/tmp/pki&no_verify=1");
        assertThat(tls.transport()).isEqualTo(LibvirtUri.Transport.TLS);
        assertThat(tls.port()).isEqualTo(16514);
        assertThat(tls.daemonUri()).isEqualTo("qemu:///system");
        assertThat(tls.parameter("pkipath")).contains("/tmp/pki");
        assertThat(tls.flag("no_verify")).isTrue();
        assertThat(parse("qemu+tls://h/system?no_verify=0").flag("no_verify")).isFalse();
        assertThat(parse("qemu://kvm1.example:17000/system").transport()).isEqualTo(LibvirtUri.Transport.TLS);
        assertThat(parse("qemu://kvm1.example:17000/system").peer()).isEqualTo("kvm1.example:17000");
    }

    @Test
    void sshUrisRunTheSystemSshWithLibvirtsParameters() {
        LibvirtUri ssh = parse("qemu+ssh://admin@kvm1.example:2222/system?keyfile=/k/id&no_tty=1&no_verify=1");
        assertThat(ssh.transport()).isEqualTo(LibvirtUri.Transport.SSH);
        assertThat(ssh.peer()).isEqualTo("ssh admin@kvm1.example:2222");
        assertThat(ssh.socket()).isEqualTo(LibvirtUri.SYSTEM_SOCKET);
        assertThat(Transports.sshCommand(ssh))
                .startsWith(
                        "ssh",
                        "-p",
                        "2222",
                        "-l",
                        "admin",
                        "-i",
                        "/k/id",
                        "-T",
                        "-e",
                        "none",
                        "-o",
                        "BatchMode=yes",
                        "-o",
                        "StrictHostKeyChecking=no",
                        "--",
                        "kvm1.example");
        assertThat(Transports.remoteCommand(ssh))
                .startsWith("sh -c 'if command -v virt-ssh-helper >/dev/null 2>&1;"
                        + " then exec virt-ssh-helper '\\''qemu:///system'\\''; else ")
                .contains("exec '\\''nc'\\'' $ARG -U '\\''/var/run/libvirt/libvirt-sock'\\''");
        LibvirtUri netcat = parse("qemu+ssh://kvm1.example/system?netcat=/usr/bin/ncat&socket=/run/other-sock");
        assertThat(Transports.sshCommand(netcat)).startsWith("ssh", "-T", "-e", "none", "--", "kvm1.example");
        assertThat(Transports.remoteCommand(netcat))
                .contains("exec '\\''/usr/bin/ncat'\\'' $ARG -U '\\''/run/other-sock'\\''")
                .doesNotContain("virt-ssh-helper");
        assertThat(Transports.remoteCommand(parse("qemu+ssh://h/system?proxy=native")))
                .isEqualTo("sh -c 'exec virt-ssh-helper '\\''qemu:///system'\\'''");
        assertThatThrownBy(() -> Transports.remoteCommand(parse("qemu+ssh://h/system?proxy=magic")))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("unknown proxy 'magic'");
    }

    @Test
    void onlyLibvirtDriversAreRecognised() {
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("qemu:///system"))).isTrue();
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("test+tcp://h/default")))
                .isTrue();
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("mem:///x"))).isFalse();
        assertThat(LibvirtUri.looksLikeLibvirt(URI.create("http://example/"))).isFalse();
    }
}
