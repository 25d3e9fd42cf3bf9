package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtxml.dom.Loss;

class LosslessCheckTest {

    private static List<Loss> compare(String input, String output) {
        return LosslessCheck.compare(input, output);
    }

    // Rule 1: every element kept with the same namespace URI and local name, nothing added.

    @Test
    void identicalDocumentIsLossless() {
        String xml = "<domain type='kvm'><name>g</name><devices><disk type='file'/></devices></domain>";
        assertThat(compare(xml, xml)).isEmpty();
    }

    @Test
    void missingElementIsReportedWithItsPath() {
        List<Loss> losses = compare(
                "<domain><devices><disk device='disk'/><disk device='cdrom'/></devices></domain>",
                "<domain><devices><disk device='disk'/></devices></domain>");
        assertThat(losses)
                .containsExactly(
                        new Loss("/domain/devices/disk[2]", Loss.ELEMENT_MISSING, "<disk device=\"cdrom\"/>", null));
    }

    @Test
    void addedElementIsReported() {
        List<Loss> losses = compare(
                "<domain><os><type>hvm</type></os></domain>",
                "<domain><os><type>hvm</type><boot dev='hd'/></os></domain>");
        assertThat(losses).containsExactly(new Loss("/domain/os/boot", Loss.ELEMENT_ADDED, null, "<boot dev=\"hd\"/>"));
    }

    @Test
    void elementMovedIntoAnotherNamespaceIsNotTheSameElement() {
        List<Loss> losses = compare(
                "<domain><metadata><a:app xmlns:a='urn:one'/></metadata></domain>",
                "<domain><metadata><a:app xmlns:a='urn:two'/></metadata></domain>");
        assertThat(losses).extracting(Loss::kind).containsExactly(Loss.ELEMENT_MISSING, Loss.ELEMENT_ADDED);
        assertThat(losses.get(0).path()).isEqualTo("/domain/metadata/a:app");
    }

    @Test
    void differentRootIsReportedOnce() {
        assertThat(compare("<domain><name>x</name></domain>", "<pool><name>x</name></pool>"))
                .containsExactly(new Loss("/domain", Loss.ROOT_CHANGED, "domain", "pool"));
    }

    // Rule 2: same attributes, namespace URI, name and value string unchanged.

    @Test
    void attributeValueStringMustStayExactlyTheSame() {
        List<Loss> losses = compare(
                "<domain><devices><hostdev><address bus='0x8'/></hostdev></devices></domain>",
                "<domain><devices><hostdev><address bus='0x08'/></hostdev></devices></domain>");
        assertThat(losses)
                .containsExactly(
                        new Loss("/domain/devices/hostdev/address/@bus", Loss.ATTRIBUTE_CHANGED, "0x8", "0x08"));
    }

    @Test
    void missingAndAddedAttributesAreReported() {
        List<Loss> losses = compare(
                "<domain><vcpu placement='static'>2</vcpu></domain>", "<domain><vcpu current='2'>2</vcpu></domain>");
        assertThat(losses)
                .containsExactlyInAnyOrder(
                        new Loss("/domain/vcpu/@placement", Loss.ATTRIBUTE_MISSING, "static", null),
                        new Loss("/domain/vcpu/@current", Loss.ATTRIBUTE_ADDED, null, "2"));
    }

    @Test
    void emptyAttributeValueMustStayEmptyRatherThanDisappear() {
        assertThat(compare("<domain><name x=''>a</name></domain>", "<domain><name>a</name></domain>"))
                .containsExactly(new Loss("/domain/name/@x", Loss.ATTRIBUTE_MISSING, "", null));
        assertThat(compare("<domain><name x=''>a</name></domain>", "<domain><name x=\"\">a</name></domain>"))
                .isEmpty();
    }

    @Test
    void attributeOrderAndQuoteStyleDoNotMatter() {
        assertThat(compare(
                        "<domain><disk type='file' device='disk'/></domain>",
                        "<domain><disk device=\"disk\"   type=\"file\"/></domain>"))
                .isEmpty();
    }

    @Test
    void namespacedAttributeIsIdentifiedByUriNotPrefix() {
        assertThat(compare("<domain xmlns:a='urn:x' a:tag='1'/>", "<domain xmlns:b='urn:x' b:tag='1'/>"))
                .isEmpty();
        List<Loss> losses = compare("<domain xmlns:a='urn:x' a:tag='1'/>", "<domain xmlns:a='urn:y' a:tag='1'/>");
        assertThat(losses)
                .containsExactlyInAnyOrder(
                        new Loss("/domain/@a:tag", Loss.ATTRIBUTE_MISSING, "1", null),
                        new Loss("/domain/@a:tag", Loss.ATTRIBUTE_ADDED, null, "1"));
    }

    @Test
    void namespaceDeclarationsAreNotAttributes() {
        assertThat(compare(
                        "<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0' xmlns:unused='urn:u'/>",
                        "<domain/>"))
                .isEmpty();
    }

    // Rule 3: trimmed text is the same string.

    @Test
    void textIsComparedAfterTrimming() {
        assertThat(compare(
                        "<domain><memory unit='KiB'>1048576</memory></domain>",
                        "<domain><memory unit='KiB'>\n   1048576  \n</memory></domain>"))
                .isEmpty();
    }

    @Test
    void changedTextIsReported() {
        assertThat(compare("<domain><memory>00</memory></domain>", "<domain><memory>0</memory></domain>"))
                .containsExactly(new Loss("/domain/memory/text()", Loss.TEXT_CHANGED, "00", "0"));
    }

    @Test
    void innerWhiteSpaceOfTextCounts() {
        assertThat(compare(
                        "<domain><description>a  b</description></domain>",
                        "<domain><description>a b</description></domain>"))
                .extracting(Loss::kind)
                .containsExactly(Loss.TEXT_CHANGED);
    }

    @Test
    void cdataAndTextAreTheSameText() {
        assertThat(compare(
                        "<domain><description><![CDATA[a<b]]></description></domain>",
                        "<domain><description>a&lt;b</description></domain>"))
                .isEmpty();
    }

    @Test
    void textSplitByACommentIsJoined() {
        assertThat(compare("<domain><name>ab</name></domain>", "<domain><name>a<!-- note -->b</name></domain>"))
                .isEmpty();
    }

    @Test
    void lostTextBetweenElementsIsReported() {
        assertThat(compare("<domain>stray<name>a</name></domain>", "<domain><name>a</name></domain>"))
                .containsExactly(new Loss("/domain/text()", Loss.TEXT_CHANGED, "stray", ""));
    }

    // Rule 4: same-named siblings keep their order; different names may interleave.

    @Test
    void sameNamedSiblingsInAnotherOrderAreReportedAsOrderChange() {
        List<Loss> losses = compare(
                "<domain><os><boot dev='hd'/><boot dev='cdrom'/><boot dev='network'/></os></domain>",
                "<domain><os><boot dev='cdrom'/><boot dev='hd'/><boot dev='network'/></os></domain>");
        assertThat(losses)
                .containsExactly(new Loss(
                        "/domain/os/boot",
                        Loss.ORDER_CHANGED,
                        "boot[1], boot[2], boot[3]",
                        "boot[2], boot[1], boot[3]"));
    }

    @Test
    void reorderAmongIdenticalSiblingsIsStillAnOrderChange() {
        List<Loss> losses = compare(
                "<domain><os><boot dev='hd'/><boot dev='hd'/><boot dev='cdrom'/></os></domain>",
                "<domain><os><boot dev='hd'/><boot dev='cdrom'/><boot dev='hd'/></os></domain>");
        assertThat(losses)
                .containsExactly(new Loss(
                        "/domain/os/boot",
                        Loss.ORDER_CHANGED,
                        "boot[1], boot[2], boot[3]",
                        "boot[1], boot[3], boot[2]"));
    }

    @Test
    void largeReversedGroupIsOneShortOrderChange() {
        StringBuilder input = new StringBuilder("<domain><devices>");
        StringBuilder output = new StringBuilder("<domain><devices>");
        int size = 5000;
        for (int i = 0; i < size; i++) {
            input.append("<disk n='").append(i).append("'/>");
            output.append("<disk n='").append(size - 1 - i).append("'/>");
        }
        List<Loss> losses = compare(
                input.append("</devices></domain>").toString(),
                output.append("</devices></domain>").toString());
        assertThat(losses).hasSize(1);
        assertThat(losses.get(0).kind()).isEqualTo(Loss.ORDER_CHANGED);
        assertThat(losses.get(0).path()).isEqualTo("/domain/devices/disk");
        assertThat(losses.get(0).actual())
                .startsWith("disk[5000], disk[4999], ")
                .endsWith(", …");
        assertThat(losses.get(0).expected()).startsWith("disk[1], disk[2], ").endsWith("disk[20], …");
    }

    @Test
    void reorderTogetherWithAChangeIsReportedPositionally() {
        List<Loss> losses = compare(
                "<domain><os><boot dev='hd'/><boot dev='cdrom'/></os></domain>",
                "<domain><os><boot dev='network'/><boot dev='hd'/></os></domain>");
        assertThat(losses)
                .containsExactly(
                        new Loss("/domain/os/boot[1]/@dev", Loss.ATTRIBUTE_CHANGED, "hd", "network"),
                        new Loss("/domain/os/boot[2]/@dev", Loss.ATTRIBUTE_CHANGED, "cdrom", "hd"));
    }

    @Test
    void sameNamedSiblingsDifferingInContentAreComparedPositionally() {
        List<Loss> losses = compare(
                "<domain><devices><disk><source file='a'/></disk><disk><source file='b'/></disk></devices></domain>",
                "<domain><devices><disk><source file='a'/></disk><disk><source file='c'/></disk></devices></domain>");
        assertThat(losses)
                .containsExactly(new Loss("/domain/devices/disk[2]/source/@file", Loss.ATTRIBUTE_CHANGED, "b", "c"));
    }

    @Test
    void differentlyNamedSiblingsMayBeInterleavedDifferently() {
        assertThat(
                        compare(
                                "<domain><devices><disk n='1'/><interface n='1'/><disk n='2'/><interface n='2'/></devices></domain>",
                                "<domain><devices><interface n='1'/><interface n='2'/><disk n='1'/><disk n='2'/></devices></domain>"))
                .isEmpty();
    }

    // Rule 5: prefixes may differ, URIs may not; foreign content kept whole.

    @Test
    void foreignNamespaceContentWithOtherPrefixesIsLossless() {
        String input = "<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>"
                + "<metadata><app1:foo xmlns:app1='http://app1.example/'><app1:bar k='v'>t</app1:bar></app1:foo></metadata>"
                + "<qemu:commandline><qemu:arg value='-a'/><qemu:arg value='-b'/></qemu:commandline></domain>";
        String output =
                "<domain><metadata><x:foo xmlns:x='http://app1.example/'><x:bar k='v'>t</x:bar></x:foo></metadata>"
                        + "<q:commandline xmlns:q='http://libvirt.org/schemas/domain/qemu/1.0'>"
                        + "<q:arg value='-a'/><q:arg value='-b'/></q:commandline></domain>";
        assertThat(compare(input, output)).isEmpty();
    }

    @Test
    void defaultNamespaceAndPrefixedFormAreTheSameElement() {
        assertThat(compare(
                        "<domain><metadata><foo xmlns='urn:app'><bar/></foo></metadata></domain>",
                        "<domain><metadata><p:foo xmlns:p='urn:app'><p:bar/></p:foo></metadata></domain>"))
                .isEmpty();
    }

    @Test
    void lossInsideForeignContentNamesThePrefixedPath() {
        List<Loss> losses = compare(
                "<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><qemu:commandline>"
                        + "<qemu:arg value='-a'/><qemu:arg value='-b'/></qemu:commandline></domain>",
                "<domain xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><qemu:commandline>"
                        + "<qemu:arg value='-a'/><qemu:arg value='-B'/></qemu:commandline></domain>");
        assertThat(losses)
                .containsExactly(
                        new Loss("/domain/qemu:commandline/qemu:arg[2]/@value", Loss.ATTRIBUTE_CHANGED, "-b", "-B"));
    }

    @Test
    void unprefixedForeignElementIsNamedWithItsUri() {
        List<Loss> losses = compare(
                "<domain><metadata><foo xmlns='urn:app' a='1'/></metadata></domain>",
                "<domain><metadata><foo xmlns='urn:app' a='2'/></metadata></domain>");
        assertThat(losses).extracting(Loss::path).containsExactly("/domain/metadata/{urn:app}foo/@a");
    }

    // Outside the definition: comments, processing instructions, white space between elements.

    @Test
    void commentsProcessingInstructionsAndIndentationAreIgnored() {
        String input = "<?xml version='1.0'?>\n<!-- top --><domain>\n  <name>g</name>\n  <?pi data?>\n"
                + "  <devices>\n    <!-- disks -->\n    <disk/>\n  </devices>\n</domain>";
        String output = "<domain><name>g</name><devices><disk/></devices></domain>";
        assertThat(compare(input, output)).isEmpty();
    }

    // Reporting.

    @Test
    void reportsEveryLossNotOnlyTheFirst() {
        List<Loss> losses = compare(
                "<domain a='1' b='2'><name>x</name><uuid>u</uuid></domain>",
                "<domain a='9' b='8'><name>y</name></domain>");
        assertThat(losses)
                .extracting(Loss::path)
                .containsExactlyInAnyOrder("/domain/@a", "/domain/@b", "/domain/name/text()", "/domain/uuid");
    }

    @Test
    void listIsCappedToStayBounded() {
        StringBuilder input = new StringBuilder("<domain>");
        for (int i = 0; i < 500; i++) {
            input.append("<x/>");
        }
        List<Loss> losses = compare(input.append("</domain>").toString(), "<domain/>");
        assertThat(losses).hasSize(LosslessCheck.MAX_LOSSES);
        assertThat(losses.get(0).path()).isEqualTo("/domain/x[1]");
    }

    @Test
    void toStringIsReadable() {
        Loss loss = new Loss("/domain/vcpu/@placement", Loss.ATTRIBUTE_CHANGED, "static", "auto");
        assertThat(loss.toString())
                .isEqualTo("attribute-changed at /domain/vcpu/@placement: expected \"static\", got \"auto\"");
        assertThat(new Loss("/domain/uuid", Loss.ELEMENT_MISSING, "<uuid>…", null).toString())
                .isEqualTo("element-missing at /domain/uuid: expected \"<uuid>…\", got nothing");
    }

    @Test
    void twentyThousandDeepDocumentDoesNotOverflowTheStack() {
        int depth = 20_000;
        String input = "<d>" + "<e>".repeat(depth) + "leaf" + "</e>".repeat(depth) + "</d>";
        String changed = "<d>" + "<e>".repeat(depth) + "Leaf" + "</e>".repeat(depth) + "</d>";
        assertThat(compare(input, input)).isEmpty();
        List<Loss> losses = compare(input, changed);
        assertThat(losses).hasSize(1);
        assertThat(losses.get(0).kind()).isEqualTo(Loss.TEXT_CHANGED);
        assertThat(losses.get(0).path()).startsWith("/d/e/e/").endsWith("/e/text()");
    }

    // Safe parsing.

    @Test
    void malformedInputIsRefusedWithLineAndColumn() {
        assertThatThrownBy(() -> compare("<domain>\n  <name>x</nam>\n</domain>", "<domain/>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("input")
                .hasMessageContaining("line 2")
                .hasMessageContaining("column");
    }

    @Test
    void malformedOutputIsNamedAsOutput() {
        assertThatThrownBy(() -> compare("<domain/>", "<domain>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("output");
    }

    @Test
    void doctypeIsRefusedAndEntitiesAreNeverExpanded() {
        String billionLaughs =
                "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;'>]><d>&b;</d>";
        assertThatThrownBy(() -> compare(billionLaughs, "<d/>"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 1");
        String external = "<!DOCTYPE d SYSTEM 'file:///etc/passwd'><d/>";
        assertThatThrownBy(() -> compare(external, "<d/>")).isInstanceOf(IllegalArgumentException.class);
    }
}
