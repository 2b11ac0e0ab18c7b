/**
 * The study protocol: a YAML file the QA team writes and approves, checked against its published
 * JSON Schema and read into immutable records, with every problem reported at once, each naming its
 * line, column and YAML path, and no path reaching outside the study.
 */
package org.clinval.workflows.protocol;
