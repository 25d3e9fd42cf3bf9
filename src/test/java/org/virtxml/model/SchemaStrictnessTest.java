package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The RELAX NG schema is stricter than libvirt's C parsers: both views are available. */
class SchemaStrictnessTest {

    @Test
    void uuid() {
        assertThat(Uuid.of("c7a5fdbd-edaf-9455-926a-d65c16db1809").matchesSchema())
                .isTrue();
        assertThat(Uuid.of("C7A5FDBDEDAF9455926AD65C16DB1809").matchesSchema()).isTrue();
        Uuid spaced = Uuid.of("c7a5fdbd edaf 9455 926a d65c16db1809");
        assertThat(spaced.isValid()).isTrue();
        assertThat(spaced.matchesSchema()).isFalse();
        assertThat(Uuid.of(" c7a5fdbd-edaf-9455-926a-d65c16db1809").matchesSchema())
                .isFalse();
    }

    @Test
    void mac() {
        assertThat(MacAddress.of("52:54:00:01:02:03").matchesSchema()).isTrue();
        MacAddress short1 = MacAddress.of("52:54:0:1:2:3");
        assertThat(short1.isValid()).isTrue();
        assertThat(short1.matchesSchema()).isFalse();
    }

    @Test
    void cpuset() {
        assertThat(CpuSet.of("0-3,^2,8").matchesSchema()).isTrue();
        assertThat(CpuSet.of("0, 1").isValid()).isTrue();
        assertThat(CpuSet.of("0, 1").matchesSchema()).isFalse();
        assertThat(CpuSet.of("0,").isValid()).isTrue();
        assertThat(CpuSet.of("0,").matchesSchema()).isFalse();
    }

    @Test
    void unit() {
        assertThat(DataSize.of("1", null).unitMatchesSchema()).isTrue();
        assertThat(DataSize.of("1", "KiB").unitMatchesSchema()).isTrue();
        assertThat(DataSize.of("1", "bytes").unitMatchesSchema()).isTrue();
        assertThat(DataSize.of("1", "").isValid(Unit.KIB)).isTrue();
        assertThat(DataSize.of("1", "").unitMatchesSchema()).isFalse();
        assertThat(DataSize.of("1", "KiBs").unitMatchesSchema()).isFalse();
    }
}
