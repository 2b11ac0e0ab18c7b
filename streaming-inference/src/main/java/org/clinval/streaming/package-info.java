/**
 * The inference job: a locked case manifest streamed through DICOM loading, preprocessing and the
 * model, joined with the ground truth by case, into case results written exactly once, with every
 * input that cannot be used sent to quarantine with a reason, and running confusion counts per
 * site. Runs in-process on a Flink MiniCluster by default, or on a Flink cluster.
 */
package org.clinval.streaming;
