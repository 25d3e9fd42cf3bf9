/**
 * A minimal JSON writer for the machine-readable outputs (lint, coverage, host, diff).
 */
package org.virtxml.json;
