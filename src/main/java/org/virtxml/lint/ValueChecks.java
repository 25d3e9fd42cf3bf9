package org.virtxml.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.virtxml.model.SizedElement;

/**
 * value-invalid: attribute values and element texts outside what libvirt's grammar allows at
 * their place (an enumeration, a pattern, an integer range), in libvirt's words
 * ({@code Invalid value for attribute 'type' in element 'interface': 'netwrok'.}) with the
 * nearest allowed value. Only what {@link ValueVocabulary} lists is checked: where the grammar
 * allows free text, or the place is not certain, nothing is said.
 */
final class ValueChecks {

    private ValueChecks() {}

    static List<Diagnostic> check(DocumentLinter.Paths paths, String file) {
        ValueVocabulary table = ValueVocabulary.get();
        List<Diagnostic> out = new ArrayList<>();
        for (ModelElement e : paths.order) {
            String path = paths.plain(e);
            Map<String, ValueVocabulary.Allowed> here = table.at(path);
            if (here.isEmpty() || ignoredByLibvirt(path, paths.index(e))) {
                continue;
            }
            List<ModelProperty> props = ModelProperty.of(e.getClass());
            for (int k = 0; k < props.size(); k++) { // by index: no iterator for each element
                ModelProperty p = props.get(k);
                if (!p.isAttribute()) {
                    continue;
                }
                ValueVocabulary.Allowed allowed = here.get(p.xmlName());
                Object value = allowed == null ? null : p.get(e);
                if (value == null) {
                    continue;
                }
                String text = p.toText(value);
                // an empty value is libvirt's "not set" in places (<rom file=''/> disables the ROM): not judged
                if (text != null && !text.isEmpty() && !allowed.accepts(text)) {
                    out.add(DocumentLinter.at(
                            "value-invalid",
                            Severity.ERROR,
                            message(
                                    "attribute '" + p.xmlName() + "' in element '" + element(path) + "'",
                                    text,
                                    allowed,
                                    table.grammarVersion()),
                            file,
                            paths,
                            e,
                            p.xmlName()));
                }
            }
            ValueVocabulary.Allowed text = here.get("#text");
            String value = text == null || e instanceof SizedElement ? null : e.getText();
            if (value != null && !value.isBlank() && !text.accepts(value)) {
                out.add(DocumentLinter.at(
                        "value-invalid",
                        Severity.ERROR,
                        message("element '" + element(path) + "'", value, text, table.grammarVersion()),
                        file,
                        paths,
                        e,
                        null));
            }
        }
        return out;
    }

    /** The element's name: the last step of its path. */
    private static String element(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /**
     * A {@code <boot>} after the 4th ({@code /domain/os/boot[5]} on): libvirt never reads it
     * (boot-too-many says so). {@code index}: the element's position among its list's items.
     */
    private static boolean ignoredByLibvirt(String path, int index) {
        return index > 4 && path.equals("/domain/os/boot");
    }

    static String message(String what, String value, ValueVocabulary.Allowed allowed, String version) {
        StringBuilder sb = new StringBuilder("Invalid value for ")
                .append(what)
                .append(": '")
                .append(value)
                .append("'. libvirt ")
                .append(version)
                .append("'s grammar allows ")
                .append(allowed.describe());
        List<String> literals = allowed.literals();
        Suggestions.nearest(value.strip(), literals)
                .ifPresent(s -> sb.append("; did you mean '").append(s).append("'?"));
        return sb.toString();
    }
}
