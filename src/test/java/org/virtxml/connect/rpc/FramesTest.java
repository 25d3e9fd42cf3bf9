package org.virtxml.connect.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.virtxml.connect.ErrorCode;
import org.virtxml.connect.ErrorDomain;
import org.virtxml.connect.LibvirtException;
import org.virtxml.connect.ProtocolViolationException;
import org.virtxml.connect.xdr.XdrEncoder;

class FramesTest {
    @Test
    void callHeaderHasLibvirtsLayout() {
        byte[] frame = Frames.encode(MessageHeader.call(RemoteProcedure.CONNECT_OPEN, 7), new byte[] {1, 2, 3, 4});
        assertThat(frame)
                .containsExactly(
                        0,
                        0,
                        0,
                        32, // length counts itself: 4 + 24 + 4
                        0x20,
                        0x00,
                        (byte) 0x80,
                        (byte) 0x86, // REMOTE_PROGRAM
                        0,
                        0,
                        0,
                        1, // REMOTE_PROTOCOL_VERSION
                        0,
                        0,
                        0,
                        1, // REMOTE_PROC_CONNECT_OPEN
                        0,
                        0,
                        0,
                        0, // VIR_NET_CALL
                        0,
                        0,
                        0,
                        7, // serial
                        0,
                        0,
                        0,
                        0, // VIR_NET_OK
                        1,
                        2,
                        3,
                        4);
    }

    @Test
    void headersRoundTrip() {
        qt().forAll(
                        integers().all(),
                        integers().all(),
                        arbitrary()
                                .enumValues(MessageType.class)
                                .zip(arbitrary().enumValues(MessageStatus.class), (type, status) ->
                                        new Object[] {type, status}),
                        integers().between(0, 64))
                .checkAssert((procedure, serial, typeAndStatus, payloadSize) -> {
                    MessageHeader header = new MessageHeader(
                            KeepaliveProcedure.PROGRAM,
                            1,
                            procedure,
                            (MessageType) typeAndStatus[0],
                            serial,
                            (MessageStatus) typeAndStatus[1]);
                    byte[] payload = new byte[payloadSize];
                    Arrays.fill(payload, (byte) 0x5A);
                    byte[] frame = Frames.encode(header, payload);
                    int bodyLength = Frames.bodyLength(((frame[0] & 0xFF) << 24)
                            | ((frame[1] & 0xFF) << 16)
                            | ((frame[2] & 0xFF) << 8)
                            | (frame[3] & 0xFF));
                    assertThat(bodyLength).isEqualTo(frame.length - 4);
                    Message message = Frames.decodeBody(Arrays.copyOfRange(frame, 4, frame.length));
                    assertThat(message.header()).isEqualTo(header);
                    assertThat(message.payloadLength()).isEqualTo(payloadSize);
                });
    }

    @Test
    void lengthWordOutsideLibvirtsLimitsIsAProtocolViolation() {
        assertThat(Frames.bodyLength(28)).isEqualTo(24);
        assertThat(Frames.bodyLength(Frames.MESSAGE_MAX + 4)).isEqualTo(Frames.MESSAGE_MAX);
        assertThatThrownBy(() -> Frames.bodyLength(27))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("smaller");
        assertThatThrownBy(() -> Frames.bodyLength(Frames.MESSAGE_MAX + 5))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Frames.bodyLength(0x48454C4C)) // "HELL": text where a length should be
                .isInstanceOf(ProtocolViolationException.class);
        assertThatThrownBy(() -> Frames.encode(
                        MessageHeader.call(RemoteProcedure.CONNECT_OPEN, 1), new byte[Frames.PAYLOAD_MAX + 1]))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void unknownTypeOrStatusIsAProtocolViolation() {
        byte[] body = new XdrEncoder()
                .writeInt(1)
                .writeInt(1)
                .writeInt(1)
                .writeInt(9)
                .writeInt(1)
                .writeInt(0)
                .toByteArray();
        assertThatThrownBy(() -> Frames.decodeBody(body))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("type 9");
        byte[] status = new XdrEncoder()
                .writeInt(1)
                .writeInt(1)
                .writeInt(1)
                .writeInt(1)
                .writeInt(1)
                .writeInt(5)
                .toByteArray();
        assertThatThrownBy(() -> Frames.decodeBody(status))
                .isInstanceOf(ProtocolViolationException.class)
                .hasMessageContaining("status 5");
    }

    @Test
    void remoteErrorDecodesToLibvirtException() {
        byte[] error = new XdrEncoder()
                .writeInt(42)
                .writeInt(10)
                .writeOptional(
                        Optional.of("Domain not found: no domain with matching name 'x'"),
                        (o, s) -> o.writeString(s, 100))
                .writeInt(2)
                .writeOptional(Optional.empty(), (o, s) -> {})
                .writeOptional(Optional.of("x"), (o, s) -> o.writeString(s.toString(), 100))
                .writeOptional(Optional.empty(), (o, s) -> {})
                .writeOptional(Optional.empty(), (o, s) -> {})
                .writeInt(-1)
                .writeInt(-1)
                .writeOptional(Optional.empty(), (o, s) -> {})
                .toByteArray();
        LibvirtException e = RemoteErrors.decode(new org.virtxml.connect.xdr.XdrDecoder(error));
        assertThat(e.code()).isEqualTo(42);
        assertThat(e.errorCode()).contains(ErrorCode.VIR_ERR_NO_DOMAIN);
        assertThat(e.errorDomain()).contains(ErrorDomain.VIR_FROM_QEMU);
        assertThat(e.libvirtMessage()).isEqualTo("Domain not found: no domain with matching name 'x'");
        assertThat(e.getMessage())
                .isEqualTo("Domain not found: no domain with matching name 'x' [VIR_ERR_NO_DOMAIN from VIR_FROM_QEMU]");
        assertThatThrownBy(() -> RemoteErrors.decode(new org.virtxml.connect.xdr.XdrDecoder(Arrays.copyOf(error, 20))))
                .isInstanceOf(ProtocolViolationException.class);
    }

    @Test
    void errorNamesFollowLibvirtsNumbering() {
        assertThat(ErrorCode.of(42)).contains(ErrorCode.VIR_ERR_NO_DOMAIN);
        assertThat(ErrorCode.VIR_ERR_OPERATION_INVALID.number()).isEqualTo(55);
        assertThat(ErrorCode.VIR_ERR_NO_STORAGE_POOL.number()).isEqualTo(49);
        assertThat(ErrorDomain.VIR_FROM_STORAGE.number()).isEqualTo(18);
        LibvirtException unknown = new LibvirtException(9999, 9999, "odd");
        assertThat(unknown.errorCode()).isEmpty();
        assertThat(unknown.getMessage()).isEqualTo("odd [error code 9999 from error domain 9999]");
    }
}
