package org.virtxml.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PCI address as written in {@code <address type='pci' domain bus slot function/>}: the four
 * attribute texts, each kept exactly (an absent attribute is {@code null} and reads as 0).
 *
 * <p>libvirt ({@code virPCIDeviceAddressParseXML}) reads each attribute with
 * {@code virXMLPropUInt(.., base 0, ..)}: decimal, {@code 0x} hex, and leading-zero
 * <em>octal</em> ({@code slot='010'} is 8); any {@code -} sign, trailing characters or values
 * above 2<sup>32</sup>-1 are rejected. Unless the address is "empty" (domain, bus and slot all 0,
 * which libvirt treats as "assign one for me"), it then checks ({@code virPCIDeviceAddressIsValid})
 * bus &lt;= 0xFF, slot &lt;= 0x1F and function &lt;= 7. The domain has no range check in the
 * generic parser (QEMU only supports domain 0, which its address allocator checks).
 *
 * <p>Equality is on the exact texts; {@link #sameValueAs(PciAddress)} compares values.
 */
public final class PciAddress {

    private static final Pattern TEXT_FORM =
            Pattern.compile("(?:([0-9a-fA-F]{1,8}):)?([0-9a-fA-F]{1,2}):([0-9a-fA-F]{1,2})\\.([0-7])");

    /** libvirt's node device name of a PCI device (virsh nodedev-list): {@code pci_0000_00_1a_7}. */
    private static final Pattern NODE_DEVICE_FORM =
            Pattern.compile("pci_([0-9a-fA-F]{4})_([0-9a-fA-F]{2})_([0-9a-fA-F]{2})_([0-7])");

    private final IntegerText domain;
    private final IntegerText bus;
    private final IntegerText slot;
    private final IntegerText function;

    private PciAddress(IntegerText domain, IntegerText bus, IntegerText slot, IntegerText function) {
        this.domain = domain;
        this.bus = bus;
        this.slot = slot;
        this.function = function;
    }

    /** Keeps any texts ({@code null} = attribute absent); never throws. */
    public static PciAddress of(IntegerText domain, IntegerText bus, IntegerText slot, IntegerText function) {
        return new PciAddress(domain, bus, slot, function);
    }

    /**
     * The address written as libvirt writes it ({@code domain='0x0000' bus='0x00' slot='0x05'
     * function='0x0'}).
     *
     * @throws IllegalArgumentException when a part is negative or out of range (domain above
     *                                  0xFFFF is refused here too, as QEMU has only domain 0 and
     *                                  Linux at most 16 bits)
     */
    public static PciAddress of(int domain, int bus, int slot, int function) {
        checkRange("domain", domain, 0xFFFF);
        checkRange("bus", bus, 0xFF);
        checkRange("slot", slot, 0x1F);
        checkRange("function", function, 7);
        return new PciAddress(
                IntegerText.hex(domain, 4),
                IntegerText.hex(bus, 2),
                IntegerText.hex(slot, 2),
                IntegerText.hex(function, 1));
    }

    private static void checkRange(String name, int value, int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(
                    "PCI " + name + " " + value + " is outside 0-0x" + Integer.toHexString(max));
        }
    }

    /**
     * Reads the text form {@code [domain:]bus:slot.function} in hex ({@code 0000:00:05.0},
     * {@code 00:1f.3}) as libvirt and lspci print it; a missing domain is 0. libvirt's node device
     * name ({@code pci_0000_00_1a_7}, as the KVM guide's {@code virsh nodedev-list} shows) is read too.
     *
     * @throws IllegalArgumentException when the text is not in that form or out of range
     */
    public static PciAddress parse(String text) {
        Matcher node = NODE_DEVICE_FORM.matcher(Objects.requireNonNull(text, "text"));
        if (node.matches()) {
            return parse(node.group(1) + ":" + node.group(2) + ":" + node.group(3) + "." + node.group(4));
        }
        Matcher m = TEXT_FORM.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Invalid PCI address '" + text
                    + "': expected [domain:]bus:slot.function in hex, e.g. 0000:00:05.0, or a node device name"
                    + " such as pci_0000_00_05_0");
        }
        long domainValue = m.group(1) == null ? 0 : Long.parseLong(m.group(1), 16);
        if (domainValue > 0xFFFF) {
            throw new IllegalArgumentException("Invalid PCI address '" + text + "': domain must be <= 0xFFFF");
        }
        int slotValue = Integer.parseInt(m.group(3), 16);
        if (slotValue > 0x1F) {
            throw new IllegalArgumentException("Invalid PCI address '" + text + "': slot must be <= 0x1F");
        }
        return of((int) domainValue, Integer.parseInt(m.group(2), 16), slotValue, Integer.parseInt(m.group(4), 16));
    }

    /** The domain attribute text; empty when absent. */
    public Optional<IntegerText> domain() {
        return Optional.ofNullable(domain);
    }

    /** The bus attribute text; empty when absent. */
    public Optional<IntegerText> bus() {
        return Optional.ofNullable(bus);
    }

    /** The slot attribute text; empty when absent. */
    public Optional<IntegerText> slot() {
        return Optional.ofNullable(slot);
    }

    /** The function attribute text; empty when absent. */
    public Optional<IntegerText> function() {
        return Optional.ofNullable(function);
    }

    private static OptionalLong partValue(IntegerText part) {
        if (part == null) {
            return OptionalLong.of(0);
        }
        OptionalLong v = part.nonNegativeValue();
        if (v.isEmpty() || v.getAsLong() > 0xFFFF_FFFFL) {
            return OptionalLong.empty();
        }
        return v;
    }

    /** The domain as libvirt reads it (0 when absent); empty when libvirt rejects the text. */
    public OptionalLong domainValue() {
        return partValue(domain);
    }

    /** The bus as libvirt reads it (0 when absent); empty when libvirt rejects the text. */
    public OptionalLong busValue() {
        return partValue(bus);
    }

    /** The slot as libvirt reads it (0 when absent); empty when libvirt rejects the text. */
    public OptionalLong slotValue() {
        return partValue(slot);
    }

    /** The function as libvirt reads it (0 when absent); empty when libvirt rejects the text. */
    public OptionalLong functionValue() {
        return partValue(function);
    }

    private boolean readable() {
        return domainValue().isPresent()
                && busValue().isPresent()
                && slotValue().isPresent()
                && functionValue().isPresent();
    }

    /**
     * Whether domain, bus and slot are all 0: libvirt then treats the address as unassigned and
     * skips its range checks (false when a part is unreadable).
     */
    public boolean isEmpty() {
        return readable()
                && domainValue().getAsLong() == 0
                && busValue().getAsLong() == 0
                && slotValue().getAsLong() == 0;
    }

    /**
     * Every problem in libvirt's order: unreadable attributes ({@code address-pci-invalid}, in the
     * order domain, bus, slot, function), then ranges ({@code address-pci-range}: bus, slot,
     * function) unless the address is empty.
     */
    public List<ValueProblem> problems() {
        List<ValueProblem> out = new ArrayList<>();
        addSyntax(out, "domain", domain, domainValue());
        addSyntax(out, "bus", bus, busValue());
        addSyntax(out, "slot", slot, slotValue());
        addSyntax(out, "function", function, functionValue());
        if (!out.isEmpty() || isEmpty()) {
            return out;
        }
        long b = busValue().getAsLong();
        long s = slotValue().getAsLong();
        long f = functionValue().getAsLong();
        if (b > 0xFF) {
            out.add(new ValueProblem(
                    ValueProblem.ADDRESS_PCI_RANGE,
                    "Invalid PCI address bus='0x" + Long.toHexString(b) + "', must be <= 0xFF"));
        }
        if (s > 0x1F) {
            out.add(new ValueProblem(
                    ValueProblem.ADDRESS_PCI_RANGE,
                    "Invalid PCI address slot='0x" + Long.toHexString(s) + "', must be <= 0x1F"));
        }
        if (f > 7) {
            out.add(new ValueProblem(
                    ValueProblem.ADDRESS_PCI_RANGE,
                    "Invalid PCI address function=0x" + Long.toHexString(f) + ", must be <= 7"));
        }
        return List.copyOf(out);
    }

    private static void addSyntax(List<ValueProblem> out, String name, IntegerText part, OptionalLong value) {
        if (value.isEmpty()) {
            out.add(new ValueProblem(
                    ValueProblem.ADDRESS_PCI_INVALID,
                    "Invalid value for attribute '" + name + "' in element 'address': '" + part
                            + "'. Expected non-negative integer value"));
        }
    }

    /** The first problem libvirt would report. */
    public Optional<ValueProblem> problem() {
        return problems().stream().findFirst();
    }

    public boolean isValid() {
        return problems().isEmpty();
    }

    /** Whether any attribute is written with a leading zero that libvirt reads as octal. */
    public boolean hasOctalLookingPart() {
        return octal(domain) || octal(bus) || octal(slot) || octal(function);
    }

    private static boolean octal(IntegerText part) {
        return part != null && part.isOctalLooking();
    }

    /**
     * The text form {@code dddd:bb:ss.f} in lower-case hex ({@code 0000:00:05.0}).
     *
     * @throws IllegalStateException when a part is unreadable
     */
    public String canonical() {
        if (!readable()) {
            throw new IllegalStateException(problem().orElseThrow().message());
        }
        return String.format(
                "%04x:%02x:%02x.%x",
                domainValue().getAsLong(),
                busValue().getAsLong(),
                slotValue().getAsLong(),
                functionValue().getAsLong());
    }

    /**
     * Whether both name the same address as libvirt reads them ({@code slot='0x05'},
     * {@code slot='5'}, {@code slot='05'}; an absent part equals 0). When either has an unreadable
     * part, only equal texts are the same value.
     */
    public boolean sameValueAs(PciAddress other) {
        if (other == null) {
            return false;
        }
        if (!readable() || !other.readable()) {
            return equals(other);
        }
        return domainValue().equals(other.domainValue())
                && busValue().equals(other.busValue())
                && slotValue().equals(other.slotValue())
                && functionValue().equals(other.functionValue());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PciAddress other
                && Objects.equals(domain, other.domain)
                && Objects.equals(bus, other.bus)
                && Objects.equals(slot, other.slot)
                && Objects.equals(function, other.function);
    }

    @Override
    public int hashCode() {
        return Objects.hash(domain, bus, slot, function);
    }

    /** The attributes exactly as written, absent ones left out: {@code domain='0x0000' bus='0x00' ...}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        append(sb, "domain", domain);
        append(sb, "bus", bus);
        append(sb, "slot", slot);
        append(sb, "function", function);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, IntegerText part) {
        if (part != null) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(name).append("='").append(part.text()).append('\'');
        }
    }
}
