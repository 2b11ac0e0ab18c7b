package org.clinval.streaming.cluster;

import java.nio.file.Path;

/**
 * What a local session cluster is made of.
 *
 * @param dir the cluster's folder: {@code conf/}, {@code log/}, {@code tmp/} and {@code
 *     cluster.json} (process ids and ports) are kept there
 * @param taskManagers TaskManager processes to start
 * @param slots task slots per TaskManager
 * @param restPort the JobManager's REST and web UI port; 0 takes a free port
 * @param taskManagerMemory each TaskManager's total process memory as Flink reads it ({@code
 *     2048m}); libtorch's native memory comes on top
 */
public record ClusterSettings(
        Path dir, int taskManagers, int slots, int restPort, String taskManagerMemory) {

    public ClusterSettings {
        if (taskManagers < 1) {
            throw new IllegalArgumentException("taskManagers is not at least 1: " + taskManagers);
        }
        if (slots < 1) throw new IllegalArgumentException("slots is not at least 1: " + slots);
        if (restPort < 0 || restPort > 65535) {
            throw new IllegalArgumentException("restPort is not a port: " + restPort);
        }
    }

    /** Two TaskManagers of one slot each, REST on a free port. */
    public static ClusterSettings of(Path dir) {
        return new ClusterSettings(dir, 2, 1, 0, "2048m");
    }

    public ClusterSettings withTaskManagers(int n) {
        return new ClusterSettings(dir, n, slots, restPort, taskManagerMemory);
    }

    public ClusterSettings withSlots(int n) {
        return new ClusterSettings(dir, taskManagers, n, restPort, taskManagerMemory);
    }

    public ClusterSettings withRestPort(int port) {
        return new ClusterSettings(dir, taskManagers, slots, port, taskManagerMemory);
    }
}
