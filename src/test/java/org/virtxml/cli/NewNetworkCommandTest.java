package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Linter;
import org.virtxml.lint.Severity;
import org.virtxml.model.network.Network;
import picocli.CommandLine;

/** {@code new --name NAME --nat SUBNET | --bridge BR | --hostdev-pf DEV}: the KVM guide's chapter 6 networks. */
class NewNetworkCommandTest {

    @TempDir
    Path tmp;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        CommandLine cl = new CommandLine(
                new NewCommand(new SplittableRandom(String.join(" ", args).hashCode()))); // repeatable per command
        cl.getCommandSpec().exitCodeOnInvalidInput(2);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), out.toString(), err.toString());
    }

    @Test
    void natNetworkWithDhcpRangeInsideItsSubnetAndAVirbrBridge() throws Exception {
        Run r = run("--name", "lab", "--nat", "192.168.100.0/24");
        assertThat(r.status()).as(r.err()).isZero();
        Network n = LibvirtXml.defaults().parse(r.out()).root() instanceof Network x ? x : null;
        assertThat(n).isNotNull();
        assertThat(n.getName().getText()).isEqualTo("lab");
        assertThat(n.getForward().getMode()).isEqualTo("nat");
        assertThat(n.getBridge().getName())
                .as("unnamed: libvirt creates virbrN")
                .isNull();
        assertThat(n.getBridge().getStp()).isEqualTo("on");
        assertThat(n.getIp()).singleElement().satisfies(ip -> {
            assertThat(ip.getAddress().text()).isEqualTo("192.168.100.1");
            assertThat(ip.getNetmask().text()).isEqualTo("255.255.255.0");
            assertThat(ip.getDhcp().getRange()).singleElement().satisfies(range -> {
                assertThat(range.getStart().text()).isEqualTo("192.168.100.2");
                assertThat(range.getEnd().text()).isEqualTo("192.168.100.254");
            });
        });
        assertThat(r.err()).contains("/network/uuid: generated ").contains("DHCP 192.168.100.2 - 192.168.100.254");
    }

    @Test
    void everyShapeLintsCleanWithLibvirtsSchemaAndAGuestJoinsItByName() throws Exception {
        Files.writeString(
                tmp.resolve("nat.xml"),
                run("--name", "lab", "--nat", "10.20.0.0/16", "--bridge", "virbr7")
                        .out());
        Files.writeString(
                tmp.resolve("br.xml"), run("--name", "lan", "--bridge", "br0").out());
        Files.writeString(
                tmp.resolve("sriov.xml"),
                run("--name", "vfs", "--hostdev-pf", "enp3s0f0").out());
        Files.writeString(
                tmp.resolve("vm.xml"),
                run("--name", "web01", "--network", "lab").out());
        String corpus = System.getProperty("virtxml.corpus", "");
        Path schemas = Path.of(corpus.isBlank() ? "." : corpus, "libvirt-11.3.0", "schemas");
        LintReport report =
                (Files.isDirectory(schemas) ? Linter.builder().schemas(schemas).build() : Linter.defaults()).lint(tmp);
        assertThat(report.files()).hasSize(4);
        assertThat(report.diagnostics())
                .filteredOn(d -> d.severity() != Severity.INFO)
                .extracting(Diagnostic::toString)
                .isEmpty();
        Files.writeString(
                tmp.resolve("vm.xml"),
                run("--name", "web01", "--network", "elsewhere").out());
        assertThat(Linter.defaults().lint(tmp).diagnostics())
                .extracting(Diagnostic::rule)
                .contains("network-undefined");
    }

    @Test
    void bridgeAndSriovShapes() throws Exception {
        Network br = (Network) LibvirtXml.defaults()
                .parse(run("--name", "lan", "--bridge", "br0").out())
                .root();
        assertThat(br.getForward().getMode()).isEqualTo("bridge");
        assertThat(br.getBridge().getName()).isEqualTo("br0");
        assertThat(br.getIp()).isEmpty();
        Network vfs = (Network) LibvirtXml.defaults()
                .parse(run("--name", "vfs", "--hostdev-pf", "enp3s0f0").out())
                .root();
        assertThat(vfs.getForward().getMode()).isEqualTo("hostdev");
        assertThat(vfs.getForward().getManaged()).isEqualTo("yes");
        assertThat(vfs.getForward().getPf().getDev()).isEqualTo("enp3s0f0");
    }

    @Test
    void ambiguousOrBadShapesAreUsageErrors() {
        assertThat(run("--name", "lab", "--network", "lab", "--nat", "192.168.100.0/24")
                        .status())
                .as("--network names a NIC's network")
                .isEqualTo(2);
        assertThat(run("--name", "lab", "--nat", "192.168.100.0").status())
                .as("no prefix")
                .isEqualTo(2);
        assertThat(run("--name", "lab", "--nat", "192.168.100.0/31").status())
                .as("no DHCP range")
                .isEqualTo(2);
        assertThat(run("--name", "lab", "--hostdev-pf", "eth0", "--nat", "10.0.0.0/8")
                        .status())
                .isEqualTo(2);
        assertThat(run("--name", "lab", "--pool", "dir", "--bridge", "br0").status())
                .isEqualTo(2);
        assertThat(run("--name", "a/b", "--bridge", "br0").status()).isEqualTo(2);
    }
}
