package org.virtxml.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code virtxml lint --qemu VERSION} and {@code --domcaps FILE} (issue 15), and value-invalid by default. */
class LintCapabilityOptionsTest {

    @TempDir
    Path dir;

    private Path guest() throws Exception {
        Path f = dir.resolve("vm.xml");
        Files.writeString(
                f,
                "<domain type='kvm'>\n  <name>vm</name>\n  <memory>1048576</memory>\n  <os>\n"
                        + "    <type arch='x86_64' machine='pc-q35-9.2'>hvm</type>\n  </os>\n  <devices>\n"
                        + "    <disk type='file' device='disk'><source file='/var/lib/libvirt/images/a.img'/>"
                        + "<target dev='vda' bus='virtio'/></disk>\n    <graphics type='desktop'/>\n  </devices>\n</domain>\n");
        return f;
    }

    @Test
    void qemuProfileJudgesTheGuest() throws Exception {
        Path f = guest();
        assertThat(LintCommandTest.run(f.toString()).status())
                .as("no capabilities: nothing to judge")
                .isZero();
        LintCommandTest.Run r = LintCommandTest.run("--qemu", "9.2", f.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .contains(f + ":9:")
                .contains(
                        "unsupported configuration: graphics type 'desktop' is not" + " supported by this QEMU binary")
                .contains("[caps-graphics-unsupported]");
    }

    @Test
    void domcapsFileJudgesTheGuest() throws Exception {
        Path f = guest();
        Path caps = dir.resolve("caps.xml");
        Files.writeString(
                caps,
                "<domainCapabilities><domain>kvm</domain><machine>pc-q35-9.2</machine><arch>x86_64</arch>"
                        + "<devices><disk supported='yes'><enum name='bus'><value>sata</value></enum>"
                        + "</disk></devices></domainCapabilities>");
        LintCommandTest.Run r = LintCommandTest.run("--domcaps", caps.toString(), f.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).contains("[caps-disk-unsupported]").contains(caps.toString());
    }

    @Test
    void typosAreErrorsByDefault() throws Exception {
        Path f = guest();
        Files.writeString(
                f, Files.readString(f).replace("bus='virtio'", "bus='virtoi'").replace("desktop", "vnc"));
        LintCommandTest.Run r = LintCommandTest.run(f.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out())
                .contains("error: Invalid value for attribute 'bus' in element 'target': 'virtoi'.")
                .contains("did you mean 'virtio'?")
                .contains("[value-invalid]");
    }

    @Test
    void usageErrors() throws Exception {
        Path f = guest();
        Path notCaps = dir.resolve("not-caps.xml");
        Files.writeString(notCaps, "<capabilities/>");
        for (String[] args : new String[][] {
            {"--qemu", "5.0", f.toString()},
            {"--domcaps", notCaps.toString(), f.toString()},
            {"--domcaps", dir.resolve("missing.xml").toString(), f.toString()},
            {"--qemu", "9.2", "--domcaps", notCaps.toString(), f.toString()}
        }) {
            LintCommandTest.Run r = LintCommandTest.run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err())
                    .startsWith("virtxml lint: ")
                    .doesNotContain("\tat ")
                    .doesNotContain("Exception");
        }
        assertThat(LintCommandTest.run("--qemu", "5.0", f.toString()).err()).contains("6.2, 7.2, 8.2, 9.2, 10.0");
    }
}
