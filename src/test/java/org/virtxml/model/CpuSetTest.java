package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuSetTest {

    @ParameterizedTest(name = "''{0}'' selects {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "0-3,^2,8|0-1,3,8", "1-4,^3,6|1-2,4,6", "0|0", "' 0'|0", "'0 ,1'|0-1", "'0, 1'|0-1",
                "'0-3 ,4'|0-4", "'0 - 3'|0-3", "0,|0", "'0, '|0", "^1,0-3|0-3", "0-3,^1|0,2-3",
                "16383|16383", "0-16383|0-16383", "0-+3|0-3", "'\t0\n'|0", "3-3|3", "5,1,3|1,3,5",
                "0,^0,1|1"
            })
    void acceptsWhatVirBitmapParseAccepts(String text, String canonical) {
        CpuSet set = CpuSet.of(text);
        assertThat(set.isParsable()).isTrue();
        assertThat(set.isValid()).isTrue();
        assertThat(set.problem()).isEmpty();
        assertThat(set.canonical()).isEqualTo(canonical);
        assertThat(set.toString()).isEqualTo(text);
        assertThat(set.sameValueAs(CpuSet.of(canonical))).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is cpuset-invalid")
    @ValueSource(
            strings = {
                "",
                " ",
                "3-1",
                "0,,1",
                "-1",
                "0-",
                "0x1",
                "16384",
                "0-16384",
                "^16384",
                "^1-3",
                "^ 1",
                ",0",
                "0;1",
                "a",
                "1 2",
                "0-3-5",
                "2147483648",
                "0--1",
                "0-1x"
            })
    void rejectsWhatVirBitmapParseRejects(String text) {
        CpuSet set = CpuSet.of(text);
        assertThat(set.isParsable()).isFalse();
        assertThat(set.isValid()).isFalse();
        assertThat(set.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("cpuset-invalid");
            assertThat(p.message()).isEqualTo("Failed to parse bitmap '" + text + "'");
        });
        assertThatThrownBy(set::cpus).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CpuSet.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Failed to parse bitmap '" + text + "'");
    }

    @ParameterizedTest(name = "''{0}'' is cpuset-empty")
    @ValueSource(strings = {"^2", "1,^1", "^0,^5"})
    void emptySelection(String text) {
        CpuSet set = CpuSet.of(text);
        assertThat(set.isParsable()).isTrue();
        assertThat(set.isValid()).isFalse();
        assertThat(set.cpus().isEmpty()).isTrue();
        assertThat(set.maxCpu()).isEqualTo(-1);
        assertThat(set.problem()).get().satisfies(p -> {
            assertThat(p.ruleId()).isEqualTo("cpuset-empty");
            assertThat(p.message()).isEqualTo("Invalid value of 'cpuset': " + text);
        });
    }

    @Test
    void cpusAndMaxCpu() {
        CpuSet set = CpuSet.of("0-3,^2,8");
        BitSet cpus = set.cpus();
        assertThat(cpus.stream().toArray()).containsExactly(0, 1, 3, 8);
        cpus.clear();
        assertThat(set.cpus().cardinality()).isEqualTo(4);
        assertThat(set.count()).isEqualTo(4);
        assertThat(set.maxCpu()).isEqualTo(8);
        assertThat(CpuSet.ofCpus(7, 0, 1, 2).text()).isEqualTo("0-2,7");
        assertThatThrownBy(() -> CpuSet.ofCpus(16384)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CpuSet.of(new BitSet())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void equalityIsOnExactText() {
        assertThat(CpuSet.of("0-3")).isEqualTo(CpuSet.of("0-3")).hasSameHashCodeAs(CpuSet.of("0-3"));
        assertThat(CpuSet.of("0-3")).isNotEqualTo(CpuSet.of("0,1,2,3"));
        assertThat(CpuSet.of("0-3").sameValueAs(CpuSet.of("0,1,2,3"))).isTrue();
        assertThat(CpuSet.of("x").sameValueAs(CpuSet.of("x"))).isTrue();
        assertThat(CpuSet.of("x").sameValueAs(CpuSet.of("y"))).isFalse();
    }

    @Test
    void randomSetsRoundTripThroughTextAndSpellings() {
        qt().forAll(longs().all()).checkAssert(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            BitSet cpus = new BitSet();
            int count = 1 + random.nextInt(20);
            int bound = random.nextBoolean() ? 64 : CpuSet.CPUMASK_LEN;
            for (int i = 0; i < count; i++) {
                cpus.set(random.nextInt(bound));
            }
            CpuSet set = CpuSet.of(cpus);
            assertThat(set.isValid()).isTrue();
            assertThat(set.cpus()).isEqualTo(cpus);
            assertThat(set.maxCpu()).isEqualTo(cpus.length() - 1);
            assertThat(CpuSet.of(set.toString())).isEqualTo(set);
            assertThat(CpuSet.of(set.canonical()).sameValueAs(set)).isTrue();
            // the same CPUs written one by one, in reverse, with blanks libvirt allows
            StringBuilder sb = new StringBuilder(" ");
            cpus.stream()
                    .boxed()
                    .sorted((a, b) -> b - a)
                    .forEach(c -> sb.append(c).append(random.nextBoolean() ? " , " : ","));
            CpuSet other = CpuSet.of(sb.toString());
            assertThat(other.isValid()).as(sb.toString()).isTrue();
            assertThat(other.sameValueAs(set)).isTrue();
            assertThat(set.sameValueAs(other)).isTrue();
        });
    }
}
