/** The embedded Camunda 7 engine the studies run on: database, job executor, the step beans. */
package org.clinval.workflows.engine;
