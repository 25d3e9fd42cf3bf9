package org.virtxml.model.bind;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.virtxml.model.IntegerText;

/**
 * Binds an attribute or element text to {@link IntegerText}, keeping the exact text: reading never
 * trims and never fails (invalid text is kept and reported by {@code IntegerText.problem()}), writing
 * returns the text exactly as read. Both directions pass {@code null} through.
 */
public final class IntegerTextAdapter extends XmlAdapter<String, IntegerText> {

    @Override
    public IntegerText unmarshal(String text) {
        return text == null ? null : IntegerText.of(text);
    }

    @Override
    public String marshal(IntegerText value) {
        return value == null ? null : value.text();
    }
}
