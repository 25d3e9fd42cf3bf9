/**
 * The linter's Jakarta Bean Validation setup: programmatic constraints on the generated model classes, carrying rule ids.
 */
package org.virtxml.lint.validation;
