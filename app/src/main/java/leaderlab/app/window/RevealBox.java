package leaderlab.app.window;

import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import leaderlab.lessons.Reveal;

/**
 * A step's answers, big, where the question was: right or wrong, the answer, and the lesson's one-line
 * why. It stays up on the step that asked until the presenter moves on.
 */
final class RevealBox extends VBox {

    private List<Reveal> shown = List.of();

    RevealBox() {
        setId("lesson-reveal");
        getStyleClass().add("lesson-reveal");
        setSpacing(4);
        setVisible(false);
        setManaged(false);
    }

    void show(List<Reveal> reveals) {
        shown = List.copyOf(reveals);
        getChildren().clear();
        for (Reveal reveal : reveals) {
            Label verdict = label(
                    reveal.verdict()
                            + (reveal.answered() && !reveal.correct() ? " (you said " + reveal.given() + ")" : ""),
                    "reveal-verdict");
            verdict.getStyleClass()
                    .add(!reveal.answered() ? "reveal-none" : reveal.correct() ? "reveal-right" : "reveal-wrong");
            getChildren()
                    .addAll(
                            label(reveal.prediction().question(), "reveal-question"),
                            verdict,
                            label("Answer: " + reveal.prediction().answer(), "reveal-answer"));
            if (reveal.prediction().why() != null) {
                getChildren().add(label("Why: " + reveal.prediction().why(), "reveal-why"));
            }
        }
        setVisible(!reveals.isEmpty());
        setManaged(!reveals.isEmpty());
    }

    void clear() {
        show(List.of());
    }

    List<Reveal> shown() {
        return shown;
    }

    private static Label label(String text, String styleClass) {
        Label label = new Label(text);
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return label;
    }
}
