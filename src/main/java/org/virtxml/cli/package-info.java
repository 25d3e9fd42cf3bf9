/**
 * The {@code virtxml} command line (picocli): one class per verb. Not part of the library's API; only the {@code cli} jar carries picocli.
 */
package org.virtxml.cli;
