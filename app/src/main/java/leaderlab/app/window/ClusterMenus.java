package leaderlab.app.window;

import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextInputDialog;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.metadata.Replicas;

/**
 * The click actions on brokers and partitions. Each item is a shell command line, labelled with
 * that line, so what the class sees clicked is what they could type.
 */
final class ClusterMenus {

    private final Consumer<String> run;
    /** The menu on screen, or null: one at a time, whichever view opened it. */
    private ContextMenu open;

    /** @param run runs a command line (on the command thread) */
    ClusterMenus(Consumer<String> run) {
        this.run = run;
    }

    /** Shows {@code menu} at a point on the screen, closing the menu open before it. */
    void show(ContextMenu menu, Node anchor, double screenX, double screenY) {
        close();
        open = menu;
        menu.show(anchor, screenX, screenY);
    }

    /**
     * Closes the menu on screen: on a click elsewhere, and for a new cluster, whose view must not offer the
     * old one's partitions (a chip's menu stayed open over lesson 11's cluster, offering orders-0).
     */
    void close() {
        if (open != null) {
            open.hide();
            open = null;
        }
    }

    ContextMenu forBroker(int broker, BrokerStatus status) {
        ContextMenu menu = new ContextMenu();
        boolean up = status != BrokerStatus.STOPPED;
        menu.getItems()
                .addAll(
                        item("Kill broker " + broker, "kill " + broker, up),
                        item("Controlled shutdown of broker " + broker, "shutdown " + broker, up),
                        item("Restart broker " + broker, "restart " + broker, !up),
                        new SeparatorMenuItem(),
                        item(
                                "Isolate broker " + broker + " from clients only",
                                "isolate " + broker + " --from clients",
                                up),
                        item("Isolate broker " + broker + " from everything", "isolate " + broker, up),
                        item("Heal the network", "heal", true));
        menu.setId("broker-menu");
        return menu;
    }

    /** A controller of the quorum: the same faults as a broker's, by its node id (101, 102, ...). */
    ContextMenu forController(int controller, boolean running) {
        ContextMenu menu = new ContextMenu();
        menu.getItems()
                .addAll(
                        item("Kill controller " + controller, "kill " + controller, running),
                        item("Restart controller " + controller, "restart " + controller, !running),
                        item("Pause controller " + controller + " for 5 s", "stall " + controller + " 5s", running),
                        new SeparatorMenuItem(),
                        item("Isolate controller " + controller + " from everything", "isolate " + controller, running),
                        item("Heal the network", "heal", true));
        menu.setId("controller-menu");
        return menu;
    }

    ContextMenu forPartition(PartitionRegistration partition, Runnable showDetail) {
        ContextMenu menu = new ContextMenu();
        String name = partition.name();
        MenuItem detail = new MenuItem("Show " + name + " logs below");
        detail.setOnAction(e -> showDetail.run());
        MenuItem reassign = new MenuItem("Reassign " + name + "...");
        reassign.setOnAction(e -> askReassignment(partition));
        menu.getItems()
                .addAll(
                        detail,
                        new SeparatorMenuItem(),
                        item(
                                "Preferred leader election for " + name,
                                "elect preferred " + name,
                                !partition.hasPreferredLeader()),
                        item("Unclean leader election for " + name, "elect unclean " + name, !partition.hasLeader()),
                        reassign);
        menu.setId("partition-menu");
        return menu;
    }

    private MenuItem item(String text, String line, boolean enabled) {
        MenuItem item = new MenuItem(text + "      [" + line + "]");
        item.setDisable(!enabled);
        item.setOnAction(e -> run.accept(line));
        return item;
    }

    private void askReassignment(PartitionRegistration partition) {
        int[] replicas = partition.replicas();
        int[] rotated = new int[replicas.length];
        for (int i = 0; i < replicas.length; i++) {
            rotated[i] = replicas[(i + 1) % replicas.length];
        }
        TextInputDialog dialog = new TextInputDialog(Replicas.bracketed(rotated).replaceAll("[\\[\\] ]", ""));
        dialog.setTitle("Reassign " + partition.name());
        dialog.setHeaderText("New replicas for " + partition.name() + ", preferred leader first (now "
                + Replicas.bracketed(replicas) + ")");
        dialog.setContentText("replicas:");
        dialog.showAndWait()
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .ifPresent(list -> run.accept("reassign " + partition.name() + " --replicas " + list));
    }
}
