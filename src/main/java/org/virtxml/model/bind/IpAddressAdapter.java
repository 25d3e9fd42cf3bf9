package org.virtxml.model.bind;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.virtxml.model.IpAddress;

/**
 * Binds an attribute or element text to {@link IpAddress}, keeping the exact text: reading never
 * trims and never fails (invalid text is kept and reported by {@code IpAddress.problem()}), writing
 * returns the text exactly as read. Both directions pass {@code null} through.
 */
public final class IpAddressAdapter extends XmlAdapter<String, IpAddress> {

    @Override
    public IpAddress unmarshal(String text) {
        return text == null ? null : IpAddress.of(text);
    }

    @Override
    public String marshal(IpAddress value) {
        return value == null ? null : value.text();
    }
}
