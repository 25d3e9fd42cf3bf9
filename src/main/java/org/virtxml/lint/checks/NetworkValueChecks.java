package org.virtxml.lint.checks;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.virtxml.model.IpAddress;
import org.virtxml.model.ModelElement;
import org.virtxml.model.ModelProperty;
import org.virtxml.model.ValueProblem;
import org.virtxml.model.VlanId;
import org.virtxml.model.network.Network;
import org.virtxml.model.networkport.NetworkPort;

/**
 * IP addresses and VLAN tag ids that libvirt cannot read, anywhere in a virtual network or a
 * network port (rules {@code ip-address-invalid}, {@code vlan-id-invalid}): the value types'
 * {@code problem()} in libvirt's words. A host interface's addresses are not judged: libvirt keeps
 * them as text for the host's own tools.
 */
final class NetworkValueChecks {

    private NetworkValueChecks() {}

    static List<RuleCheck<?>> entries() {
        return List.of(
                RuleCheck.of(ValueProblem.IP_ADDRESS_INVALID, Network.class, (n, out) -> walk(n, ipProblem(), out)),
                RuleCheck.of(ValueProblem.VLAN_ID_INVALID, Network.class, (n, out) -> walk(n, vlanProblem(), out)),
                RuleCheck.of(ValueProblem.VLAN_ID_INVALID, NetworkPort.class, (p, out) -> walk(p, vlanProblem(), out)));
    }

    private static Function<Object, Optional<ValueProblem>> ipProblem() {
        return v -> v instanceof IpAddress a ? a.problem() : Optional.empty();
    }

    private static Function<Object, Optional<ValueProblem>> vlanProblem() {
        return v -> v instanceof VlanId id ? id.problem() : Optional.empty();
    }

    /** Every attribute of the element and its descendants whose value has a problem. */
    private static void walk(ModelElement e, Function<Object, Optional<ValueProblem>> problem, Consumer<Finding> out) {
        for (ModelProperty p : ModelProperty.of(e.getClass())) {
            for (Object v : p.values(e)) {
                if (p.isAttribute()) {
                    problem.apply(v).ifPresent(x -> out.accept(Finding.at(e, p.xmlName(), x.message())));
                } else if (v instanceof ModelElement child) {
                    walk(child, problem, out);
                }
            }
        }
    }
}
