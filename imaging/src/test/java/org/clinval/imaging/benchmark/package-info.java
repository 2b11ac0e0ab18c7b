/** JMH benchmarks of model inference. */
package org.clinval.imaging.benchmark;
