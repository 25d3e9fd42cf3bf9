/**
 * The typed libvirt document model. Generated structural classes live in the sub-packages
 * ({@code domain}, {@code pool}, {@code volume}, {@code capabilities}); this package holds the
 * hand-written base classes and value types they are built on.
 */
@XmlSchema(namespace = "", elementFormDefault = XmlNsForm.UNQUALIFIED)
package org.virtxml.model;

import jakarta.xml.bind.annotation.XmlNsForm;
import jakarta.xml.bind.annotation.XmlSchema;
