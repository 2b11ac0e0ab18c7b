/** The job's operators: small function classes, each tested on its own with a harness. */
package org.clinval.streaming.function;
