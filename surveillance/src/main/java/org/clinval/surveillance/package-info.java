/**
 * Post-market surveillance: a Flink job over a Kafka stream (or a folder of JSON lines) of
 * real-world cases. Predictions are joined with their delayed ground truth by case id; per stratum
 * (all, site, manufacturer, model version) the job computes windowed and cumulative performance
 * with the {@code validation} module's statistics, tests drift against the validated baseline, runs
 * CUSUM charts and writes alarms.
 */
package org.clinval.surveillance;
