package org.virtxml.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VlanIdTest {

    @ParameterizedTest(name = "''{0}'' reads as {1}")
    @CsvSource(
            delimiter = '|',
            value = {"0|0", "42|42", "4095|4095", "' 42'|42", "+42|42", "0042|42", "010|10"})
    void readsDecimalUpTo4095(String text, int id) {
        VlanId v = VlanId.of(text);
        assertThat(v.isValid()).isTrue();
        assertThat(v.problem()).isEmpty();
        assertThat(v.value()).isEqualTo(id);
        assertThat(v.text()).isEqualTo(text);
        assertThat(v.sameValueAs(VlanId.of(id))).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is not an integer libvirt reads")
    @ValueSource(strings = {"", "-1", "-0", "0x10", "42 ", "4.2", "abc", "99999999999"})
    void rejectsWhatVirXmlPropUIntRejects(String text) {
        VlanId v = VlanId.of(text);
        assertThat(v.isValid()).isFalse();
        assertThat(v.problem().orElseThrow().ruleId()).isEqualTo(ValueProblem.VLAN_ID_INVALID);
        assertThat(v.problem().orElseThrow().message())
                .isEqualTo("Invalid value for attribute 'id' in element 'tag': '" + text
                        + "'. Expected non-negative integer value");
        assertThatThrownBy(v::value).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idsAbove4095AreTooLarge() {
        assertThat(VlanId.of("4096").problem().orElseThrow().message())
                .isEqualTo("vlan tag id 4096 too large (maximum 4095)");
        assertThat(VlanId.of("4294967295").isValid()).isFalse();
        assertThatThrownBy(() -> VlanId.of(4096)).isInstanceOf(IllegalArgumentException.class);
        assertThat(VlanId.of("42")).isEqualTo(VlanId.of("42")).isNotEqualTo(VlanId.of("042"));
    }
}
