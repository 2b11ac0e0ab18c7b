/**
 * Reading the YAML files of risk management (plan, requirements, risk register), each checked
 * against its published JSON Schema: every problem of all three files is collected in one pass and
 * reported together, each with its file, line and YAML path.
 */
package org.clinval.risk.io;
