package leaderlab.shell.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.metadata.Replicas;
import leaderlab.cluster.metadata.TopicInfo;
import leaderlab.cluster.view.ClusterSnapshot;
import leaderlab.cluster.view.PartitionView;
import leaderlab.shell.bundle.RunBundle;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;

/**
 * A run as a Markdown report: how the cluster was started, the commands with their cluster times, the
 * outcome per partition (leader, epoch, ISR, HW, offline), the safety checker's verdict and the
 * data-loss ledger. The last two are what {@code violations} and {@code lost} print, so the report
 * and the shell never disagree.
 */
public final class RunReport {

    private RunReport() {}

    public static String markdown(Session session) {
        ClusterOptions options = session.cluster().options();
        List<String> out = new ArrayList<>();
        out.add("# leaderlab run");
        out.add("");
        out.add(String.format(
                Locale.ROOT,
                "%d broker(s)%s, %s, %s timings; cluster time %.3fs.",
                options.brokers(),
                options.racks() > 0 ? " on " + options.racks() + " rack(s)" : "",
                options.simulated() ? "simulated with seed " + options.seed() : "live (real threads)",
                options.kafkaTimings() ? "Kafka's default" : "classroom",
                session.cluster().nowMs() / 1000.0));
        out.add("");
        out.add("## Commands");
        out.add("");
        out.add("| time | command |");
        out.add("|---:|---|");
        for (RunBundle.Entry entry : session.runLog().entries()) {
            out.add(String.format(
                    Locale.ROOT,
                    "| %.3fs | `%s` |",
                    entry.startMs() / 1000.0,
                    entry.line().replace("|", "\\|").replace("`", "'")));
        }
        out.add("");
        out.add("## Outcome");
        out.add("");
        out.add("| partition | leader | epoch | replicas | ISR | HW | state |");
        out.add("|---|---:|---:|---|---|---:|---|");
        ClusterSnapshot snapshot = session.cluster().snapshot();
        for (TopicInfo topic : snapshot.topics()) {
            for (PartitionView p : snapshot.partitions(topic)) {
                out.add(String.format(
                        Locale.ROOT,
                        "| %s | %s | %d | %s | %s | %d | %s |",
                        p.name(),
                        p.leader() < 0 ? "none" : Integer.toString(p.leader()),
                        p.leaderEpoch(),
                        Replicas.format(p.replicas()),
                        Replicas.format(p.isr()),
                        p.highWatermark(),
                        p.offline() ? "OFFLINE" : p.recovering() ? "recovering" : "online"));
            }
        }
        section(out, "Safety checker", session.run("violations"));
        section(out, "Data-loss ledger", session.run("lost"));
        return String.join("\n", out) + "\n";
    }

    private static void section(List<String> out, String title, Result result) {
        out.add("");
        out.add("## " + title);
        out.add("");
        out.add("```text");
        out.addAll(result.lines());
        out.add("```");
    }
}
