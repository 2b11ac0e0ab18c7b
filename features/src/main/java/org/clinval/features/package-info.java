/**
 * Acceptance criteria as executable Gherkin: {@link org.clinval.features.AcceptanceRun} runs
 * feature files over a finished study run with the step library of {@code
 * org.clinval.features.steps} and reports each scenario's outcome.
 */
package org.clinval.features;
