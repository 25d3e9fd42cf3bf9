package org.virtxml.connect.xdr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class XdrCodecTest {
    private static final Gen<byte[]> BYTES = lists().of(integers().between(0, 255))
            .ofSizeBetween(0, 64)
            .map(list -> {
                byte[] bytes = new byte[list.size()];
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] = (byte) (int) list.get(i);
                }
                return bytes;
            });

    @Test
    void intsRoundTripBigEndian() {
        qt().forAll(integers().all()).checkAssert(value -> {
            byte[] bytes = new XdrEncoder().writeInt(value).toByteArray();
            assertThat(bytes).containsExactly((byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte)
                    (int) value);
            XdrDecoder in = new XdrDecoder(bytes);
            assertThat(in.readInt()).isEqualTo(value);
            in.requireFullyConsumed();
        });
    }

    @Test
    void unsignedIntsRoundTripOverTheirWholeRange() {
        qt().forAll(longs().between(0, 0xFFFF_FFFFL)).checkAssert(value -> {
            XdrDecoder in =
                    new XdrDecoder(new XdrEncoder().writeUnsignedInt(value).toByteArray());
            assertThat(in.readUnsignedInt()).isEqualTo(value);
        });
        assertThatThrownBy(() -> new XdrEncoder().writeUnsignedInt(-1)).isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> new XdrEncoder().writeUnsignedInt(1L << 32)).isInstanceOf(XdrException.class);
    }

    @Test
    void hypersRoundTripAsEightBytesHighWordFirst() {
        qt().forAll(longs().all()).checkAssert(value -> {
            byte[] bytes = new XdrEncoder().writeHyper(value).toByteArray();
            assertThat(bytes).hasSize(8);
            assertThat(bytes[0]).isEqualTo((byte) (value >>> 56));
            assertThat(bytes[7]).isEqualTo((byte) (long) value);
            XdrDecoder in = new XdrDecoder(bytes);
            assertThat(in.readHyper()).isEqualTo(value);
            in.requireFullyConsumed();
            assertThat(new XdrDecoder(bytes).readUnsignedHyper()).isEqualTo(value);
        });
    }

    @Test
    void stringsRoundTripAsUtf8WithZeroPaddingToFourBytes() {
        qt().forAll(strings()
                        .allPossible()
                        .ofLengthBetween(0, 40)
                        .assuming(s -> StandardCharsets.UTF_8.newEncoder().canEncode(s)))
                .checkAssert(value -> {
                    byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                    byte[] bytes = new XdrEncoder().writeString(value, 1000).toByteArray();
                    assertThat(bytes.length % 4).isZero();
                    assertThat(bytes.length).isEqualTo(4 + ((utf8.length + 3) / 4) * 4);
                    for (int i = 4 + utf8.length; i < bytes.length; i++) {
                        assertThat(bytes[i]).isZero();
                    }
                    XdrDecoder in = new XdrDecoder(bytes);
                    assertThat(in.readString(1000)).isEqualTo(value);
                    in.requireFullyConsumed();
                });
    }

    @Test
    void variableOpaqueRoundTripsWithLengthAndPadding() {
        qt().forAll(BYTES, integers().all()).checkAssert((data, trailer) -> {
            byte[] bytes =
                    new XdrEncoder().writeOpaque(data, 64).writeInt(trailer).toByteArray();
            assertThat(bytes.length).isEqualTo(4 + ((data.length + 3) / 4) * 4 + 4);
            XdrDecoder in = new XdrDecoder(bytes);
            assertThat(in.readOpaque(64)).isEqualTo(data);
            assertThat(in.readInt()).as("the value after the padding").isEqualTo(trailer);
            in.requireFullyConsumed();
        });
    }

    @Test
    void fixedOpaqueHasNoLengthWordButIsPadded() {
        qt().forAll(BYTES).checkAssert(data -> {
            byte[] bytes = new XdrEncoder().writeFixedOpaque(data, data.length).toByteArray();
            assertThat(bytes.length).isEqualTo(((data.length + 3) / 4) * 4);
            XdrDecoder in = new XdrDecoder(bytes);
            assertThat(in.readFixedOpaque(data.length)).isEqualTo(data);
            in.requireFullyConsumed();
        });
        assertThatThrownBy(() -> new XdrEncoder().writeFixedOpaque(new byte[3], 16))
                .isInstanceOf(XdrException.class);
    }

    @Test
    void arraysAndOptionalsRoundTrip() {
        qt().forAll(
                        lists().of(integers().all()).ofSizeBetween(0, 30),
                        arbitrary().pick(true, false))
                .checkAssert((values, present) -> {
                    Optional<String> optional = present ? Optional.of("x" + values.size()) : Optional.empty();
                    byte[] bytes = new XdrEncoder()
                            .writeArray(values, 30, XdrEncoder::writeInt)
                            .writeOptional(optional, (out, s) -> out.writeString(s, 100))
                            .toByteArray();
                    XdrDecoder in = new XdrDecoder(bytes);
                    assertThat(in.readArray(30, XdrDecoder::readInt)).isEqualTo(values);
                    assertThat(in.readOptional(d -> d.readString(100))).isEqualTo(optional);
                    in.requireFullyConsumed();
                });
    }

    @Test
    void booleansAreZeroOrOne() {
        assertThat(new XdrDecoder(new XdrEncoder().writeBoolean(true).toByteArray()).readBoolean())
                .isTrue();
        assertThat(new XdrDecoder(new XdrEncoder().writeBoolean(false).toByteArray()).readBoolean())
                .isFalse();
        assertThatThrownBy(() -> new XdrDecoder(new XdrEncoder().writeInt(2).toByteArray()).readBoolean())
                .isInstanceOf(XdrException.class)
                .hasMessageContaining("0 or 1");
    }

    @Test
    void decoderRejectsMalformedInput() {
        assertThatThrownBy(() -> new XdrDecoder(new byte[3]).readInt())
                .isInstanceOf(XdrException.class)
                .hasMessageContaining("truncated");
        byte[] overLimit = new XdrEncoder().writeInt(17).toByteArray();
        assertThatThrownBy(() -> new XdrDecoder(overLimit).readOpaque(16))
                .isInstanceOf(XdrException.class)
                .hasMessageContaining("exceeds its limit of 16");
        byte[] hugeLength = new XdrEncoder().writeInt(-1).toByteArray();
        assertThatThrownBy(() -> new XdrDecoder(hugeLength).readString(1 << 22))
                .isInstanceOf(XdrException.class)
                .hasMessageContaining("exceeds");
        byte[] badPadding = {0, 0, 0, 1, 'a', 0, 7, 0};
        assertThatThrownBy(() -> new XdrDecoder(badPadding).readString(10))
                .isInstanceOf(XdrException.class)
                .hasMessageContaining("padding");
        byte[] badUtf8 = {0, 0, 0, 1, (byte) 0xFF, 0, 0, 0};
        assertThatThrownBy(() -> new XdrDecoder(badUtf8).readString(10))
                .isInstanceOf(XdrException.class)
                .hasMessageContaining("UTF-8");
        XdrDecoder trailing = new XdrDecoder(new byte[8]);
        trailing.readInt();
        assertThatThrownBy(trailing::requireFullyConsumed)
                .isInstanceOf(XdrException.class)
                .hasMessageContaining("4 unexpected");
        assertThatThrownBy(() -> new XdrEncoder().writeArray(List.of(1, 2, 3), 2, XdrEncoder::writeInt))
                .isInstanceOf(XdrException.class);
        assertThatThrownBy(() -> new XdrEncoder().writeString("abcde", 4)).isInstanceOf(XdrException.class);
    }
}
