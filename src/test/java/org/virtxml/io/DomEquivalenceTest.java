package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.io.StringReader;
import java.util.Random;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.virtxml.dom.DomEquivalence;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

class DomEquivalenceTest {

    private static Element parse(String xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
            factory.setNamespaceAware(true);
            return factory.newDocumentBuilder()
                    .parse(new InputSource(new StringReader(xml)))
                    .getDocumentElement();
        } catch (Exception e) {
            throw new AssertionError("test document does not parse: " + xml, e);
        }
    }

    private static void assertEquivalent(String a, String b) {
        Element left = parse(a);
        Element right = parse(b);
        assertThat(DomEquivalence.equivalent(left, right)).as("equivalent").isTrue();
        assertThat(DomEquivalence.equivalent(right, left)).as("symmetric").isTrue();
        assertThat(DomEquivalence.hash(left)).as("hash").isEqualTo(DomEquivalence.hash(right));
    }

    private static void assertNotEquivalent(String a, String b) {
        Element left = parse(a);
        Element right = parse(b);
        assertThat(DomEquivalence.equivalent(left, right)).isFalse();
        assertThat(DomEquivalence.equivalent(right, left)).isFalse();
    }

    @Test
    void prefixesIndentationCommentsAndAttributeOrderDoNotCount() {
        assertEquivalent(
                "<a:foo xmlns:a='urn:app' x='1' y='2'><!-- c --><a:bar>t</a:bar></a:foo>",
                "<foo xmlns='urn:app' y='2' x='1'>\n  <bar> t </bar>\n</foo>");
    }

    @Test
    void differentlyNamedChildrenMayBeInterleaved() {
        assertEquivalent("<m><a/><b/><a k='2'/></m>", "<m><b/><a/><a k='2'/></m>");
    }

    @Test
    void orderOfSameNamedChildrenCounts() {
        assertNotEquivalent("<m><a k='1'/><a k='2'/></m>", "<m><a k='2'/><a k='1'/></m>");
    }

    @Test
    void namespaceUriCounts() {
        assertNotEquivalent("<p:foo xmlns:p='urn:one'/>", "<p:foo xmlns:p='urn:two'/>");
        assertNotEquivalent("<foo/>", "<foo xmlns='urn:one'/>");
    }

    @Test
    void attributeValuesAndTextCount() {
        assertNotEquivalent("<foo k='0x8'/>", "<foo k='8'/>");
        assertNotEquivalent("<foo k=''/>", "<foo/>");
        assertNotEquivalent("<foo>a</foo>", "<foo>b</foo>");
        assertNotEquivalent("<foo><bar/></foo>", "<foo><bar/><bar/></foo>");
    }

    @Test
    void nullsAreHandled() {
        Element e = parse("<foo/>");
        assertThat(DomEquivalence.equivalent(null, null)).isTrue();
        assertThat(DomEquivalence.equivalent(e, null)).isFalse();
        assertThat(DomEquivalence.equivalent(null, e)).isFalse();
        assertThat(DomEquivalence.hash(null)).isZero();
    }

    @Test
    void deepElementsAreHandledWithoutRecursion() {
        int depth = 20_000;
        String deep = "<e>".repeat(depth) + "x" + "</e>".repeat(depth);
        String other = "<e>".repeat(depth) + "y" + "</e>".repeat(depth);
        assertEquivalent(deep, deep);
        assertNotEquivalent(deep, other);
    }

    @Test
    void equivalentTreesHaveEqualHashesAndChangedTreesAreNotEquivalent() {
        qt().withExamples(200).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            RandomTree tree = RandomTree.generate(random);
            Element input = parse(tree.render(RandomTree.Style.plain()));
            Element shuffled = parse(tree.render(RandomTree.Style.rewritten(random)));
            assertThat(DomEquivalence.equivalent(input, shuffled)).isTrue();
            assertThat(DomEquivalence.hash(input)).isEqualTo(DomEquivalence.hash(shuffled));

            var attributes = tree.locatedAttributes();
            var target = attributes.get(random.nextInt(attributes.size()));
            Element changed = parse(
                    tree.withChangedAttribute(target, "changed-" + seed).render(RandomTree.Style.rewritten(random)));
            assertThat(DomEquivalence.equivalent(input, changed)).isFalse();
        });
    }
}
