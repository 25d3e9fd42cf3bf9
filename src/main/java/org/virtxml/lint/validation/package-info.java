/**
 * The rules of the catalogue by model class: the class-level checks and the declarative field
 * constraints, dispatched directly for the linter ({@link org.virtxml.lint.validation.RuleDispatch}),
 * and the same tables as a Jakarta Bean Validation setup for library users
 * ({@link org.virtxml.lint.validation.LintConstraints}).
 */
package org.virtxml.lint.validation;
