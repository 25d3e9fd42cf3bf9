package org.virtxml.lint.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.virtxml.model.Unit;
import org.virtxml.model.domain.CurrentMemory;
import org.virtxml.model.domain.DomainMemory;
import org.virtxml.model.domain.HardLimit;
import org.virtxml.model.domain.ShmemSize;
import org.virtxml.model.domain.Tseg;

/** Default units and the memory limit of size elements, by element class. */
class SizeDefaultsTest {

    @Test
    void domainMemoryElementsDefaultToKibAndAreMemoryLimited() {
        assertThat(SizeDefaults.defaultUnit(DomainMemory.class))
                .isEqualTo(Unit.lookup("KiB").orElseThrow());
        assertThat(SizeDefaults.memoryLimited(DomainMemory.class)).isTrue();
        assertThat(SizeDefaults.memoryLimited(CurrentMemory.class)).isTrue();
        assertThat(SizeDefaults.defaultUnit(HardLimit.class))
                .isEqualTo(Unit.lookup("KiB").orElseThrow());
        assertThat(SizeDefaults.memoryLimited(HardLimit.class)).isFalse();
    }

    @Test
    void tsegIsMibAndOtherSizesAreBytes() {
        assertThat(SizeDefaults.defaultUnit(Tseg.class))
                .isEqualTo(Unit.lookup("MiB").orElseThrow());
        assertThat(SizeDefaults.defaultUnit(ShmemSize.class))
                .isEqualTo(Unit.lookup("bytes").orElseThrow());
        assertThat(SizeDefaults.defaultUnit(org.virtxml.model.volume.Capacity.class))
                .isEqualTo(Unit.lookup("bytes").orElseThrow());
        assertThat(SizeDefaults.defaultUnit(org.virtxml.model.pool.Capacity.class))
                .isEqualTo(Unit.lookup("bytes").orElseThrow());
        assertThat(SizeDefaults.memoryLimited(org.virtxml.model.volume.Capacity.class))
                .isFalse();
    }
}
