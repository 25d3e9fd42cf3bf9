package org.virtxml.lint.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.virtxml.model.IpAddress;
import org.virtxml.model.IpNetwork;
import org.virtxml.model.PciAddress;
import org.virtxml.model.network.Dns;
import org.virtxml.model.network.Forward;
import org.virtxml.model.network.ForwardAddress;
import org.virtxml.model.network.Ip;
import org.virtxml.model.network.Network;
import org.virtxml.model.network.Range;

/** Virtual network ({@code <network>}) rules from libvirt's parser, virNetworkDefParseXML (rules "Networks"). */
final class VirtualNetworkChecks {

    /** Forward modes that route at layer 3 and so need the network's own address. */
    private static final Set<String> L3_MODES = Set.of("nat", "route", "open");
    /** Forward modes that hand out host interfaces: no bridge of libvirt's own. */
    private static final Set<String> DIRECT_MODES = Set.of("private", "vepa", "passthrough", "hostdev");

    private VirtualNetworkChecks() {}

    static List<RuleCheck<?>> entries() {
        List<RuleCheck<?>> all = new ArrayList<>(NetworkValueChecks.entries());
        all.addAll(rules());
        return List.copyOf(all);
    }

    private static List<RuleCheck<?>> rules() {
        return List.of(
                RuleCheck.of("network-dns-disabled-extra", Network.class, VirtualNetworkChecks::dnsDisabledExtra),
                RuleCheck.of("network-forward-ip-missing", Network.class, VirtualNetworkChecks::forwardIpMissing),
                RuleCheck.of("network-forward-dev-invalid", Network.class, VirtualNetworkChecks::forwardDev),
                RuleCheck.of("network-bridge-not-allowed", Network.class, VirtualNetworkChecks::bridgeNotAllowed),
                RuleCheck.of("network-hostdev-pool-missing", Network.class, VirtualNetworkChecks::hostdevPool),
                RuleCheck.of("network-hostdev-duplicate", Network.class, VirtualNetworkChecks::hostdevDuplicate),
                RuleCheck.of("network-dhcp-range-outside", Ip.class, VirtualNetworkChecks::dhcpRange));
    }

    private static String name(Network n) {
        return n.getName() == null || n.getName().getText() == null
                ? ""
                : n.getName().getText().trim();
    }

    private static String mode(Forward f) {
        return f.getMode() == null ? "nat" : f.getMode();
    }

    private static void dnsDisabledExtra(Network n, Consumer<Finding> out) {
        Dns dns = n.getDns();
        if (dns != null
                && "no".equals(dns.getEnable())
                && (!Model.list(dns.getForwarder()).isEmpty()
                        || !Model.list(dns.getHost()).isEmpty()
                        || !Model.list(dns.getSrv()).isEmpty()
                        || !Model.list(dns.getTxt()).isEmpty())) {
            out.accept(Finding.at(dns, "Extra data in disabled network '" + name(n) + "'"));
        }
    }

    private static void forwardIpMissing(Network n, Consumer<Finding> out) {
        Forward f = n.getForward();
        if (f != null && L3_MODES.contains(mode(f)) && Model.list(n.getIp()).isEmpty()) {
            out.accept(Finding.at(
                    f, mode(f) + " forwarding requested, but no IP address provided for network '" + name(n) + "'"));
        }
    }

    private static void forwardDev(Network n, Consumer<Finding> out) {
        Forward f = n.getForward();
        if (f == null) {
            return;
        }
        boolean dev = f.getDev() != null || !Model.list(f.getInterface()).isEmpty();
        if ("open".equals(mode(f)) && dev) {
            out.accept(Finding.at(f, "forward dev not allowed for network '" + name(n) + "' with forward mode='open'"));
        }
        if (f.getDev() != null && (!Model.list(f.getAddress()).isEmpty() || f.getPf() != null)) {
            out.accept(Finding.at(
                    f,
                    "dev",
                    "the <forward> 'dev' attribute cannot be used when <address> or <pf>"
                            + " sub-elements are present in network " + name(n)));
        }
    }

    private static void bridgeNotAllowed(Network n, Consumer<Finding> out) {
        Forward f = n.getForward();
        if (f != null
                && DIRECT_MODES.contains(mode(f))
                && n.getBridge() != null
                && n.getBridge().getName() != null) {
            out.accept(Finding.at(
                    n.getBridge(),
                    "name",
                    "bridge name not allowed in " + mode(f) + " mode (network '" + name(n) + "')"));
        }
    }

    private static void hostdevPool(Network n, Consumer<Finding> out) {
        Forward f = n.getForward();
        if (f != null
                && "hostdev".equals(mode(f))
                && f.getPf() == null
                && Model.list(f.getAddress()).isEmpty()
                && Model.list(f.getInterface()).isEmpty()
                && f.getDev() == null) {
            out.accept(
                    Finding.at(
                            f,
                            "network '" + name(n) + "' with forward mode='hostdev' names no device pool:"
                                    + " give a <pf dev='...'/> (an SR-IOV physical function) or the virtual functions' <address>es"));
        }
    }

    private static void hostdevDuplicate(Network n, Consumer<Finding> out) {
        Forward f = n.getForward();
        if (f == null) {
            return;
        }
        List<PciAddress> seen = new ArrayList<>();
        for (ForwardAddress a : Model.list(f.getAddress())) {
            if (a.getType() != null && !"pci".equals(a.getType())) {
                continue;
            }
            PciAddress p = a.pciAddress();
            if (!p.isValid()) {
                continue;
            }
            if (seen.stream().anyMatch(p::sameValueAs)) {
                out.accept(Finding.at(
                        a, "PCI device '" + p.canonical() + "' can only be listed once in network " + name(n)));
            } else {
                seen.add(p);
            }
        }
    }

    /**
     * libvirt's {@code virSocketAddrGetRange} for each DHCP {@code <range>} of an IPv4 or IPv6
     * {@code <ip>}: start and end of the network's family and inside it.
     */
    private static void dhcpRange(Ip ip, Consumer<Finding> out) {
        Optional<IpNetwork> net = IpNetwork.of(ip.getAddress(), ip.getNetmask(), ip.getPrefix());
        if (net.isEmpty() || ip.getDhcp() == null) {
            return;
        }
        for (Range r : Model.list(ip.getDhcp().getRange())) {
            IpAddress start = r.getStart();
            IpAddress end = r.getEnd();
            if (start == null || end == null || !start.isValid() || !end.isValid()) {
                continue;
            }
            String network = ip.getAddress().text().trim();
            if (start.bits() != end.bits()
                    || start.bits() != net.get().address().bits()) {
                out.accept(Finding.at(
                        r, "mismatch of address family in range " + start + " - " + end + " for network " + network));
            } else if (!net.get().contains(start) || !net.get().contains(end)) {
                out.accept(Finding.at(
                        r,
                        "range " + start + " - " + end + " is not entirely within network " + network + "/"
                                + net.get().prefix()));
            }
        }
    }
}
