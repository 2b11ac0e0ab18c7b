/** {@code clinval verify}: a study run's acceptance criteria (Gherkin) with Cucumber. */
package org.clinval.app.verify;
