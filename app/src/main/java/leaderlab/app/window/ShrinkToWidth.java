package leaderlab.app.window;

import java.util.function.DoubleSupplier;
import javafx.scene.layout.Region;
import javafx.scene.transform.Scale;

/**
 * Shows its content whole in its width: where the content needs more width than it has, it lays the content
 * out wider and draws it smaller, by the same factor both ways, down to a least factor. A transform, not a
 * smaller type: changing the content's CSS while it is laid out left it unstyled for good in one run, and
 * widths measured mid-restyle mixed two type sizes.
 */
final class ShrinkToWidth extends Region {

    private final Region content;
    private final DoubleSupplier neededWidth;
    private final DoubleSupplier leastFactor;
    private final Scale scale = new Scale(1, 1, 0, 0);

    /**
     * @param neededWidth the width the content needs to show whole, in its own pixels
     * @param leastFactor the smallest factor it may be drawn at (at most 1)
     */
    ShrinkToWidth(Region content, DoubleSupplier neededWidth, DoubleSupplier leastFactor) {
        this.content = content;
        this.neededWidth = neededWidth;
        this.leastFactor = leastFactor;
        content.getTransforms().add(scale);
        getChildren().add(content);
        // Never holds its parent open: it shrinks its content instead.
        setMinWidth(0);
    }

    /** The factor the content is drawn at now: 1, or less where it is laid out wider than this pane. */
    double factor() {
        return scale.getX();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        double needed = neededWidth.getAsDouble();
        double factor = needed <= width ? 1 : Math.max(Math.min(1, leastFactor.getAsDouble()), width / needed);
        scale.setX(factor);
        scale.setY(factor);
        content.resizeRelocate(snappedLeftInset(), snappedTopInset(), width / factor, height / factor);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(-1) + snappedLeftInset() + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(-1) + snappedTopInset() + snappedBottomInset();
    }
}
