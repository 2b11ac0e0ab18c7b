/**
 * The suite's own requirements (SRS-…) as executable features, run in the build by {@link
 * org.clinval.features.suite.SuiteRequirementsTest}: the evidence of the suite's own validation.
 */
package org.clinval.features.suite;
