package leaderlab.app.window;

import javafx.scene.Node;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * Lesson narration as JavaFX text: commonmark parses the Markdown, and each block becomes a wrapping
 * TextFlow of styled Text runs (bold, italic, code), so a class sees emphasis, not asterisks. Sizes
 * come from CSS in em, so zoom and presenter mode scale them with the rest of the window.
 */
final class MarkdownView extends VBox {

    private static final Parser PARSER = Parser.builder().build();

    private String shown;

    MarkdownView() {
        getStyleClass().add("markdown");
        setSpacing(10);
    }

    /** Shows the Markdown; does nothing when it is what is shown already. */
    void show(String markdown) {
        String text = markdown == null ? "" : markdown;
        if (text.equals(shown)) {
            return;
        }
        shown = text;
        getChildren().clear();
        PARSER.parse(text).accept(new Blocks());
    }

    /** The plain text shown, for tests: what the class reads, without Markdown marks. */
    String plainText() {
        StringBuilder out = new StringBuilder();
        for (Node block : getChildren()) {
            if (block instanceof TextFlow flow) {
                flow.getChildren().forEach(n -> out.append(((Text) n).getText()));
                out.append('\n');
            }
        }
        return out.toString().strip();
    }

    /** Turns each block (paragraph, heading, list item, code block) into one TextFlow. */
    private final class Blocks extends AbstractVisitor {

        @Override
        public void visit(Paragraph paragraph) {
            block(paragraph, "md-paragraph", "");
        }

        @Override
        public void visit(Heading heading) {
            block(heading, "md-heading", "");
        }

        @Override
        public void visit(BulletList list) {
            visitChildren(list);
        }

        @Override
        public void visit(OrderedList list) {
            visitChildren(list);
        }

        @Override
        public void visit(ListItem item) {
            for (org.commonmark.node.Node child = item.getFirstChild(); child != null; child = child.getNext()) {
                block(child, "md-list-item", child == item.getFirstChild() ? "•  " : "   ");
            }
        }

        @Override
        public void visit(FencedCodeBlock code) {
            TextFlow flow = new TextFlow(run(code.getLiteral().stripTrailing(), "md-code"));
            flow.getStyleClass().add("md-code-block");
            getChildren().add(flow);
        }

        private void block(org.commonmark.node.Node node, String styleClass, String prefix) {
            TextFlow flow = new TextFlow();
            flow.getStyleClass().add(styleClass);
            if (!prefix.isEmpty()) {
                flow.getChildren().add(run(prefix, "md-text"));
            }
            node.accept(new Inlines(flow));
            getChildren().add(flow);
        }
    }

    /** Inline runs of one block; nested emphasis keeps every style class it is inside. */
    private static final class Inlines extends AbstractVisitor {

        private final TextFlow flow;
        private final java.util.Deque<String> styles = new java.util.ArrayDeque<>();

        Inlines(TextFlow flow) {
            this.flow = flow;
        }

        @Override
        public void visit(org.commonmark.node.Text text) {
            Text run = run(text.getLiteral(), "md-text");
            run.getStyleClass().addAll(styles);
            flow.getChildren().add(run);
        }

        @Override
        public void visit(Code code) {
            flow.getChildren().add(run(code.getLiteral(), "md-code"));
        }

        @Override
        public void visit(Emphasis emphasis) {
            styled(emphasis, "md-italic");
        }

        @Override
        public void visit(StrongEmphasis strong) {
            styled(strong, "md-bold");
        }

        /** A source line break inside a paragraph is a space: the text reflows to the panel's width. */
        @Override
        public void visit(SoftLineBreak lineBreak) {
            flow.getChildren().add(run(" ", "md-text"));
        }

        @Override
        public void visit(HardLineBreak lineBreak) {
            flow.getChildren().add(run("\n", "md-text"));
        }

        private void styled(org.commonmark.node.Node node, String style) {
            styles.push(style);
            visitChildren(node);
            styles.pop();
        }
    }

    private static Text run(String text, String styleClass) {
        Text run = new Text(text);
        run.getStyleClass().add(styleClass);
        return run;
    }
}
