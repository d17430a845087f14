package leaderlab.shell.command;

import java.util.List;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.client.ProduceResult;

/**
 * What commands act on: the cluster, plus what the shell remembers between commands (the last
 * produce, whether the user asked to quit).
 */
public final class Session {

    private final Cluster cluster;
    private List<ProduceResult> lastProduce = List.of();
    private boolean quit;

    public Session(Cluster cluster) {
        this.cluster = cluster;
    }

    public Cluster cluster() {
        return cluster;
    }

    public List<ProduceResult> lastProduce() {
        return lastProduce;
    }

    public void setLastProduce(List<ProduceResult> results) {
        this.lastProduce = List.copyOf(results);
    }

    public boolean quitRequested() {
        return quit;
    }

    public void requestQuit() {
        quit = true;
    }
}
