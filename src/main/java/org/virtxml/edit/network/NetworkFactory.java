package org.virtxml.edit.network;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.virtxml.edit.Change;
import org.virtxml.model.IntegerText;
import org.virtxml.model.IpAddress;
import org.virtxml.model.IpNetwork;
import org.virtxml.model.Leaf;
import org.virtxml.model.MacAddress;
import org.virtxml.model.Uuid;
import org.virtxml.model.UuidLeaf;
import org.virtxml.model.network.Bridge;
import org.virtxml.model.network.Dhcp;
import org.virtxml.model.network.Forward;
import org.virtxml.model.network.Ip;
import org.virtxml.model.network.Mac;
import org.virtxml.model.network.Nat;
import org.virtxml.model.network.NatPort;
import org.virtxml.model.network.Network;
import org.virtxml.model.network.Pf;
import org.virtxml.model.network.Range;

/**
 * Virtual network definitions after the KVM guide's chapter 6: a NAT network with its own
 * {@code virbr} bridge, DHCP and the host as gateway (like libvirt's {@code default}); a network
 * on an existing host bridge; an SR-IOV pool of virtual functions handed to guests as PCI devices.
 * A guest joins any of them by name ({@code <interface type='network'><source network='NAME'/>}).
 */
public final class NetworkFactory {

    private final RandomGenerator random;

    /** A factory drawing UUIDs and MACs from {@code random} (a seeded one gives repeatable output). */
    public NetworkFactory(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A network and what was chosen for it, one change per choice. */
    public record Result(Network network, List<Change> changes) {
        public Result {
            changes = List.copyOf(changes);
        }
    }

    /**
     * A NAT network on {@code subnet} (CIDR, prefix 8..30): the host takes the first address, DHCP
     * hands out the rest up to the last but one; the bridge is {@code bridge} or, when null, left
     * unnamed (libvirt then creates the first free {@code virbrN}, as for its {@code default}).
     */
    public Result nat(String name, String subnet, String bridge) {
        IpNetwork net = IpNetwork.parseCidr(subnet)
                .filter(x -> !x.isIpv6())
                .orElseThrow(() -> new IllegalArgumentException(
                        "--nat needs an IPv4 network as ADDRESS/PREFIX, e.g. 192.168.100.0/24, not '" + subnet + "'"));
        if (net.prefix() < 8 || net.prefix() > 30) {
            throw new IllegalArgumentException(
                    "--nat: prefix /" + net.prefix() + " leaves no useful DHCP range;" + " give /8 to /30");
        }
        List<Change> changes = new ArrayList<>();
        Network n = named(name, changes);
        n.setForward(new Forward()
                .withMode("nat")
                .withNat(new Nat()
                        .withPort(new NatPort().withStart(IntegerText.of(1024)).withEnd(IntegerText.of(65535)))));
        n.setBridge(new Bridge().withName(bridge).withStp("on").withDelay(IntegerText.of(0)));
        MacAddress mac = MacAddress.randomKvm(random);
        n.setMac(new Mac().withAddress(mac));
        IpAddress gateway = net.addressOf(net.base().add(BigInteger.ONE));
        IpAddress first = net.addressOf(net.base().add(BigInteger.TWO));
        IpAddress last = net.addressOf(net.last().subtract(BigInteger.ONE));
        n.getIp()
                .add(new Ip()
                        .withAddress(gateway)
                        .withNetmask(net.netmask())
                        .withDhcp(new Dhcp()
                                .withRange(new Range().withStart(first).withEnd(last))));
        changes.add(new Change("/network/forward", "NAT to the host's networks, source ports 1024-65535"));
        changes.add(new Change(
                "/network/bridge",
                bridge == null
                        ? "no name: libvirt creates the bridge virbrN with the first free N"
                        : "bridge " + bridge));
        changes.add(new Change("/network/mac", "bridge MAC " + mac.text()));
        changes.add(new Change(
                "/network/ip", "host (gateway) " + gateway + "/" + net.prefix() + ", DHCP " + first + " - " + last));
        return new Result(n, changes);
    }

    /** A network that puts guests on the existing host bridge {@code bridge} (libvirt adds no NAT, DHCP or address). */
    public Result bridge(String name, String bridge) {
        if (bridge == null || bridge.isBlank()) {
            throw new IllegalArgumentException("--bridge needs the name of an existing host bridge, e.g. br0");
        }
        List<Change> changes = new ArrayList<>();
        Network n = named(name, changes);
        n.setForward(new Forward().withMode("bridge"));
        n.setBridge(new Bridge().withName(bridge));
        changes.add(new Change(
                "/network/forward",
                "guests join the host bridge " + bridge + " (it must exist: libvirt does not create it)"));
        return new Result(n, changes);
    }

    /**
     * An SR-IOV pool: the virtual functions of the physical function {@code pf} (a host interface
     * name such as {@code enp3s0f0}), each handed to a guest as a PCI device; {@code managed='yes'}
     * lets libvirt detach them from the host driver.
     */
    public Result hostdevPool(String name, String pf) {
        if (pf == null || pf.isBlank()) {
            throw new IllegalArgumentException(
                    "--hostdev-pf needs the physical function's interface name, e.g. enp3s0f0");
        }
        List<Change> changes = new ArrayList<>();
        Network n = named(name, changes);
        n.setForward(new Forward().withMode("hostdev").withManaged("yes").withPf(new Pf().withDev(pf)));
        changes.add(new Change(
                "/network/forward",
                "SR-IOV pool of the virtual functions of " + pf + ", passed to guests as PCI devices (managed)"));
        return new Result(n, changes);
    }

    private Network named(String name, List<Change> changes) {
        if (name == null || name.isBlank() || name.contains("/") || name.contains("\n")) {
            throw new IllegalArgumentException(
                    "a network name must not be empty or contain '/' or a newline: '" + name + "'");
        }
        Uuid uuid = Uuid.randomV4(random);
        changes.add(new Change("/network/uuid", "generated " + uuid.text()));
        return new Network().withName(Leaf.of(name)).withUuid(UuidLeaf.of(uuid));
    }
}
