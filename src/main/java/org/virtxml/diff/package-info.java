/**
 * Semantic differences between two documents of one kind: values compared as libvirt reads them (sizes, integers, UUIDs, MACs), order only where it matters.
 */
package org.virtxml.diff;
