package org.example.guests;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.virtxml.io.LibvirtXml;
import org.virtxml.lint.validation.LintConstraints;
import org.virtxml.model.domain.Domain;

/** A team that validates models with jakarta.validation gets the catalogue's rules from one call. */
class BeanValidationTest {

    @Test
    void theCataloguesRulesRunThroughJakartaValidation() throws Exception {
        Domain domain = LibvirtXml.defaults()
                .parseDomain("<domain type='kvm'><name>vm</name><uuid>not-a-uuid</uuid><memory>1024</memory>"
                        + "<os><type>hvm</type></os></domain>")
                .root();
        Validator validator = LintConstraints.create().validator();

        Set<ConstraintViolation<Domain>> violations = validator.validate(domain);

        assertThat(violations).isNotEmpty();
        assertThat(violations).anySatisfy(v -> assertThat(v.getMessage()).contains("not-a-uuid"));
    }
}
