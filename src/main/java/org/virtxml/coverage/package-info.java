/**
 * Typed coverage: which element and attribute occurrences of documents the model types, and which it keeps as-is.
 */
package org.virtxml.coverage;
