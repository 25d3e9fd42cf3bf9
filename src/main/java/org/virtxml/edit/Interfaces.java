package org.virtxml.edit;

import org.virtxml.model.MacAddress;
import org.virtxml.model.domain.Interface;
import org.virtxml.model.domain.InterfaceModel;
import org.virtxml.model.domain.InterfaceSourceAddress;
import org.virtxml.model.domain.InterfaceSourceVariant;
import org.virtxml.model.domain.Mac;

/** Builds and re-points {@code <interface>} elements. */
final class Interfaces {
    private Interfaces() {}

    /** A new interface of the given kind with this MAC and (where the kind has one) model. */
    static Interface build(InterfaceSpec spec, MacAddress mac, String model) {
        Interface nic = new Interface();
        Mac m = new Mac();
        m.setAddress(mac);
        nic.setMac(m);
        attach(nic, spec);
        if (spec.hasModel()) {
            InterfaceModel im = new InterfaceModel();
            im.setType(model);
            nic.setModel(im);
        }
        return nic;
    }

    /**
     * Points an interface at {@code spec}: type and source replaced, with what only made sense for
     * the old attachment (host-side target, virtualport, managed) dropped. MAC, model, boot order,
     * guest address and content the model does not type stay.
     */
    static void attach(Interface nic, InterfaceSpec spec) {
        nic.setTarget(null);
        nic.setVirtualport(null);
        nic.setManaged(null);
        nic.setSource(null);
        if (spec instanceof InterfaceSpec.Network n) {
            nic.source(new InterfaceSourceVariant.Network(n.network()));
        } else if (spec instanceof InterfaceSpec.Bridge b) {
            nic.source(new InterfaceSourceVariant.Bridge(b.bridge()));
        } else if (spec instanceof InterfaceSpec.Direct d) {
            nic.source(new InterfaceSourceVariant.Direct(d.dev(), d.mode()));
        } else if (spec instanceof InterfaceSpec.SriovVf vf) {
            nic.setManaged("yes");
            PciAttributes p = PciAttributes.of(vf.address());
            InterfaceSourceAddress a = new InterfaceSourceAddress()
                    .withType("pci")
                    .withDomain(p.domain())
                    .withBus(p.bus())
                    .withSlot(p.slot())
                    .withFunction(p.function());
            nic.source(new InterfaceSourceVariant.Hostdev(a));
            nic.setModel(null);
            nic.setDriver(null);
        }
    }

    /** A short description: {@code network 'default'}, {@code bridge br0}, {@code SR-IOV VF 0000:03:10.2}. */
    static String describe(InterfaceSpec spec) {
        if (spec instanceof InterfaceSpec.Network n) {
            return "NAT network '" + n.network() + "'";
        } else if (spec instanceof InterfaceSpec.Bridge b) {
            return "bridge " + b.bridge();
        } else if (spec instanceof InterfaceSpec.Direct d) {
            return "direct (macvtap, " + d.mode() + ") on " + d.dev();
        }
        return "SR-IOV VF " + ((InterfaceSpec.SriovVf) spec).address().canonical();
    }
}
