package org.virtxml.model.domain;

import org.virtxml.io.DocumentReadException;
import org.virtxml.io.LibvirtXml;
import org.virtxml.model.Leaf;

/** Devices read from a fragment of {@code <devices>} content, and written back inside a domain. */
final class TestDevices {
    private TestDevices() {}

    static Devices of(String devicesContent) throws DocumentReadException {
        return LibvirtXml.defaults()
                .parseDomain("<domain type='kvm'><name>v</name><devices>" + devicesContent + "</devices></domain>")
                .root()
                .getDevices();
    }

    /** The devices as written inside a domain of their own. */
    static String written(Devices devices) {
        return LibvirtXml.toXml(new Domain().withName(Leaf.of("v")).withDevices(devices));
    }
}
