package org.virtxml.model.bind;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.virtxml.model.MacAddress;

/**
 * Binds an attribute or element text to {@link MacAddress}, keeping the exact text: reading never
 * trims and never fails (invalid text is kept and reported by {@code MacAddress.problem()}), writing
 * returns the text exactly as read. Both directions pass {@code null} through.
 */
public final class MacAddressAdapter extends XmlAdapter<String, MacAddress> {

    @Override
    public MacAddress unmarshal(String text) {
        return text == null ? null : MacAddress.of(text);
    }

    @Override
    public String marshal(MacAddress value) {
        return value == null ? null : value.text();
    }
}
