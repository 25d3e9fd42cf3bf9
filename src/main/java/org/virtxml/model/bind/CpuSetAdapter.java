package org.virtxml.model.bind;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;
import org.virtxml.model.CpuSet;

/**
 * Binds an attribute or element text to {@link CpuSet}, keeping the exact text: reading never
 * trims and never fails (invalid text is kept and reported by {@code CpuSet.problem()}), writing
 * returns the text exactly as read. Both directions pass {@code null} through.
 */
public final class CpuSetAdapter extends XmlAdapter<String, CpuSet> {

    @Override
    public CpuSet unmarshal(String text) {
        return text == null ? null : CpuSet.of(text);
    }

    @Override
    public String marshal(CpuSet value) {
        return value == null ? null : value.text();
    }
}
