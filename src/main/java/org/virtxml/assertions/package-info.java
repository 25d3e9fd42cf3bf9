/**
 * Test helpers: semantic equality of libvirt documents with a readable list of differences, and the lossless round-trip check.
 */
package org.virtxml.assertions;
