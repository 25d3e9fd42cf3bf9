/**
 * Lint report formats: text, JSON, SARIF, JUnit XML and GitHub workflow annotations.
 */
package org.virtxml.lint.report;
