package leaderlab.app.window;

import java.util.List;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * A list cell whose text wraps at the list's width (long lines, causes and Kafka commands stay
 * readable) and whose style class says what kind of line it is.
 */
final class WrappingCell<T> extends ListCell<T> {

    private final Label label = new Label();
    private final Function<T, String> text;
    private final Function<T, String> styleClass;
    private final List<String> styleClasses;

    /**
     * @param styleClasses every class {@code styleClass} can return, removed when the cell is reused
     */
    WrappingCell(
            ListView<T> list, Function<T, String> text, Function<T, String> styleClass, List<String> styleClasses) {
        this.text = text;
        this.styleClass = styleClass;
        this.styleClasses = styleClasses;
        label.setWrapText(true);
        label.prefWidthProperty().bind(list.widthProperty().subtract(30));
        label.maxWidthProperty().bind(label.prefWidthProperty());
        label.getStyleClass().add("cell-text");
        setText(null);
        // Empty cells would otherwise be a few pixels high, and the list would make too many of them.
        setMinHeight(22);
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll(styleClasses);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        label.setText(text.apply(item));
        setGraphic(label);
        getStyleClass().add(styleClass.apply(item));
    }
}
