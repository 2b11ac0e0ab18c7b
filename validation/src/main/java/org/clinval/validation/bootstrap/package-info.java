/**
 * Bootstrap machinery shared by the statistics: seeded replicate streams, percentile and BCa
 * intervals.
 */
package org.clinval.validation.bootstrap;
