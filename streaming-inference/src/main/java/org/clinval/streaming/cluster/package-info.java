/**
 * A standalone Flink session cluster on this machine, started from {@code flink-runtime}'s own
 * entrypoints as separate processes: one JobManager and any number of TaskManagers, each with
 * clinval's class path as its parent class path (DJL must load there once per process).
 */
package org.clinval.streaming.cluster;
