/**
 * Explanation maps of selected study cases: the draw of false negatives, false positives and true
 * positives from the case results, a small Flink job that computes, scores and writes each case's
 * map, and the run's {@code explanations.csv}.
 */
package org.clinval.streaming.explain;
