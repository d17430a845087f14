package leaderlab.app.window;

import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import leaderlab.cluster.metadata.PartitionRegistration;
import leaderlab.cluster.view.ClusterSnapshot;

/**
 * What the mouse does on the cluster view: the partition under it is the hovered one (highlighted on
 * every broker); a click on a chip shows that partition and opens its menu, a right click on a broker's
 * card opens the broker's menu.
 */
final class CanvasPointer {

    private final ClusterCanvas canvas;
    private final ClusterMenus menus;
    private final Supplier<ClusterSnapshot> shown;
    private final Consumer<String> showPartition;
    private int hovered = -1;

    /**
     * @param shown         the snapshot on screen (a past one while scrubbing)
     * @param showPartition shows a partition by name in the detail view
     */
    CanvasPointer(
            ClusterCanvas canvas, ClusterMenus menus, Supplier<ClusterSnapshot> shown, Consumer<String> showPartition) {
        this.canvas = canvas;
        this.menus = menus;
        this.shown = shown;
        this.showPartition = showPartition;
        canvas.setOnMouseMoved(e -> hovered = canvas.partitionAt(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> hovered = -1);
        canvas.setOnMouseClicked(this::clicked);
    }

    /** The global id of the partition under the mouse, or -1. */
    int hovered() {
        return hovered;
    }

    private void clicked(MouseEvent e) {
        menus.close();
        ClusterSnapshot snapshot = shown.get();
        int partitionId = canvas.partitionAt(e.getX(), e.getY());
        int broker = canvas.brokerAt(e.getX(), e.getY());
        if (snapshot == null || (partitionId < 0 && broker < 0) || e.getButton() == MouseButton.MIDDLE) {
            return;
        }
        ContextMenu menu;
        if (partitionId >= 0) {
            PartitionRegistration partition = snapshot.metadata().partitions().get(partitionId);
            showPartition.accept(partition.name());
            menu = menus.forPartition(partition, () -> showPartition.accept(partition.name()));
        } else if (e.getButton() == MouseButton.SECONDARY) {
            menu = menus.forBroker(broker, BrokerStatus.of(snapshot.broker(broker), NetworkCuts.of(snapshot)));
        } else {
            return;
        }
        menus.show(menu, canvas, e.getScreenX(), e.getScreenY());
    }
}
