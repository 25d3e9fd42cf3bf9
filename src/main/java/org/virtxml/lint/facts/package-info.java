/**
 * Facts of one guest that rules across documents need (name, UUID, MACs, vCPUs, memory, cpusets), with where each stood.
 */
package org.virtxml.lint.facts;
