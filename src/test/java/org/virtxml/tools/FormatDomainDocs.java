package org.virtxml.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documentation (plain text; xjc escapes it into javadoc) the binding schemas carry into the generated javadoc: each getter names its
 * libvirt element or attribute, and a domain element gets the first sentence of its entry in
 * libvirt's formatdomain.rst when that entry is unambiguous. The sentences live in
 * {@code src/test/resources/formatdomain-first-sentences.tsv} (element name, sentence), extracted
 * by {@link #main} from the rst so the generator needs only the corpus.
 */
final class FormatDomainDocs {

    static final Path SENTENCES = Path.of("src/test/resources/formatdomain-first-sentences.tsv");

    /** A definition-list term at the start of a line ({@code ``name``}) and its indented body. */
    private static final Pattern TERM = Pattern.compile("^``([A-Za-z_][A-Za-z0-9_]*)``$");

    private final Map<String, String> sentences;

    private FormatDomainDocs(Map<String, String> sentences) {
        this.sentences = sentences;
    }

    /** The committed sentences; none when the file is absent. */
    static FormatDomainDocs load() throws IOException {
        Map<String, String> m = new LinkedHashMap<>();
        if (Files.isRegularFile(SENTENCES)) {
            for (String line : Files.readAllLines(SENTENCES, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0 && !line.startsWith("#")) {
                    m.put(line.substring(0, tab), line.substring(tab + 1));
                }
            }
        }
        return new FormatDomainDocs(m);
    }

    /** The xs:annotation body for an element declaration, as XML text (escaped). */
    String element(String local, String parent, boolean documented) {
        StringBuilder doc = new StringBuilder("libvirt's <").append(local).append("> element");
        if (parent != null) {
            doc.append(", under <").append(parent).append(">");
        }
        doc.append('.');
        String sentence = documented ? sentences.get(local) : null;
        if (sentence != null) {
            doc.append(" From libvirt's formatdomain documentation: ").append(sentence);
        }
        return documentation(doc.toString());
    }

    /** The xs:annotation body for an attribute declaration, as XML text (escaped). */
    String attribute(String name, String element) {
        return documentation("libvirt's " + name + " attribute of <" + element + ">.");
    }

    private static String documentation(String javadoc) {
        return "<xs:documentation>" + xml(javadoc) + "</xs:documentation>";
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** First sentences of formatdomain.rst's top-level terms, first entry per name, as javadoc text. */
    static Map<String, String> extract(List<String> rst) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < rst.size() - 1; i++) {
            Matcher m = TERM.matcher(rst.get(i));
            if (!m.matches() || out.containsKey(m.group(1)) || !rst.get(i + 1).startsWith("   ")) {
                continue;
            }
            StringBuilder body = new StringBuilder();
            for (int j = i + 1; j < rst.size() && rst.get(j).startsWith("   "); j++) {
                body.append(rst.get(j).trim()).append(' ');
            }
            String sentence = firstSentence(body.toString());
            if (!sentence.isEmpty()
                    && Character.isUpperCase(sentence.charAt(0))
                    && !sentence.contains(m.group(1) + " attribute")) {
                out.put(m.group(1), sentence);
            }
        }
        return out;
    }

    private static String firstSentence(String text) {
        String plain = text.replaceAll(":since:`[^`]*`", "")
                .replaceAll("\\*\\*([^*]+)\\*\\*", "$1")
                .replaceAll("`([^`<]+) <[^>]+>`_+", "$1")
                .replace("\\ ", "");
        int end = -1;
        for (int k = 0; k < plain.length() - 1; k++) {
            if (plain.charAt(k) == '.'
                    && plain.charAt(k + 1) == ' '
                    && !plain.startsWith("e.g", Math.max(0, k - 3))
                    && !plain.startsWith("i.e", Math.max(0, k - 3))) {
                end = k + 1;
                break;
            }
        }
        String s = (end < 0 ? plain : plain.substring(0, end)).trim().replaceAll("\\s+", " ");
        // Plain text: xjc escapes markup characters when it copies the text into javadoc.
        return s.replaceAll("``([^`]+)``", "$1").replace("`", "'").replace("*/", "* /");
    }

    /** Extracts the sentences: {@code FormatDomainDocs PATH/formatdomain.rst}. */
    public static void main(String[] args) throws IOException {
        Map<String, String> sentences = extract(Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8));
        StringBuilder sb =
                new StringBuilder("# First sentences of libvirt 11.3.0's formatdomain.rst entries, by element name"
                        + " (FormatDomainDocs).\n");
        sentences.forEach((k, v) -> sb.append(k).append('\t').append(v).append('\n'));
        Files.writeString(SENTENCES, sb.toString(), StandardCharsets.UTF_8);
    }
}
