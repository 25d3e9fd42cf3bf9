package org.virtxml.model;

import java.math.BigInteger;
import java.util.Optional;

/**
 * An IPv4 or IPv6 network as a virtual network's {@code <ip>} declares it: its address and the
 * prefix libvirt gives it ({@code virNetworkIPDefPrefix}): {@code prefix} when above 0, else the
 * prefix of {@code netmask} (IPv4 only, contiguous), else the IPv4 class default (8, 16 or 24 by
 * the first octet) or 64 for IPv6. Also read from the CIDR form {@code 192.168.100.0/24} or
 * {@code 2001:db8::/64} ({@link #parseCidr}).
 *
 * @param address the address as written in {@code <ip address>} (readable)
 * @param prefix  the prefix length, 0..32 for IPv4, 0..128 for IPv6
 */
public record IpNetwork(IpAddress address, int prefix) {

    public IpNetwork {
        if (!address.isValid()) {
            throw new IllegalArgumentException(address.problem().orElseThrow().message());
        }
        if (prefix < 0 || prefix > address.bits()) {
            throw new IllegalArgumentException("prefix " + prefix + " is out of range for " + address);
        }
    }

    /** The network of an {@code <ip>}'s attributes (any of them null), when libvirt can read it. */
    public static Optional<IpNetwork> of(IpAddress address, IpAddress netmask, IntegerText prefix) {
        if (address == null || !address.isValid()) {
            return Optional.empty();
        }
        if (prefix != null
                && prefix.nonNegativeValue().isPresent()
                && prefix.nonNegativeValue().getAsLong() > 0) {
            long p = prefix.nonNegativeValue().getAsLong();
            return p > address.bits() ? Optional.empty() : Optional.of(new IpNetwork(address, (int) p));
        }
        if (netmask != null) {
            return netmask.isIpv4() && address.isIpv4()
                    ? maskPrefix(netmask).map(p -> new IpNetwork(address, p))
                    : Optional.empty();
        }
        if (address.isIpv6()) {
            return Optional.of(new IpNetwork(address, 64));
        }
        int first = address.octets()[0] & 255;
        int p = first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : -1;
        return p < 0 ? Optional.empty() : Optional.of(new IpNetwork(address, p));
    }

    /** {@code ADDRESS/PREFIX}, as in {@code 192.168.100.0/24} or {@code fd00::/64}. */
    public static Optional<IpNetwork> parseCidr(String text) {
        int slash = text == null ? -1 : text.lastIndexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        IntegerText p = IntegerText.of(text.substring(slash + 1));
        IpAddress a = IpAddress.of(text.substring(0, slash));
        if (!a.isValid()
                || p.nonNegativeValue().isEmpty()
                || p.nonNegativeValue().getAsLong() > a.bits()) {
            return Optional.empty();
        }
        return Optional.of(new IpNetwork(a, (int) p.nonNegativeValue().getAsLong()));
    }

    /** The prefix of a contiguous netmask ({@code 255.255.255.0} is 24). */
    private static Optional<Integer> maskPrefix(IpAddress netmask) {
        BigInteger m = netmask.toBigInteger();
        int bits = netmask.bits();
        int p = m.bitCount();
        return m.equals(maskOf(bits, p)) ? Optional.of(p) : Optional.empty();
    }

    private static BigInteger maskOf(int bits, int prefix) {
        BigInteger all = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE);
        return all.xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
    }

    /** The address of the given number in this network's family ({@code base().add(ONE)}: the first host). */
    public IpAddress addressOf(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] octets = new byte[address.bits() / 8];
        int copy = Math.min(raw.length, octets.length);
        System.arraycopy(raw, raw.length - copy, octets, octets.length - copy, copy);
        return IpAddress.ofOctets(octets);
    }

    /** The network mask as an address: {@code 255.255.255.0}. */
    public IpAddress netmask() {
        return addressOf(mask());
    }

    /** Whether the network is IPv6. */
    public boolean isIpv6() {
        return address.isIpv6();
    }

    /** The network mask as a number. */
    public BigInteger mask() {
        return maskOf(address.bits(), prefix);
    }

    /** The first address of the network (the address with its host bits cleared). */
    public BigInteger base() {
        return address.toBigInteger().and(mask());
    }

    /** The last address of the network (IPv4's broadcast address). */
    public BigInteger last() {
        return base().or(BigInteger.ONE.shiftLeft(address.bits() - prefix).subtract(BigInteger.ONE));
    }

    /** Whether the address is of this network's family and inside it. */
    public boolean contains(IpAddress other) {
        return other.isValid()
                && other.bits() == address.bits()
                && other.toBigInteger().and(mask()).equals(base());
    }

    /** Whether the two networks are of one family and share an address (one holds the other's base). */
    public boolean overlaps(IpNetwork other) {
        if (other.address.bits() != address.bits()) {
            return false;
        }
        int shorter = Math.min(prefix, other.prefix);
        BigInteger m = maskOf(address.bits(), shorter);
        return address.toBigInteger().and(m).equals(other.address.toBigInteger().and(m));
    }

    /** The network's base and prefix: {@code 192.168.122.0/24}, {@code 2001:db8:ca2:2::/64}. */
    public String describe() {
        return addressOf(base()).text() + "/" + prefix;
    }
}
