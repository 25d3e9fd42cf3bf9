/**
 * Reading and writing documents: {@code LibvirtXml} reads any kind safely (no DOCTYPE, size and depth limits) into the typed model; {@code LibvirtDocument} writes it back without loss.
 */
package org.virtxml.io;
