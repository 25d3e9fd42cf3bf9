/**
 * Typed classes of libvirt's storage pool XML, generated from {@code schema/pool.xsd}; the root is {@code Pool}.
 */
package org.virtxml.model.pool;
