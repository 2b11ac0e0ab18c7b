package org.clinval.streaming.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessSpec;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessSpec;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;
import org.apache.flink.runtime.util.config.memory.ProcessMemoryUtils;

/**
 * One process of the cluster: this program's Java and class path, the entrypoint's main class, its
 * log in {@code log/NAME.log} and its standard output in {@code log/NAME.out}.
 */
final class ClusterProcess {

    private ClusterProcess() {}

    static Process start(
            Path dir, String name, String mainClass, List<String> jvm, List<String> args)
            throws IOException {
        Path conf = dir.resolve("conf");
        Path log = dir.resolve("log");
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvm);
        // ONNX Runtime's session set-up overflows the default 1 MB thread stack (as in
        // bin/clinval).
        cmd.add("-Xss16m");
        cmd.add("-Dai.djl.offline=true");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-Dlog.file=" + log.resolve(name + ".log"));
        cmd.add("-Dlog4j.configurationFile=" + conf.resolve(ClusterConfig.LOG4J).toUri());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass);
        cmd.add("--configDir");
        cmd.add(conf.toString());
        cmd.addAll(args);
        ProcessBuilder b =
                new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        b.redirectOutput(ProcessBuilder.Redirect.appendTo(log.resolve(name + ".out").toFile()));
        b.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        return b.start();
    }

    /** The JobManager's heap, direct and metaspace limits, as Flink's own scripts derive them. */
    static List<String> jobManagerJvm(Path conf) {
        Configuration c = GlobalConfiguration.loadConfiguration(conf.toString());
        JobManagerProcessSpec spec = JobManagerProcessUtils.processSpecFromConfig(c);
        return Arrays.asList(
                JobManagerProcessUtils.generateJvmParametersStr(spec, c).trim().split("\\s+"));
    }

    /** The heap, direct and metaspace limits Flink's own scripts derive from the configuration. */
    static List<String> taskManagerJvm(Path conf) {
        return Arrays.asList(
                ProcessMemoryUtils.generateJvmParametersStr(spec(conf)).trim().split("\\s+"));
    }

    /** The memory settings a TaskManager must be given (Flink's scripts pass them as -D). */
    static List<String> taskManagerDynamicProperties(Path conf, String resourceId) {
        List<String> d =
                new ArrayList<>(
                        Arrays.asList(
                                TaskExecutorProcessUtils.generateDynamicConfigsStr(spec(conf))
                                        .trim()
                                        .split("\\s+")));
        d.add("-D");
        d.add("taskmanager.resource-id=" + resourceId);
        return d;
    }

    private static TaskExecutorProcessSpec spec(Path conf) {
        Configuration c = GlobalConfiguration.loadConfiguration(conf.toString());
        return TaskExecutorProcessUtils.processSpecFromConfig(c);
    }
}
