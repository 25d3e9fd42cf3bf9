/**
 * Class-level lint rules, one {@code RuleCheck} each: a rule id, the model class it sits on, and its logic.
 */
package org.virtxml.lint.checks;
