/** JMH benchmarks, each run side by side with its baseline; results in BENCHMARKS.md. */
package org.clinval.validation.benchmark;
