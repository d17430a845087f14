package leaderlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.commands.CoreCommands;

/** A simulated cluster with the full command language, for tests that type commands. */
final class ShellFixture implements AutoCloseable {

    final Dispatcher shell;

    ShellFixture(long seed) {
        Cluster cluster = Cluster.start(ClusterOptions.simulated(3, seed));
        shell = new Dispatcher(CoreCommands.registry(), new Session(cluster));
    }

    Cluster cluster() {
        return shell.session().cluster();
    }

    List<String> ok(String line) {
        Result result = shell.execute(line);
        assertEquals(Result.Status.OK, result.status(), () -> line + " -> " + result.lines());
        return result.lines();
    }

    String text(String line) {
        return String.join("\n", ok(line));
    }

    Result run(String line) {
        return shell.execute(line);
    }

    @Override
    public void close() {
        cluster().close();
    }
}
