/**
 * JAXB adapters for the value types that keep their exact text (integers, UUIDs, MACs, cpusets).
 */
package org.virtxml.model.bind;
