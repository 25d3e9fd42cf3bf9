package org.virtxml.model;

import java.util.Optional;

/**
 * An IPv4 network as a virtual network's {@code <ip address netmask|prefix>} declares it: the
 * address, and the prefix from {@code prefix} or else {@code netmask} (libvirt's default for an
 * address without either is its class, which is not modelled here). Also read from the CIDR form
 * {@code 192.168.100.0/24} ({@link #parseCidr}).
 *
 * @param address the address as a 32-bit number
 * @param prefix  the prefix length, 0..32
 */
public record Ipv4Network(long address, int prefix) {

    /** The network of an {@code <ip>}'s attributes, when they are IPv4 and readable. */
    public static Optional<Ipv4Network> of(String address, String netmask, String prefix) {
        Optional<Long> a = parse(address);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (prefix != null) {
            try {
                int p = Integer.parseInt(prefix.trim());
                return p < 0 || p > 32 ? Optional.empty() : Optional.of(new Ipv4Network(a.get(), p));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        Optional<Long> mask = parse(netmask);
        if (mask.isEmpty()) {
            return Optional.empty();
        }
        int p = Long.bitCount(mask.get());
        return mask.get() == (p == 0 ? 0 : (0xFFFFFFFFL << (32 - p)) & 0xFFFFFFFFL)
                ? Optional.of(new Ipv4Network(a.get(), p)) : Optional.empty();
    }

    /** {@code ADDRESS/PREFIX}, as in {@code 192.168.100.0/24}. */
    public static Optional<Ipv4Network> parseCidr(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        return slash < 0 ? Optional.empty() : of(text.substring(0, slash), null, text.substring(slash + 1));
    }

    /** A 32-bit number as a dotted quad. */
    public static String format(long address) {
        return ((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                + (address & 255);
    }

    /** The last address of the network (IPv4's broadcast address). */
    public long last() {
        return base() | (~mask() & 0xFFFFFFFFL);
    }

    /** The network mask as a dotted quad: {@code 255.255.255.0}. */
    public String netmask() {
        return format(mask());
    }

    /** A dotted quad as a 32-bit number. */
    public static Optional<Long> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long v = 0;
        for (String part : parts) {
            if (!part.matches("\\d{1,3}") || Integer.parseInt(part) > 255) {
                return Optional.empty();
            }
            v = (v << 8) | Integer.parseInt(part);
        }
        return Optional.of(v);
    }

    public long mask() {
        return prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    }

    public long base() {
        return address & mask();
    }

    public boolean contains(long other) {
        return (other & mask()) == base();
    }

    /** Whether the two networks share an address (one holds the other's base). */
    public boolean overlaps(Ipv4Network other) {
        return contains(other.base()) || other.contains(base());
    }

    /** The network's base and prefix: {@code 192.168.122.0/24}. */
    public String describe() {
        return format(base()) + "/" + prefix;
    }
}
