package org.virtxml.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtxml.connect.ConnectionLostException;
import org.virtxml.connect.Connector;
import org.virtxml.connect.Connectors;
import org.virtxml.connect.DomainState;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.LibvirtException;

/** Every document gets an outcome that says what was done, whatever fails and wherever (in-memory host). */
class ApplyTruthTest {

    private static Path domain(Path dir, String name, String uuidTail) throws Exception {
        return Files.writeString(
                dir.resolve(name + ".xml"),
                ApplierTest.domain(name, "5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c" + uuidTail, "256", ""));
    }

    @Test
    void aFailedStartIsReportedAfterTheDefineAndTheNextDocumentIsStillApplied(@TempDir Path dir) throws Exception {
        Path a = domain(dir, "a", "0001");
        Path b = domain(dir, "b", "0002");
        try (Connector mem = Connectors.open("mem:///truth-start")) {
            Connector c = FaultyConnector.wrap(
                    mem,
                    (method, args) -> method.equals("startDomain") && "a".equals(args[0])
                            ? new LibvirtException(
                                    ErrorCode.VIR_ERR_INTERNAL_ERROR,
                                    ErrorDomain.VIR_FROM_QEMU,
                                    "internal error: process exited while connecting to monitor")
                            : null);
            ApplyReport r = Applier.to(c).starting(true).apply(List.of(a, b));
            assertThat(r.status()).isEqualTo(ApplyReport.Status.FAILED);
            assertThat(r.outcomes()).hasSize(2);
            assertThat(r.outcomes().get(0)).satisfies(o -> {
                assertThat(o.name()).isEqualTo("a");
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(o.started()).isFalse();
                assertThat(o.failure()).hasValueSatisfying(f -> {
                    assertThat(f.step()).isEqualTo("start");
                    assertThat(f.message()).contains("process exited while connecting to monitor");
                });
            });
            assertThat(r.outcomes().get(1)).satisfies(o -> {
                assertThat(o.name()).isEqualTo("b");
                assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED);
                assertThat(o.started()).isTrue();
                assertThat(o.failure()).isEmpty();
            });
            assertThat(mem.lookupDomain("a").state()).isEqualTo(DomainState.SHUTOFF);
            assertThat(mem.lookupDomain("b").state()).isEqualTo(DomainState.RUNNING);
        }
    }

    @Test
    void aLostConnectionStopsTheRunAndEveryDocumentIsStillReported(@TempDir Path dir) throws Exception {
        Path a = domain(dir, "a", "0011");
        Path b = domain(dir, "b", "0012");
        Path c3 = domain(dir, "c", "0013");
        AtomicInteger defines = new AtomicInteger();
        try (Connector mem = Connectors.open("mem:///truth-lost")) {
            Connector c = FaultyConnector.wrap(
                    mem,
                    (method, args) -> method.equals("defineDomain") && defines.incrementAndGet() == 2
                            ? new ConnectionLostException("the connection to the daemon ended")
                            : null);
            ApplyReport r = Applier.to(c).apply(List.of(a, b, c3));
            assertThat(r.status()).isEqualTo(ApplyReport.Status.CONNECTION_LOST);
            assertThat(r.reason()).contains("the connection to the daemon ended");
            assertThat(r.outcomes())
                    .extracting(ApplyOutcome::action)
                    .containsExactly(
                            ApplyOutcome.Action.DEFINED, ApplyOutcome.Action.UNKNOWN, ApplyOutcome.Action.NOT_TRIED);
            assertThat(r.outcomes().get(1).failure())
                    .hasValueSatisfying(f -> assertThat(f.step()).isEqualTo("define"));
            assertThat(r.outcomes().get(2).file()).endsWith("c.xml");
            assertThat(mem.findDomain("a")).isPresent();
        }
    }

    @Test
    void aDocumentApplyCannotHandleFailsAloneWithItsReason(@TempDir Path dir) throws Exception {
        Path secret = Files.writeString(
                dir.resolve("secret.xml"),
                "<secret ephemeral='no' private='yes'><usage type='volume'><volume>/var/lib/a.img</volume></usage></secret>");
        Path broken = Files.writeString(dir.resolve("broken.xml"), "<domain type='kvm'><name>x</name>");
        Path ok = domain(dir, "ok", "0021");
        try (Connector c = Connectors.open("mem:///truth-kinds")) {
            ApplyReport r = Applier.to(c).forced(true).apply(List.of(secret, broken, ok));
            assertThat(r.status()).isEqualTo(ApplyReport.Status.FAILED);
            assertThat(r.outcomes()).hasSize(3);
            assertThat(r.outcomes())
                    .filteredOn(o -> o.file().endsWith("secret.xml"))
                    .singleElement()
                    .satisfies(o -> assertThat(o.failure())
                            .hasValueSatisfying(
                                    f -> assertThat(f.message()).contains("a secret document cannot be applied")));
            assertThat(r.outcomes())
                    .filteredOn(o -> o.file().endsWith("broken.xml"))
                    .singleElement()
                    .satisfies(o -> assertThat(o.failure())
                            .hasValueSatisfying(f -> assertThat(f.step()).isEqualTo("read")));
            assertThat(r.outcomes())
                    .filteredOn(o -> o.file().endsWith("ok.xml"))
                    .singleElement()
                    .satisfies(o -> assertThat(o.action()).isEqualTo(ApplyOutcome.Action.DEFINED));
        }
    }
}
