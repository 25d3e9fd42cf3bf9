package org.virtxml.model.bind;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.virtxml.model.VlanId;

/**
 * Binds an attribute or element text to {@link VlanId}, keeping the exact text: reading never
 * trims and never fails (invalid text is kept and reported by {@code VlanId.problem()}), writing
 * returns the text exactly as read. Both directions pass {@code null} through.
 */
public final class VlanIdAdapter extends XmlAdapter<String, VlanId> {

    @Override
    public VlanId unmarshal(String text) {
        return text == null ? null : VlanId.of(text);
    }

    @Override
    public String marshal(VlanId value) {
        return value == null ? null : value.text();
    }
}
