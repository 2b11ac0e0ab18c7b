/** JMH benchmarks of the inference job, each beside its baseline in the same run. */
package org.clinval.streaming.benchmark;
