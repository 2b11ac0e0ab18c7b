/** JMH benchmarks of the imaging module, each beside its baseline in the same run. */
package org.clinval.imaging.benchmark;
