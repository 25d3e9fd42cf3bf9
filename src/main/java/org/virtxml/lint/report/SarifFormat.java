package org.virtxml.lint.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.virtxml.json.Json;
import org.virtxml.lint.Diagnostic;
import org.virtxml.lint.FileReport;
import org.virtxml.lint.LintReport;
import org.virtxml.lint.Rule;
import org.virtxml.lint.RuleCatalog;
import org.virtxml.lint.Severity;

/**
 * SARIF 2.1.0: one run of the {@code virtxml} driver, one reporting descriptor per rule id used
 * (sorted by id), one result per finding with its physical location (file URI, start line and
 * column) and, when known, the XPath as a logical location. Levels: error, warning, note.
 */
public final class SarifFormat implements ReportFormat {

    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    @Override
    public String name() {
        return "sarif";
    }

    @Override
    public void write(LintReport report, Severity failOn, Appendable out) throws IOException {
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (String id : new TreeSet<>(
                report.diagnostics().stream().map(Diagnostic::rule).toList())) {
            ruleIndex.put(id, ruleIndex.size());
        }
        Json json = Json.to(out);
        json.beginObject()
                .member("$schema", SCHEMA)
                .member("version", "2.1.0")
                .name("runs")
                .beginArray()
                .beginObject();
        json.name("tool")
                .beginObject()
                .name("driver")
                .beginObject()
                .member("name", "virtxml")
                .name("rules")
                .beginArray();
        for (String id : ruleIndex.keySet()) {
            descriptor(json, id);
        }
        json.endArray().endObject().endObject();
        json.name("results").beginArray();
        for (FileReport file : report.files()) {
            for (Diagnostic d : file.diagnostics()) {
                result(json, file.path(), d, ruleIndex.get(d.rule()));
            }
        }
        json.endArray();
        json.endObject().endArray().endObject();
        out.append('\n');
    }

    private static void descriptor(Json json, String id) {
        json.beginObject().member("id", id);
        RuleCatalog.find(id)
                .ifPresent((Rule rule) -> json.name("shortDescription")
                        .beginObject()
                        .member("text", rule.description())
                        .endObject()
                        .name("defaultConfiguration")
                        .beginObject()
                        .member("level", level(rule.severity()))
                        .endObject()
                        .name("properties")
                        .beginObject()
                        .member("category", rule.category().title())
                        .endObject());
        json.endObject();
    }

    private static void result(Json json, String path, Diagnostic d, int ruleIndex) {
        json.beginObject()
                .member("ruleId", d.rule())
                .member("ruleIndex", ruleIndex)
                .member("level", level(d.severity()))
                .name("message")
                .beginObject()
                .member("text", d.message())
                .endObject()
                .name("locations")
                .beginArray()
                .beginObject()
                .name("physicalLocation")
                .beginObject()
                .name("artifactLocation")
                .beginObject()
                .member("uri", uri(path))
                .endObject();
        if (d.hasPosition()) {
            json.name("region").beginObject().member("startLine", d.line());
            if (d.column() > 0) {
                json.member("startColumn", d.column());
            }
            json.endObject();
        }
        json.endObject();
        if (d.xpath() != null) {
            json.name("logicalLocations")
                    .beginArray()
                    .beginObject()
                    .member("fullyQualifiedName", d.xpath())
                    .member("kind", d.xpath().contains("/@") ? "attribute" : "element")
                    .endObject()
                    .endArray();
        }
        json.endObject().endArray().endObject();
    }

    /** SARIF level of a severity: error, warning, note. */
    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /**
     * The path as a URI reference: separators become {@code /}, bytes outside the unreserved set
     * are percent-encoded, and a Windows drive path becomes a {@code file:///} URI.
     */
    static String uri(String path) {
        String p = path.replace('\\', '/');
        String prefix = "";
        if (p.matches("[A-Za-z]:/.*")) {
            prefix = "file:///" + p.substring(0, 2);
            p = p.substring(2);
        }
        StringBuilder sb = new StringBuilder(prefix);
        for (byte b : p.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '/') {
                sb.append((char) c);
            } else {
                sb.append('%')
                        .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return sb.toString();
    }
}
