package org.clinval.streaming.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the cluster's {@code conf/config.yaml} (Flink 2's configuration file) and the Log4j
 * configuration of its processes.
 */
final class ClusterConfig {

    static final String CONFIG = "config.yaml";
    static final String LOG4J = "log4j2.properties";

    private ClusterConfig() {}

    /** The settings every process of the cluster reads. */
    static Map<String, String> settings(ClusterSettings s, int rpcPort, int restPort) {
        Map<String, String> c = new LinkedHashMap<>();
        // Loopback only: the cluster runs jobs it is sent, so it must not listen on the network.
        c.put("jobmanager.rpc.address", "localhost");
        c.put("jobmanager.bind-host", "localhost");
        c.put("jobmanager.rpc.port", Integer.toString(rpcPort));
        c.put("rest.address", "localhost");
        c.put("rest.bind-address", "localhost");
        c.put("rest.port", Integer.toString(restPort));
        c.put("taskmanager.host", "localhost");
        c.put("taskmanager.bind-host", "localhost");
        c.put("taskmanager.numberOfTaskSlots", Integer.toString(s.slots()));
        c.put("taskmanager.memory.process.size", s.taskManagerMemory());
        c.put("jobmanager.memory.process.size", "768m");
        // The jobs keep little state (on the heap); Flink's default gives 40% to managed memory,
        // which only RocksDB and batch operators use, and leaves the models a small heap.
        c.put("taskmanager.memory.managed.fraction", "0.05");
        // One subtask per TaskManager where slots allow, so losing one loses part of the job.
        c.put("taskmanager.load-balance.mode", "SLOTS");
        // DJL loads libtorch once per process; from a job's own class loader the second job fails.
        c.put("classloader.parent-first-patterns.additional", "ai.djl.");
        // A killed TaskManager is noticed within seconds, not the default 50.
        c.put("heartbeat.interval", "1000");
        c.put("heartbeat.timeout", "5000");
        c.put("heartbeat.rpc-failure-threshold", "2");
        // The web UI shows jobs; nobody uploads a jar through it.
        c.put("web.submit.enable", "false");
        c.put("io.tmp.dirs", s.dir().resolve("tmp").toAbsolutePath().toString());
        return c;
    }

    static void write(Path conf, Map<String, String> settings) throws IOException {
        Files.createDirectories(conf);
        StringBuilder yaml = new StringBuilder("# Written by clinval cluster start.\n");
        settings.forEach((k, v) -> yaml.append(k).append(": ").append(quote(v)).append('\n'));
        Files.writeString(conf.resolve(CONFIG), yaml, StandardCharsets.UTF_8);
        Files.writeString(
                conf.resolve(LOG4J),
                String.join(
                        "\n",
                        "rootLogger.level = INFO",
                        "rootLogger.appenderRef.file.ref = MainAppender",
                        "appender.main.name = MainAppender",
                        "appender.main.type = File",
                        "appender.main.append = true",
                        "appender.main.fileName = ${sys:log.file}",
                        "appender.main.layout.type = PatternLayout",
                        "appender.main.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %c - %m%n",
                        "logger.pekko.name = org.apache.pekko",
                        "logger.pekko.level = WARN",
                        ""),
                StandardCharsets.UTF_8);
    }

    private static String quote(String v) {
        return v.matches("[A-Za-z0-9_./:;-]+") ? v : "'" + v.replace("'", "''") + "'";
    }
}
