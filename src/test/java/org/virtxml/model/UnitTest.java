package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class UnitTest {

    @ParameterizedTest(name = "''{0}'' is {1}")
    @CsvSource({
        "b,BYTES",
        "B,BYTES",
        "byte,BYTES",
        "Bytes,BYTES",
        "BYTES,BYTES",
        "k,KIB",
        "K,KIB",
        "KiB,KIB",
        "kib,KIB",
        "KIB,KIB",
        "KB,KB",
        "kb,KB",
        "kB,KB",
        "m,MIB",
        "MiB,MIB",
        "MB,MB",
        "g,GIB",
        "GiB,GIB",
        "GB,GB",
        "t,TIB",
        "TiB,TIB",
        "TB,TB",
        "p,PIB",
        "PiB,PIB",
        "PB,PB",
        "e,EIB",
        "EiB,EIB",
        "eb,EB"
    })
    void looksUpCaseInsensitivelyLikeVirScaleInteger(String suffix, Unit expected) {
        assertThat(Unit.lookup(suffix)).contains(expected);
    }

    @ParameterizedTest(name = "''{0}'' is unknown")
    @ValueSource(strings = {"", "KiBs", "Ki", "x", "kbytes", " KiB", "KiB ", "bb", "kibb", "mi", "\u212a", "1", "iB"})
    void unknownSuffixes(String suffix) {
        assertThat(Unit.lookup(suffix)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Unit.class)
    void spellingLooksUpToItselfAndFactorsArePowers(Unit unit) {
        assertThat(Unit.lookup(unit.spelling())).contains(unit);
        long base = unit.spelling().endsWith("iB") ? 1024 : unit == Unit.BYTES ? 1 : 1000;
        long f = unit.factor();
        while (f > 1 && f % base == 0) {
            f /= base;
        }
        assertThat(f).isEqualTo(1);
        assertThat(Unit.lookup(null)).isEmpty();
    }
}
