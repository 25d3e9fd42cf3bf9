/**
 * The linter: {@code Linter} checks documents against the rule catalogue ({@code RuleCatalog}) and returns a {@code LintReport} of {@code Diagnostic}s with file, line and column.
 */
package org.virtxml.lint;
