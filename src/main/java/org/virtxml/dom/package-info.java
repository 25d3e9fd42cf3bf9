/**
 * Equality, hashing and difference reports of DOM trees under the lossless rules (names by namespace, attribute values, trimmed text, same-named children in order); below the model and the reader.
 */
package org.virtxml.dom;
