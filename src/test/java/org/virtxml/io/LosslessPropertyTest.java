package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.virtxml.dom.Loss;

class LosslessPropertyTest {

    @Test
    void shufflingDifferentlyNamedSiblingsAndRenamingPrefixesIsLossless() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            RandomTree tree = RandomTree.generate(random);
            String input = tree.render(RandomTree.Style.plain());
            String output = tree.render(RandomTree.Style.rewritten(random));
            assertThat(LosslessCheck.compare(input, output))
                    .as("%s%nvs%n%s", input, output)
                    .isEmpty();
        });
    }

    @Test
    void oneChangedAttributeValueIsReportedAtThatAttribute() {
        qt().withExamples(300).forAll(longs().all()).checkAssert(seed -> {
            Random random = new Random(seed);
            RandomTree tree = RandomTree.generate(random);
            List<RandomTree.Located> attributes = tree.locatedAttributes();
            RandomTree.Located target = attributes.get(random.nextInt(attributes.size()));
            String oldValue = valueAt(tree, target);
            String newValue = oldValue + "-changed";
            String input = tree.render(RandomTree.Style.plain());
            String output = tree.withChangedAttribute(target, newValue).render(RandomTree.Style.rewritten(random));
            assertThat(LosslessCheck.compare(input, output))
                    .as("%s%nvs%n%s", input, output)
                    .containsExactly(new Loss(target.path(), Loss.ATTRIBUTE_CHANGED, oldValue, newValue));
        });
    }

    private static String valueAt(RandomTree tree, RandomTree.Located where) {
        RandomTree node = tree;
        for (int index : where.route()) {
            node = node.children().get(index);
        }
        return node.attributes().get(where.attributeIndex()).value();
    }
}
