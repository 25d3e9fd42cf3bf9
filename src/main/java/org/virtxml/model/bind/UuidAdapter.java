package org.virtxml.model.bind;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.virtxml.model.Uuid;

/**
 * Binds an attribute or element text to {@link Uuid}, keeping the exact text: reading never
 * trims and never fails (invalid text is kept and reported by {@code Uuid.problem()}), writing
 * returns the text exactly as read. Both directions pass {@code null} through.
 */
public final class UuidAdapter extends XmlAdapter<String, Uuid> {

    @Override
    public Uuid unmarshal(String text) {
        return text == null ? null : Uuid.of(text);
    }

    @Override
    public String marshal(Uuid value) {
        return value == null ? null : value.text();
    }
}
