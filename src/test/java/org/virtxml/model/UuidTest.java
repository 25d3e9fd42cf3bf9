package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UuidTest {

    private static final String CANONICAL = "c7a5fdbd-edaf-9455-926a-d65c16db1809";

    @ParameterizedTest(name = "valid: ''{0}''")
    @ValueSource(
            strings = {
                "c7a5fdbd-edaf-9455-926a-d65c16db1809",
                "c7a5fdbdedaf9455926ad65c16db1809",
                "C7A5FDBD-EDAF-9455-926A-D65C16DB1809",
                "c7-a5-fdbd-edaf-9455-926a-d65c16db1809",
                "c7a5fdbd edaf 9455 926a d65c16db1809",
                "c7a5fdbd--edaf-9455-926a-d65c16db1809",
                "  c7a5fdbd-edaf-9455-926a-d65c16db1809",
                "\tc7a5fdbd-edaf-9455-926a-d65c16db1809\n",
                "-c7a5fdbd-edaf-9455-926a-d65c16db1809",
                "c7a5fdbd-edaf-9455-926a-d65c16db1809 \u000b\f\r"
            })
    void acceptsWhatVirUuidParseAccepts(String text) {
        Uuid uuid = Uuid.of(text);
        assertThat(uuid.isValid()).isTrue();
        assertThat(uuid.problem()).isEmpty();
        assertThat(uuid.canonical()).isEqualTo(CANONICAL);
        assertThat(uuid.toString()).isEqualTo(text);
        assertThat(uuid.sameValueAs(Uuid.of(CANONICAL))).isTrue();
        assertThat(uuid.isCanonical()).isEqualTo(text.equals(CANONICAL));
    }

    @ParameterizedTest(name = "invalid: ''{0}''")
    @ValueSource(
            strings = {
                "",
                " ",
                "c7a5fdb-dedaf-9455-926a-d65c16db1809",
                "{c7a5fdbd-edaf-9455-926a-d65c16db1809}",
                "urn:uuid:c7a5fdbd-edaf-9455-926a-d65c16db1809",
                "c7a5fdbd-edaf-9455-926a-d65c16db180",
                "c7a5fdbd-edaf-9455-926a-d65c16db18091",
                "c7a5fdbd-edaf-9455-926a-d65c16db1809-",
                "c7a5fdbd\tedaf-9455-926a-d65c16db1809",
                "g7a5fdbd-edaf-9455-926a-d65c16db1809",
                "c7a5fdbd-edaf-9455-926a-d65c16db1809x"
            })
    void rejectsWhatVirUuidParseRejects(String text) {
        Uuid uuid = Uuid.of(text);
        assertThat(uuid.isValid()).isFalse();
        assertThat(uuid.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("uuid-invalid");
            assertThat(p.message()).startsWith("malformed uuid element");
        });
        assertThat(uuid.toString()).isEqualTo(text);
        assertThat(uuid.isCanonical()).isFalse();
        assertThat(uuid.isRfc4122()).isFalse();
        assertThatThrownBy(uuid::canonical).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(uuid::toJavaUuid).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Uuid.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(uuid.problem().orElseThrow().message());
    }

    @Test
    void emptyTextIsFlaggedAsEmpty() {
        assertThat(Uuid.of("").isEmpty()).isTrue();
        assertThat(Uuid.of(" ").isEmpty()).isFalse();
    }

    @Test
    void rfc4122VersionAndVariant() {
        assertThat(Uuid.of("c7a5fdbd-edaf-4455-926a-d65c16db1809").isRfc4122()).isTrue();
        assertThat(Uuid.of("c7a5fdbd-edaf-1455-b26a-d65c16db1809").isRfc4122()).isTrue();
        assertThat(Uuid.of(CANONICAL).isRfc4122()).isFalse(); // version 9
        assertThat(Uuid.of("c7a5fdbd-edaf-4455-c26a-d65c16db1809").isRfc4122()).isFalse();
        assertThat(Uuid.of("00000000-0000-0000-0000-000000000000").isRfc4122()).isFalse();
    }

    @Test
    void identicalBytes() {
        assertThat(Uuid.of("00000000000000000000000000000000").hasIdenticalBytes())
                .isTrue();
        assertThat(Uuid.of("ffffffff-ffff-ffff-ffff-ffffffffffff").hasIdenticalBytes())
                .isTrue();
        assertThat(Uuid.of(CANONICAL).hasIdenticalBytes()).isFalse();
    }

    @Test
    void javaUuidAndBytes() {
        Uuid uuid = Uuid.of("C7A5FDBDEDAF9455926AD65C16DB1809");
        assertThat(uuid.toJavaUuid()).isEqualTo(UUID.fromString(CANONICAL));
        assertThat(Uuid.of(UUID.fromString(CANONICAL)).text()).isEqualTo(CANONICAL);
        byte[] bytes = uuid.bytes();
        assertThat(bytes).hasSize(16).startsWith((byte) 0xc7, (byte) 0xa5);
        bytes[0] = 0;
        assertThat(uuid.bytes()[0]).isEqualTo((byte) 0xc7);
        assertThat(Uuid.ofBytes(uuid.bytes()).text()).isEqualTo(CANONICAL);
    }

    @Test
    void equalityIsOnExactText() {
        assertThat(Uuid.of(CANONICAL)).isEqualTo(Uuid.of(CANONICAL)).hasSameHashCodeAs(Uuid.of(CANONICAL));
        assertThat(Uuid.of(CANONICAL)).isNotEqualTo(Uuid.of(CANONICAL.toUpperCase()));
        assertThat(Uuid.of(CANONICAL).sameValueAs(Uuid.of(CANONICAL.toUpperCase())))
                .isTrue();
    }

    @Test
    void randomV4IsRfc4122AndCanonical() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            Uuid uuid = Uuid.randomV4(new SplittableRandom(seed));
            assertThat(uuid.isValid()).isTrue();
            assertThat(uuid.isRfc4122()).isTrue();
            assertThat(uuid.isCanonical()).isTrue();
            assertThat(uuid.toJavaUuid().version()).isEqualTo(4);
            assertThat(uuid.toJavaUuid().variant()).isEqualTo(2);
        });
        assertThat(Uuid.randomV4().isRfc4122()).isTrue();
    }

    @Test
    void textRoundTripsAndSpellingsAreSameValue() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Uuid uuid = Uuid.randomV4(random);
            String spelled = respell(uuid.canonical(), random);
            Uuid other = Uuid.of(spelled);
            assertThat(Uuid.of(uuid.toString())).isEqualTo(uuid);
            assertThat(Uuid.of(other.toString())).isEqualTo(other);
            assertThat(other.isValid()).as(spelled).isTrue();
            assertThat(other.sameValueAs(uuid)).isTrue();
            assertThat(uuid.sameValueAs(other)).isTrue();
            assertThat(other.sameValueAs(other)).isTrue();
            assertThat(Uuid.of(other.canonical()).sameValueAs(other)).isTrue();
            assertThat(Uuid.of(other.canonical()).isCanonical()).isTrue();
        });
    }

    /** Same bytes: random case, and random '-'/' ' runs between byte pairs, blanks around. */
    private static String respell(String canonical, SplittableRandom random) {
        String hex = canonical.replace("-", "");
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? " \t" : "");
        for (int i = 0; i < 32; i += 2) {
            int separators = random.nextInt(3);
            for (int s = 0; s < separators; s++) {
                sb.append(random.nextBoolean() ? '-' : ' ');
            }
            String pair = hex.substring(i, i + 2);
            sb.append(random.nextBoolean() ? pair.toUpperCase() : pair);
        }
        return sb.append(random.nextBoolean() ? "\n" : "").toString();
    }
}
