package org.virtxml.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.virtxml.lint.Rule;
import org.virtxml.lint.RuleCatalog;
import org.virtxml.lint.RuleCategory;

/**
 * docs/rules.md lists the linter's catalogue as it is: every id, its severity, section and scope.
 * On a difference the expected table is written to target/docs-rules.md, and with
 * {@code -Dvirtxml.updateDocs=true} into docs/rules.md.
 */
class RulesDocTest {

    private static final Path DOC = Path.of("docs", "rules.md");
    private static final String BEGIN = "<!-- catalogue:begin -->\n";
    private static final String END = "<!-- catalogue:end -->";

    @Test
    void docsListTheCatalogue() throws IOException {
        String text = Files.readString(DOC, StandardCharsets.UTF_8);
        int b = text.indexOf(BEGIN);
        int e = text.indexOf(END);
        assertThat(b).as("catalogue markers in " + DOC).isNotNegative();
        assertThat(e).isGreaterThan(b);
        String expected = table();
        String current = text.substring(b + BEGIN.length(), e);
        if (!current.equals(expected)) {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "docs-rules.md"), expected, StandardCharsets.UTF_8);
            if (Boolean.getBoolean("virtxml.updateDocs")) {
                Files.writeString(
                        DOC,
                        text.substring(0, b + BEGIN.length()) + expected + text.substring(e),
                        StandardCharsets.UTF_8);
            }
        }
        assertThat(current)
                .as("docs/rules.md catalogue (expected in target/docs-rules.md)")
                .isEqualTo(expected);
    }

    private static String table() {
        StringBuilder sb = new StringBuilder();
        for (RuleCategory category : RuleCategory.values()) {
            sb.append("\n### ")
                    .append(category.title())
                    .append("\n\n| id | severity | scope | what |\n|---|---|---|---|\n");
            for (Rule r : RuleCatalog.all()) {
                if (r.category() == category) {
                    sb.append("| `")
                            .append(r.id())
                            .append("` | ")
                            .append(r.severity().id())
                            .append(" | ")
                            .append(scope(r))
                            .append(" | ")
                            .append(r.description()
                                    .replace("|", "\\|")
                                    .replace("<", "&lt;")
                                    .replace(">", "&gt;"))
                            .append(" |\n");
                }
            }
        }
        return sb.append('\n').toString();
    }

    private static String scope(Rule r) {
        if (r.set() && r.needsHost()) {
            return "all documents, host";
        }
        return r.set() ? "all documents" : r.needsHost() ? "host" : "document";
    }
}
