/**
 * Authoring storage: pool definitions with the parts each pool type requires, and volume definitions.
 */
package org.virtxml.edit.storage;
