package org.rtvsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.rtvsim.experiment.Replications;
import org.rtvsim.experiment.RunEngine;
import org.rtvsim.experiment.Wire;
import org.rtvsim.experiment.Work;
import org.rtvsim.measure.RunResult;

/**
 * {@code --engine spark}: one Spark task per work item (a point's replication). The driver encodes each item
 * ({@link Wire}: the bound scenario and the replication number, no files), the executor decodes it, runs the
 * core's {@code SingleRun} and sends the encoded {@link RunResult} back; {@code collect} keeps item order, so
 * the command reduces exactly the results the local engine would have produced. When a Spark context is
 * already running (spark-submit's driver) it is used and left running.
 */
public final class SparkEngine implements RunEngine {
    private JavaSparkContext context;
    private boolean owned;

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public void open(String master) {
        String m = SparkMaster.check(master);
        org.apache.spark.SparkContext running = org.apache.spark.SparkContext$.MODULE$.getActive().isDefined()
                ? org.apache.spark.SparkContext$.MODULE$.getActive().get() : null;
        if (running != null) {
            context = JavaSparkContext.fromSparkContext(running);
            return;
        }
        SparkConf conf = new SparkConf().setAppName("rtvsim").set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master != null || !conf.contains("spark.master")) {
            conf.setMaster(m);
        }
        context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        owned = true;
    }

    @Override
    public List<RunResult> run(List<Work> work, int threads, Replications.Tracker tracker) {
        List<byte[]> items = new ArrayList<>(work.size());
        work.forEach(w -> items.add(Wire.toBytes(w)));
        List<byte[]> encoded = context.parallelize(items, Math.max(1, items.size())).map(new RunItem()).collect();
        List<RunResult> out = new ArrayList<>(encoded.size());
        for (byte[] b : encoded) {
            RunResult r = Wire.fromBytes(b, RunResult.class);
            if (tracker != null) {
                tracker.finished(r);
            }
            out.add(r);
        }
        return out;
    }

    @Override
    public void close() {
        if (context != null && owned) {
            context.stop();
        }
        context = null;
    }

    /** The executor's side: an encoded {@link Work} in, its encoded {@link RunResult} out. */
    static final class RunItem implements Function<byte[], byte[]> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] call(byte[] item) {
            return Wire.toBytes(Wire.fromBytes(item, Work.class).run());
        }
    }
}
