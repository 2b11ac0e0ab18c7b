/**
 * The step library: acceptance criteria over a finished study run in clinical language. The glue is
 * thin: each step reads the run through {@link org.clinval.features.evidence}, records what it
 * measured in the scenario's output and fails with the measured value, its interval and what was
 * required. An undefined value fails its step with the reason.
 */
package org.clinval.features.steps;
