package org.virtxml.model;

import java.util.BitSet;
import java.util.Objects;
import java.util.Optional;

/**
 * A CPU set exactly as written ({@code cpuset='0-3,^2,8'} on {@code <vcpu>}, vcpupin,
 * emulatorpin, ...).
 *
 * <p>Validity follows libvirt's {@code virBitmapParse} with {@code VIR_DOMAIN_CPUMASK_LEN} bits
 * (CPU ids 0 to {@value #MAX_CPU_ID}): a comma separated list of {@code N}, {@code N-M}
 * ({@code N <= M}) and {@code ^N} (removes one CPU; {@code ^N-M} is rejected), applied left to
 * right ({@code ^1,0-3} is 0-3). Blanks (ASCII white space) are allowed at the start, after a
 * number, around the {@code -} of a range and after a comma, but not after {@code ^}. A trailing
 * comma is tolerated ({@code 0,}). Empty text, {@code 3-1}, {@code 0,,1}, {@code -1}, {@code 0-},
 * {@code 0x1} and ids from 16384 are rejected. A set that selects no CPU ({@code ^2}) parses but
 * libvirt refuses it for {@code <vcpu cpuset>} ({@code cpuset-empty}).
 *
 * <p>Equality is on the exact text; {@link #sameValueAs(CpuSet)} compares the selected CPUs.
 */
public final class CpuSet extends TextValue<BitSet> {

    /** libvirt's {@code VIR_DOMAIN_CPUMASK_LEN}: number of CPU ids a cpuset may name. */
    public static final int CPUMASK_LEN = 16384;
    /** Highest CPU id a cpuset may name. */
    public static final int MAX_CPU_ID = CPUMASK_LEN - 1;

    private CpuSet(String text, BitSet cpus) {
        super(text, cpus);
    }

    /** Keeps any text; never throws. Problems are reported by {@link #problem()}. */
    public static CpuSet of(String text) {
        Objects.requireNonNull(text, "text");
        return new CpuSet(text, parseCpus(text));
    }

    /** Like {@link #of(String)} but throws {@link IllegalArgumentException} on any problem. */
    public static CpuSet parse(String text) {
        return withoutProblem(of(text));
    }

    /**
     * The given CPUs in libvirt's own format ({@code virBitmapFormat}: ascending ranges,
     * {@code 0-3,8}).
     *
     * @throws IllegalArgumentException when empty or naming an id above {@link #MAX_CPU_ID}
     */
    public static CpuSet of(BitSet cpus) {
        if (cpus.isEmpty()) {
            throw new IllegalArgumentException("a cpuset must select at least one CPU");
        }
        if (cpus.length() > CPUMASK_LEN) {
            throw new IllegalArgumentException("CPU id " + (cpus.length() - 1) + " is above " + MAX_CPU_ID);
        }
        return of(format(cpus));
    }

    /** {@link #of(BitSet)} for the given ids. */
    public static CpuSet ofCpus(int... ids) {
        BitSet set = new BitSet();
        for (int id : ids) {
            if (id < 0 || id > MAX_CPU_ID) {
                throw new IllegalArgumentException("CPU id " + id + " is outside 0-" + MAX_CPU_ID);
            }
            set.set(id);
        }
        return of(set);
    }

    private static String format(BitSet cpus) {
        StringBuilder sb = new StringBuilder();
        int start = cpus.nextSetBit(0);
        while (start >= 0) {
            int end = cpus.nextClearBit(start) - 1;
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(start);
            if (end > start) {
                sb.append('-').append(end);
            }
            start = cpus.nextSetBit(end + 1);
        }
        return sb.toString();
    }

    private static BitSet parseCpus(String s) {
        BitSet set = new BitSet();
        int i = CNumber.skipSpaces(s, 0);
        if (i >= s.length()) {
            return null;
        }
        while (i < s.length()) {
            boolean negate = false;
            if (s.charAt(i) == '^') {
                i++;
                negate = true;
            }
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '9') {
                return null;
            }
            CNumber.Scan first = CNumber.scan(s, i, 10);
            Long start = CNumber.signedValue(first);
            if (start == null || start > Integer.MAX_VALUE) {
                return null;
            }
            i = CNumber.skipSpaces(s, first.end());
            if (i >= s.length() || s.charAt(i) == ',') {
                if (start > MAX_CPU_ID) {
                    return null;
                }
                set.set(start.intValue(), !negate);
            } else if (s.charAt(i) == '-') {
                if (negate) {
                    return null;
                }
                int lastFrom = CNumber.skipSpaces(s, i + 1);
                // virStrToLong_i: may itself skip blanks and read a sign
                CNumber.Scan second = CNumber.scan(s, lastFrom, 10);
                if (!CNumber.read(second, lastFrom)) {
                    return null;
                }
                Long last = CNumber.signedValue(second);
                if (last == null || last > Integer.MAX_VALUE || last < Integer.MIN_VALUE || last < start) {
                    return null;
                }
                if (last > MAX_CPU_ID) {
                    return null;
                }
                set.set(start.intValue(), last.intValue() + 1);
                i = CNumber.skipSpaces(s, second.end());
            }
            if (i >= s.length()) {
                break;
            }
            if (s.charAt(i) != ',') {
                return null;
            }
            i = CNumber.skipSpaces(s, i + 1);
        }
        return set;
    }

    /** Whether libvirt can parse the text (an empty selection is parsable). */
    public boolean isParsable() {
        return read() != null;
    }

    /** Whether parsable and selecting at least one CPU. */
    public boolean isValid() {
        return isParsable() && !read().isEmpty();
    }

    /**
     * {@code cpuset-invalid} ("Failed to parse bitmap") or {@code cpuset-empty} ("Invalid value of
     * 'cpuset'").
     */
    @Override
    public Optional<ValueProblem> problem() {
        if (!isParsable()) {
            return Optional.of(
                    new ValueProblem(ValueProblem.CPUSET_INVALID, "Failed to parse bitmap '" + text() + "'"));
        }
        if (read().isEmpty()) {
            return Optional.of(new ValueProblem(ValueProblem.CPUSET_EMPTY, "Invalid value of 'cpuset': " + text()));
        }
        return Optional.empty();
    }

    /**
     * The selected CPU ids (a copy).
     *
     * @throws IllegalStateException when unparsable
     */
    public BitSet cpus() {
        return (BitSet) requireRead().clone();
    }

    /**
     * The highest selected CPU id, or -1 when none is selected.
     *
     * @throws IllegalStateException when unparsable
     */
    public int maxCpu() {
        return requireRead().length() - 1;
    }

    /**
     * Number of selected CPUs.
     *
     * @throws IllegalStateException when unparsable
     */
    public int count() {
        return requireRead().cardinality();
    }

    /**
     * libvirt's own spelling of the selected CPUs ({@code 0-3,8}).
     *
     * @throws IllegalStateException when unparsable
     */
    public String canonical() {
        return format(requireRead());
    }

    /**
     * Whether libvirt's RELAX NG schema ({@code basictypes.rng cpuset}) accepts the text: no
     * blanks, no trailing comma. Stricter than the C parser.
     */
    public boolean matchesSchema() {
        return schemaAccepts(text());
    }

    /**
     * The schema's pattern {@code ([0-9]+(-[0-9]+)?|\^[0-9]+)(,([0-9]+(-[0-9]+)?|\^[0-9]+))*},
     * checked in one pass: a regular expression recurses once per entry and overflows the stack
     * on a long list.
     */
    static boolean schemaAccepts(String s) {
        int i = 0;
        int n = s.length();
        while (true) {
            boolean negated = i < n && s.charAt(i) == '^';
            if (negated) {
                i++;
            }
            int digits = skipDigits(s, i);
            if (digits == i) {
                return false;
            }
            i = digits;
            if (!negated && i < n && s.charAt(i) == '-') {
                digits = skipDigits(s, i + 1);
                if (digits == i + 1) {
                    return false;
                }
                i = digits;
            }
            if (i == n) {
                return true;
            }
            if (s.charAt(i) != ',') {
                return false;
            }
            i++;
        }
    }

    private static int skipDigits(String s, int from) {
        int i = from;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /**
     * Whether both select the same CPUs ({@code 0-3,^2} and {@code 0,1,3}); unparsable texts are
     * only the same value as the same text.
     */
    public boolean sameValueAs(CpuSet other) {
        return sameReadAs(other);
    }
}
