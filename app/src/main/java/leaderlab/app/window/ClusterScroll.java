package leaderlab.app.window;

import javafx.scene.control.ScrollPane;

/** The cluster view's scroll pane, below the quorum strip. */
final class ClusterScroll {

    private ClusterScroll() {}

    /**
     * The cluster view in a scroll pane that keeps one row of its cards on screen: zoomed in, the view
     * asks for the height its grown chips need, and scrolls where the window has less.
     */
    static ScrollPane around(ClusterCanvas clusterView) {
        ScrollPane scroll = new ScrollPane(clusterView);
        scroll.setId("cluster-scroll");
        scroll.getStyleClass().add("cluster-scroll");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setMinWidth(0);
        scroll.skinProperty().addListener((obs, was, skin) -> {
            javafx.scene.Node viewport = scroll.lookup(".viewport");
            if (viewport != null) {
                viewport.setCache(false);
            }
        });
        ViewHeight height = clusterView.viewHeight;
        height.onScreen(() -> scroll.getViewportBounds().getHeight(), scroll::getWidth);
        clusterView.needsLayoutProperty().addListener((obs, was, now) -> scroll.setMinHeight(height.leastOnScreen()));
        scroll.setMinHeight(height.leastOnScreen());
        return scroll;
    }
}
