package leaderlab.app.window;

import java.util.Map;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/**
 * Kafka's health numbers in large type: offline, under-min-ISR and under-replicated partitions,
 * produce acks and errors per second, and a bar per broker of how many partitions it leads.
 */
public final class MetricsPanel extends VBox {

    private final Label offline = metric("metric-offline");
    private final Label underMinIsr = metric("metric-under-min-isr");
    private final Label underReplicated = metric("metric-under-replicated");
    private final Label produce = metric("metric-produce");
    private final Canvas balance = new Canvas(260, 120);

    public MetricsPanel() {
        getStyleClass().add("metrics");
        Label title = new Label("Leaders per broker");
        title.getStyleClass().add("metric-title");
        getChildren().addAll(offline, underMinIsr, underReplicated, produce, title, balance);
        setSpacing(2);
    }

    private static Label metric(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("metric");
        return label;
    }

    /** @param retriedPerSecond attempts the producers retry; {@code failedPerSecond} produces that failed */
    public void show(
            ClusterMetrics metrics,
            int ackedPerSecond,
            int retriedPerSecond,
            int failedPerSecond,
            Palette palette,
            double zoom) {
        offline.setText(metrics.offline() + " offline partitions");
        offline.pseudoClassStateChanged(BAD, metrics.offline() > 0);
        underMinIsr.setText(metrics.underMinIsr() + " under min ISR");
        underMinIsr.pseudoClassStateChanged(BAD, metrics.underMinIsr() > 0);
        underReplicated.setText(metrics.underReplicated() + " under-replicated");
        underReplicated.pseudoClassStateChanged(BAD, metrics.underReplicated() > 0);
        produce.setText("produce " + ackedPerSecond + " acks/s, " + retriedPerSecond + " retries/s, " + failedPerSecond
                + " errors/s");
        produce.pseudoClassStateChanged(BAD, failedPerSecond > 0 || retriedPerSecond > 0);
        drawBalance(metrics.leadersPerBroker(), palette, zoom);
    }

    private static final javafx.css.PseudoClass BAD = javafx.css.PseudoClass.getPseudoClass("bad");

    private void drawBalance(Map<Integer, Integer> leaders, Palette palette, double zoom) {
        double rowH = Math.min(22 * zoom, 260.0 / Math.max(1, leaders.size()));
        balance.setWidth(260 * zoom);
        balance.setHeight(rowH * leaders.size() + 4);
        GraphicsContext g = balance.getGraphicsContext2D();
        g.setFill(palette.background());
        g.fillRect(0, 0, balance.getWidth(), balance.getHeight());
        int max = Math.max(
                1, leaders.values().stream().mapToInt(Integer::intValue).max().orElse(1));
        double labelW = 34 * zoom;
        double barW = balance.getWidth() - labelW - 50 * zoom;
        double y = 2;
        g.setFont(Font.font("System", FontWeight.BOLD, Math.min(14 * zoom, rowH * 0.8)));
        g.setTextBaseline(VPos.CENTER);
        for (Map.Entry<Integer, Integer> entry : leaders.entrySet()) {
            g.setTextAlign(TextAlignment.LEFT);
            g.setFill(palette.text());
            g.fillText("B" + entry.getKey(), 0, y + rowH / 2);
            g.setFill(palette.leader());
            g.fillRect(labelW, y + 2, barW * entry.getValue() / max, rowH - 4);
            g.setFill(palette.text());
            g.fillText(String.valueOf(entry.getValue()), labelW + barW * entry.getValue() / max + 4, y + rowH / 2);
            y += rowH;
        }
    }
}
