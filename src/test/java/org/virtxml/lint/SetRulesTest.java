package org.virtxml.lint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtxml.lint.facts.GuestFacts;
import org.virtxml.lint.facts.MacFact;
import org.virtxml.lint.facts.Origin;
import org.virtxml.model.Location;

class SetRulesTest {

    private static final String U1 = "c7a5fdbd-edaf-9455-926a-d65c16db1809";
    private static final String U2 = "c7a5fdbd-edaf-9455-926a-d65c16db1800";

    private static GuestFacts domain(String file, String name, String uuid, String... macs) {
        GuestFacts.Builder b = GuestFacts.builder(file, "domain")
                .name(name, Origin.of(new Location(2, 3), "/domain/name"))
                .uuid(uuid, Origin.of(new Location(3, 3), "/domain/uuid"));
        int i = 1;
        for (String mac : macs) {
            b.mac(new MacFact(
                    mac, Origin.of(new Location(10 + i, 7), "/domain/devices/interface[" + i + "]/mac/@address")));
            i++;
        }
        return b.build();
    }

    private static List<Diagnostic> rule(List<Diagnostic> all, String id) {
        return all.stream().filter(d -> d.rule().equals(id)).toList();
    }

    @Test
    void distinctDocumentsHaveNoFindings() {
        assertThat(SetRules.check(List.of(
                        domain("a.xml", "a", U1, "52:54:00:00:00:01"), domain("b.xml", "b", U2, "52:54:00:00:00:02"))))
                .isEmpty();
    }

    @Test
    void uuidDuplicateOnTheLaterDocumentWhateverTheSpelling() {
        String sameButSpacedUpper = "C7A5FDBD EDAF 9455 926A D65C16DB1809";
        List<Diagnostic> d =
                SetRules.check(List.of(domain("a.xml", "a", U1), domain("b.xml", "b", sameButSpacedUpper)));
        assertThat(rule(d, "uuid-duplicate")).singleElement().satisfies(x -> {
            assertThat(x.file()).isEqualTo("b.xml");
            assertThat(x.severity()).isEqualTo(Severity.ERROR);
            assertThat(x.line()).isEqualTo(3);
            assertThat(x.message()).isEqualTo("domain UUID " + sameButSpacedUpper + " is also the UUID of 'a' (a.xml)");
        });
    }

    @Test
    void differentKindsDoNotCollide() {
        GuestFacts pool = GuestFacts.builder("p.xml", "pool").name("a").uuid(U1).build();
        assertThat(SetRules.check(List.of(domain("a.xml", "a", U1), pool))).isEmpty();
        GuestFacts pool2 =
                GuestFacts.builder("q.xml", "pool").name("a").uuid(U2).build();
        assertThat(rule(SetRules.check(List.of(pool, pool2)), "name-duplicate"))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("pool name 'a' is also the name of p.xml");
    }

    @Test
    void nameDuplicateIsCaseSensitive() {
        assertThat(SetRules.check(List.of(domain("a.xml", "web", U1), domain("b.xml", "Web", U2))))
                .isEmpty();
        assertThat(rule(
                        SetRules.check(List.of(
                                domain("a.xml", "web", U1), domain("b.xml", "web", U2), domain("c.xml", "web", null))),
                        "name-duplicate"))
                .extracting(Diagnostic::file)
                .containsExactly("b.xml", "c.xml");
    }

    @Test
    void documentWithADefinedUuidReplacesItAndIsNoDuplicate() {
        GuestFacts defined = domain("qemu:///system", "web", U1, "52:54:00:00:00:01");
        GuestFacts redefinition = domain("web.xml", "web", U1.toUpperCase(), "52:54:00:00:00:01");
        assertThat(SetRules.check(List.of(redefinition), List.of(defined))).isEmpty();
    }

    @Test
    void documentWithoutUuidAndADefinedNameReplacesItAndIsNoDuplicate() {
        GuestFacts defined = domain("qemu:///system", "web", U1, "52:54:00:00:00:01");
        GuestFacts redefinition = domain("web.xml", "web", null, "52:54:00:00:00:01");
        assertThat(SetRules.check(List.of(redefinition), List.of(defined))).isEmpty();
    }

    @Test
    void documentWithADefinedNameButAnotherUuidIsADuplicate() {
        GuestFacts defined = domain("qemu:///system", "web", U1);
        assertThat(rule(SetRules.check(List.of(domain("web.xml", "web", U2)), List.of(defined)), "name-duplicate"))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("domain name 'web' is already defined on the host with UUID " + U1
                        + ", not this document's UUID " + U2);
    }

    @Test
    void macDuplicateAcrossDocumentsAndDefinedGuests() {
        List<Diagnostic> d = SetRules.check(List.of(
                domain("a.xml", "a", U1, "52:54:00:0a:0b:0c", "52:54:00:0a:0b:0c"),
                domain("b.xml", "b", U2, "52:54:0:A:B:C")));
        assertThat(rule(d, "mac-duplicate"))
                .as("within a document is not a set finding; across is, once")
                .singleElement()
                .satisfies(x -> {
                    assertThat(x.file()).isEqualTo("b.xml");
                    assertThat(x.severity()).isEqualTo(Severity.WARNING);
                    assertThat(x.line()).isEqualTo(11);
                    assertThat(x.message()).isEqualTo("MAC 52:54:00:0a:0b:0c is also on an interface of 'a' (a.xml)");
                });
        GuestFacts defined =
                domain("qemu:///system", "old", "00000000-0000-4000-8000-000000000001", "52:54:00:0a:0b:0c");
        assertThat(rule(
                        SetRules.check(List.of(domain("a.xml", "a", U1, "52:54:00:0a:0b:0c")), List.of(defined)),
                        "mac-duplicate"))
                .singleElement()
                .extracting(Diagnostic::message)
                .isEqualTo("MAC 52:54:00:0a:0b:0c is also on an interface of 'old' (qemu:///system),"
                        + " already defined on the host");
    }

    @Test
    void macCanonicalForm() {
        assertThat(new MacFact("52:54:0:A:b:C", Origin.UNKNOWN).canonical()).contains("52:54:00:0a:0b:0c");
        assertThat(new MacFact("52:54:00:0a:0b", Origin.UNKNOWN).canonical()).isEmpty();
        assertThat(new MacFact("52:54:00:0a:0b:123", Origin.UNKNOWN).canonical())
                .isEmpty();
        assertThat(new MacFact("52-54-00-0a-0b-0c", Origin.UNKNOWN).canonical()).isEmpty();
    }

    @Test
    void unknownLocationFallsBackToTheRoot() {
        GuestFacts a = GuestFacts.builder("a.xml", "domain")
                .name("x")
                .at(Origin.of(new Location(1, 1), "/domain"))
                .build();
        GuestFacts b = GuestFacts.builder("b.xml", "domain")
                .name("x")
                .at(Origin.of(new Location(1, 2), "/domain"))
                .build();
        assertThat(SetRules.check(List.of(a, b))).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(1);
            assertThat(x.column()).isEqualTo(2);
            assertThat(x.xpath()).isEqualTo("/domain");
        });
    }
}
