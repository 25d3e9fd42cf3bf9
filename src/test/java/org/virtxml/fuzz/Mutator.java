package org.virtxml.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Mutations of XML documents, from a seeded random source (the same seed gives the same inputs):
 * byte flips, insertions, deletions and repeats; splices of two documents; and text-aware ones
 * that copy or drop an element, change an attribute value, or insert what broke readers before
 * (names with colons, control characters, foreign namespaces, long numbers and lists, mixed text).
 */
final class Mutator {

    /** What has broken XML readers and value parsers before, inserted as is. */
    private static final List<String> TOKENS = List.of(
            "<",
            ">",
            "&",
            "&amp;",
            "&#x1b;",
            "&#x9b;",
            "&#13;",
            "\u009b",
            "\u202e",
            "\r",
            "\n",
            "\t",
            ":",
            "<:a/>",
            " :x='1'",
            "<a:/>",
            " xmlns='http://other/'",
            " xmlns:q='http://libvirt.org/schemas/domain/qemu/1.0'",
            "<q:commandline/>",
            "<![CDATA[x]]>",
            "]]>",
            "<!-- c -->",
            "<?pi x?>",
            "text",
            " ",
            "0x",
            "0x1g",
            "-0",
            "-1",
            "^",
            ",",
            "-",
            "4294967296",
            "18446744073709551616",
            "9223372036854775808",
            "999999999999999999999999999999",
            "1e3",
            "KiB",
            "GiB",
            "EiB",
            "yes",
            "no",
            "on",
            "<unknown/>",
            "<name>n</name>",
            "<memory/>",
            "<currentMemory/>",
            "<vcpu/>",
            "<devices/>",
            "<disk/>",
            "<target/>",
            "<source/>",
            "<interface/>",
            "<mac/>",
            "<uuid/>",
            "<boot/>",
            " type=''",
            " unit='x'",
            " cpuset='0-3,^2'",
            " dev='vda'",
            " bus='virtio'",
            "\u00e9",
            "\ud83d\ude00");

    private final SplittableRandom random;

    Mutator(SplittableRandom random) {
        this.random = random;
    }

    byte[] mutate(byte[] input, List<byte[]> pool) {
        byte[] out = input;
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            out = once(out, pool);
        }
        return out;
    }

    private byte[] once(byte[] in, List<byte[]> pool) {
        if (in.length == 0) {
            return token().getBytes(StandardCharsets.UTF_8);
        }
        return switch (random.nextInt(12)) {
            case 0 -> flip(in);
            case 1 -> delete(in);
            case 2 -> repeat(in);
            case 3 -> splice(in, pool.get(random.nextInt(pool.size())));
            case 4, 5 -> insert(in, token().getBytes(StandardCharsets.UTF_8));
            case 6 -> text(in, this::copyElement);
            case 7 -> text(in, this::dropElement);
            case 8, 9 -> text(in, this::changeValue);
            case 10 -> text(in, this::longValue);
            default -> text(in, this::mixedText);
        };
    }

    private String token() {
        return TOKENS.get(random.nextInt(TOKENS.size()));
    }

    private byte[] flip(byte[] in) {
        byte[] out = in.clone();
        out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
        return out;
    }

    private byte[] delete(byte[] in) {
        int at = random.nextInt(in.length);
        int n = Math.min(in.length - at, 1 + random.nextInt(16));
        byte[] out = new byte[in.length - n];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(in, at + n, out, at, in.length - at - n);
        return out;
    }

    private byte[] repeat(byte[] in) {
        int at = random.nextInt(in.length);
        int n = Math.min(in.length - at, 1 + random.nextInt(64));
        return insertAt(in, at, Arrays.copyOfRange(in, at, at + n));
    }

    private byte[] splice(byte[] a, byte[] b) {
        if (b.length == 0) {
            return a;
        }
        int cut = random.nextInt(a.length);
        int from = random.nextInt(b.length);
        byte[] out = Arrays.copyOf(a, cut + b.length - from);
        System.arraycopy(b, from, out, cut, b.length - from);
        return out;
    }

    private byte[] insert(byte[] in, byte[] what) {
        return insertAt(in, random.nextInt(in.length + 1), what);
    }

    private static byte[] insertAt(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    private interface TextMutation {
        String apply(String s);
    }

    private byte[] text(byte[] in, TextMutation m) {
        String s = new String(in, StandardCharsets.UTF_8);
        return m.apply(s).getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a random start tag, or -1. */
    private int startTag(String s) {
        for (int tries = 0; tries < 8; tries++) {
            int at = s.indexOf('<', random.nextInt(s.length()));
            if (at >= 0 && at + 1 < s.length() && Character.isLetter(s.charAt(at + 1))) {
                return at;
            }
        }
        return -1;
    }

    /** The end (exclusive) of the element starting at {@code at}: a self-closing tag or up to its end tag. */
    private static int elementEnd(String s, int at) {
        int gt = s.indexOf('>', at);
        if (gt < 0) {
            return -1;
        }
        if (s.charAt(gt - 1) == '/') {
            return gt + 1;
        }
        int nameEnd = at + 1;
        while (nameEnd < s.length()
                && !Character.isWhitespace(s.charAt(nameEnd))
                && s.charAt(nameEnd) != '>'
                && s.charAt(nameEnd) != '/') {
            nameEnd++;
        }
        String close = "</" + s.substring(at + 1, nameEnd) + ">";
        int end = s.indexOf(close, gt);
        return end < 0 ? -1 : end + close.length();
    }

    private String copyElement(String s) {
        int at = startTag(s);
        int end = at < 0 ? -1 : elementEnd(s, at);
        if (end < 0) {
            return s;
        }
        String element = s.substring(at, end);
        int to = startTag(s);
        return to < 0 ? s : s.substring(0, to) + element + s.substring(to);
    }

    private String dropElement(String s) {
        int at = startTag(s);
        int end = at < 0 ? -1 : elementEnd(s, at);
        return end < 0 ? s : s.substring(0, at) + s.substring(end);
    }

    /** Replaces a random attribute value or element text with a token. */
    private String changeValue(String s) {
        int at = s.indexOf(random.nextBoolean() ? '\'' : '>', random.nextInt(s.length()));
        if (at < 0) {
            return s;
        }
        char end = s.charAt(at) == '\'' ? '\'' : '<';
        int stop = s.indexOf(end, at + 1);
        if (stop < 0) {
            return s;
        }
        String value = token().replace("'", "").replace("<", "").replace("&", "&amp;");
        return s.substring(0, at + 1) + value + s.substring(stop);
    }

    /** A long number, list or name where a value stood: linear paths only. */
    private String longValue(String s) {
        int at = s.indexOf('>', random.nextInt(s.length()));
        if (at < 0) {
            return s;
        }
        int n = 100 + random.nextInt(20_000);
        String value = switch (random.nextInt(3)) {
            case 0 -> "9".repeat(n);
            case 1 -> "0,".repeat(n) + "1";
            default -> "a&amp;".repeat(n);
        };
        return s.substring(0, at + 1) + value + s.substring(at + 1);
    }

    /** Text beside child elements. */
    private String mixedText(String s) {
        int at = startTag(s);
        return at < 0 ? s : s.substring(0, at) + "word " + s.substring(at);
    }
}
