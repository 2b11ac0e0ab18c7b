/**
 * The study protocol: a YAML file the QA team writes and approves, read into immutable records with
 * every problem reported at once, each naming its YAML path.
 */
package org.clinval.workflows.protocol;
