package org.virtxml.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.virtxml.model.DocumentKind;
import org.virtxml.model.ModelClass;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;

/**
 * The reader's shortcuts give the answers of the plain lookups they stand in for: the shared
 * values' front ({@link SharedValues.Local}), the line cursor ({@link LineCursor}) and the child
 * element lookup by index ({@link ModelClass#elementIndex}).
 */
class ReadingLookupsTest {

    @Test
    void theFrontGivesTheValueTheTableGives() {
        SharedValues table = new SharedValues();
        SharedValues.Local front = table.local();
        List<String> values = new ArrayList<>(List.of(
                "",
                "a",
                "pci",
                "0x00",
                "0x0a",
                "virtio",
                "1234567",
                "12345678",
                "é",
                "ü1",
                "\u20ac",
                "x\u20ac",
                "/var/lib/libvirt/images/guest.qcow2",
                "abcdefghijklmnopqrstuvwxyz012345"));
        Random random = new Random(14);
        for (int i = 0; i < 3000; i++) {
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(12);
            for (int k = 0; k < length; k++) {
                sb.append((char) (random.nextInt(4) == 0 ? 0x20 + random.nextInt(0x200) : '0' + random.nextInt(10)));
            }
            values.add(sb.toString());
        }
        for (int round = 0; round < 3; round++) {
            for (String v : values) {
                String copy = new String(v.toCharArray());
                String shared = front.share(copy);
                if (v.length() > SharedValues.MAX_LENGTH) {
                    assertThat(shared).isSameAs(copy); // kept as read, as by the table
                } else {
                    assertThat(shared).isEqualTo(v);
                    assertThat(shared).isSameAs(table.share(new String(v.toCharArray())));
                }
            }
        }
        assertThat(front.share(null)).isNull();
        String tooLong = "x".repeat(SharedValues.MAX_LENGTH + 1);
        assertThat(front.share(tooLong)).isSameAs(tooLong);
    }

    @Test
    void theCursorGivesTheOffsetsOfTheIndexInAnyOrder() {
        Random random = new Random(7);
        for (String text : List.of(
                "", "<a/>", "<a>\n  <b/>\n</a>\n", "\n\n<a>\n\n\n<b x='1'\n   y='2'/>\n</a>", "<a>\r\n<b/>\r</a>")) {
            SourceText source = new SourceText(text);
            LineCursor cursor = new LineCursor(source);
            for (int i = 0; i < 500; i++) {
                int line = random.nextInt(12) - 1;
                int column = random.nextInt(15) - 1;
                assertThat(cursor.offset(line, column))
                        .as("line %d column %d of %s", line, column, text)
                        .isEqualTo(source.offset(line, column));
            }
        }
    }

    @Test
    void childElementsAreFoundByIndexAsByName() {
        for (DocumentKind kind : DocumentKind.values()) {
            List<Class<? extends ModelElement>> seen = new ArrayList<>();
            check(kind.rootClass(), seen, 0);
        }
    }

    private static void check(Class<? extends ModelElement> type, List<Class<? extends ModelElement>> seen, int depth) {
        if (seen.contains(type) || depth > 6 || java.lang.reflect.Modifier.isAbstract(type.getModifiers())) {
            return;
        }
        seen.add(type);
        ModelClass binding = ModelClass.of(type);
        List<ModelProperty> elements = binding.elementProperties();
        for (int i = 0; i < elements.size(); i++) {
            ModelProperty p = elements.get(i);
            assertThat(binding.elementIndex(p.namespace(), p.xmlName())).isEqualTo(i);
            assertThat(binding.elementIndex(
                            p.namespace(), new String(p.xmlName().toCharArray())))
                    .isEqualTo(i);
            assertThat(binding.element(p.namespace(), p.xmlName())).isSameAs(p);
            if (ModelElement.class.isAssignableFrom(p.valueType())) {
                assertThat(binding.childBinding(i).type()).isEqualTo(p.valueType());
                check(p.valueType().asSubclass(ModelElement.class), seen, depth + 1);
            } else {
                assertThat(binding.childBinding(i)).isNull();
            }
        }
        assertThat(binding.elementIndex("", "no-such-element")).isEqualTo(-1);
        assertThat(binding.elementIndex("urn:nowhere", "no-such-element")).isEqualTo(-1);
        assertThat(binding.element("", "no-such-element")).isNull();
    }
}
