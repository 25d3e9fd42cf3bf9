package org.virtxml.lint.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtxml.lint.checks.RuleCheck;
import org.virtxml.model.domain.Domain;
import org.virtxml.model.domain.DomainMemory;
import org.virtxml.model.domain.Vcpupin;

/** Each model class gets exactly the rules registered on it or on a superclass, each property found. */
class RuleDispatchTest {

    private final RuleDispatch dispatch = RuleDispatch.standard();

    @Test
    void everyCheckIsDispatchedForItsClass() {
        for (RuleCheck<?> c : RuleChecks.all()) {
            assertThat(dispatch.of(c.type()))
                    .as(c.key())
                    .anySatisfy(r -> assertThat(r.rule()).isEqualTo(c.rule()));
        }
    }

    @Test
    void everyFieldConstraintNamesAPropertyOfItsClass() {
        for (FieldConstraint f : FieldConstraints.ALL) {
            // computing the class's rules looks the property up, and fails on a name the class lacks
            assertThat(dispatch.of(f.type()))
                    .as("%s.%s", f.type().getSimpleName(), f.property())
                    .anySatisfy(r -> assertThat(r.rule()).isEqualTo(f.check().rule()));
        }
    }

    @Test
    void aDomainGetsItsChecksThenItsFieldConstraintsInRegistrationOrder() {
        List<String> expected = new java.util.ArrayList<>();
        RuleChecks.all().stream().filter(c -> c.type() == Domain.class).forEach(c -> expected.add(c.rule()));
        FieldConstraints.ALL.stream()
                .filter(f -> f.type() == Domain.class)
                .forEach(f -> expected.add(f.check().rule()));
        assertThat(dispatch.of(Domain.class))
                .extracting(RuleDispatch.ElementRule::rule)
                .containsExactlyElementsOf(expected);
    }

    @Test
    void aSizeElementGetsTheConstraintOfItsSuperclass() {
        assertThat(dispatch.of(DomainMemory.class))
                .extracting(RuleDispatch.ElementRule::rule)
                .contains("size-invalid");
        assertThat(dispatch.of(Vcpupin.class))
                .extracting(RuleDispatch.ElementRule::rule)
                .containsExactly("cpuset-invalid");
    }
}
