package org.clinval.streaming.explain;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.CloseableIterator;

/**
 * The explanations job, run after inference over the drawn cases only:
 *
 * <pre>
 * drawn cases ─ rebalance ─ explain (model per subtask; writes the case's files) ─┬─ explained
 *                                                         └ failed (with reason) ─┘
 * </pre>
 *
 * Every drawn case comes back, explained or with its problem. Bounded and small (a few cases per
 * kind), so it runs without checkpoints and its results are collected to the client.
 */
public final class ExplanationJob {

    private final List<SelectedCase> cases;
    private final CaseExplainer explainer;

    public ExplanationJob(List<SelectedCase> cases, CaseExplainer explainer) {
        this.cases = List.copyOf(cases);
        this.explainer = explainer;
    }

    /** Adds the job's operators to {@code env}; returns every case's outcome. */
    public DataStream<ExplainedCase> build(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<ExplainedCase> explained =
                env.fromData(cases, TypeInformation.of(SelectedCase.class))
                        .name("drawn cases")
                        .rebalance()
                        .process(new ExplainCase(explainer))
                        .name("explain");
        return explained.union(explained.getSideOutput(ExplainCase.FAILED));
    }

    /**
     * Runs the job in-process ({@code cluster} null) or on a Flink cluster ({@code host:port}, with
     * {@code jars}) at {@code parallelism}; returns every case's outcome.
     */
    public List<ExplainedCase> run(int parallelism, String cluster, String... jars)
            throws Exception {
        if (cases.isEmpty()) return List.of();
        Configuration conf = new Configuration();
        // Records are POJOs; failing on a generic type keeps Kryo (and its reflection) out.
        conf.setString("pipeline.generic-types", "false");
        int p = Math.max(1, Math.min(parallelism, cases.size()));
        conf.setString("parallelism.default", Integer.toString(p));
        StreamExecutionEnvironment env;
        if (cluster == null) {
            conf.setString("rest.bind-port", "0");
            env = StreamExecutionEnvironment.createLocalEnvironment(p, conf);
        } else {
            String[] hostPort = cluster.split(":", 2);
            if (hostPort.length != 2) {
                throw new IllegalArgumentException("cluster address is not host:port: " + cluster);
            }
            env =
                    StreamExecutionEnvironment.createRemoteEnvironment(
                            hostPort[0], Integer.parseInt(hostPort[1]), conf, jars);
        }
        List<ExplainedCase> out = new ArrayList<>();
        try (CloseableIterator<ExplainedCase> it =
                build(env).executeAndCollect("clinval explanations")) {
            it.forEachRemaining(out::add);
        }
        return out;
    }
}
