package org.virtxml.lint.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.xml.bind.annotation.XmlAttribute;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.virtxml.model.CpuSet;
import org.virtxml.model.ModelElement;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.pool.Pool;
import org.virtxml.model.volume.Volume;

/** The written-out table of cpuset attributes matches a scan of the generated model. */
class CpusetAttributesTest {

    @Test
    void tableListsExactlyTheCpusetAttributesOfTheModel() {
        Set<Class<? extends ModelElement>> classes = new LinkedHashSet<>();
        classes.addAll(ModelClasses.reachable(Domain.class));
        classes.addAll(ModelClasses.reachable(Pool.class));
        classes.addAll(ModelClasses.reachable(Volume.class));
        Set<String> scanned = new LinkedHashSet<>();
        for (Class<? extends ModelElement> c : classes) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && f.getType() == CpuSet.class) {
                    XmlAttribute a = f.getAnnotation(XmlAttribute.class);
                    assertThat(a)
                            .as("%s.%s is an attribute", c.getName(), f.getName())
                            .isNotNull();
                    scanned.add(c.getName() + "." + f.getName() + "@" + a.name());
                }
            }
        }
        List<String> table = CpusetAttributes.ALL.stream()
                .map(x -> x.type().getName() + "." + x.property() + "@" + x.attribute())
                .toList();
        assertThat(scanned).isNotEmpty();
        assertThat(table).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(scanned);
    }

    @Test
    void pinningAndPlacementSetsMustSelectSomething() {
        assertThat(CpusetAttributes.ALL)
                .filteredOn(a -> !a.allowEmpty())
                .extracting(a -> a.type().getSimpleName())
                .containsExactlyInAnyOrder(
                        "DomainVcpu", "Vcpupin", "Emulatorpin", "Iothreadpin", "NumatuneMemory", "Memnode");
    }
}
