package leaderlab.app.window;

import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;

/**
 * The window's keyboard: zoom, presenter mode, a lesson's remote keys and choice letters, time
 * controls, theme and flow. Keys reach the window first (an event filter), so a key the command bar
 * is typing is left to it; a click outside the command console and any text field takes the keyboard
 * back from the bar.
 */
final class WindowKeys {

    private final LeaderlabWindow window;
    /** The swallowed '/' of the key that focused the command bar (its KEY_TYPED follows the press). */
    private boolean swallowSlash;

    WindowKeys(LeaderlabWindow window) {
        this.window = window;
    }

    void attachTo(Scene scene) {
        scene.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        scene.addEventFilter(KeyEvent.KEY_TYPED, e -> {
            if (swallowSlash) {
                swallowSlash = false;
                e.consume();
            }
        });
        // A press on the view, the partition logs or the narration gives the keyboard back to the window, as
        // Esc does: panes take no focus themselves, so after `present N` typed in the bar a click there left
        // the bar typing the lesson's a, b, c and space. A button or the scrubber takes the focus after this.
        scene.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (window.typing() && !keepsTyping(e.getPickResult().getIntersectedNode())) {
                window.focusRoot();
            }
        });
    }

    /** Whether a press on {@code node} leaves the keyboard where it is: in a text field, or the command console. */
    private boolean keepsTyping(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (n instanceof javafx.scene.control.TextInputControl || n == window.console()) {
                return true;
            }
        }
        return false;
    }

    private void onKey(KeyEvent e) {
        boolean typing = window.typing();
        if (e.isShortcutDown()
                && (e.getCode() == KeyCode.EQUALS || e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD)) {
            window.appearance().zoomBy(1.15);
        } else if (e.isShortcutDown() && (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT)) {
            window.appearance().zoomBy(1 / 1.15);
        } else if (e.isShortcutDown() && e.getCode() == KeyCode.DIGIT0) {
            window.appearance().zoomBy(1 / window.zoom());
        } else if (e.getCode() == KeyCode.ESCAPE) {
            if (window.presenter() && !typing) {
                window.setPresenter(false);
            }
            window.focusRoot();
        } else if (window.lessonPanel().active()
                && (e.getCode() == KeyCode.PAGE_DOWN || e.getCode() == KeyCode.PAGE_UP)) {
            // A presenter remote's next and previous work even while the command bar has the keyboard (as it
            // does after `present N` typed there): a one-line field has no use for them.
            if (e.getCode() == KeyCode.PAGE_DOWN) {
                window.lessonPanel().next();
            } else {
                window.lessonPanel().back();
            }
        } else if (typing) {
            return;
        } else if (window.lessonPanel().active()
                && e.getCode().isLetterKey()
                && e.getText().length() == 1
                && window.lessonPanel().choose(Character.toLowerCase(e.getText().charAt(0)) - 'a')) {
            // A question is open: a, b, c... pick its choices (before any other use of those letters).
        } else if (window.lessonPanel().active()
                && (e.getCode() == KeyCode.SPACE || e.getCode() == KeyCode.PERIOD || e.getCode() == KeyCode.ENTER)) {
            // Presenter keys: a remote's "next" sends PageDown (above), space or '.'.
            window.lessonPanel().next();
        } else if (window.lessonPanel().active() && e.getCode() == KeyCode.END) {
            window.lessonPanel().end();
        } else if (e.getCode() == KeyCode.P || e.getCode() == KeyCode.F5) {
            window.setPresenter(!window.presenter());
        } else if (e.getCode() == KeyCode.SPACE) {
            window.playClock().toggle();
        } else if (e.getCode() == KeyCode.RIGHT) {
            window.playClock().step();
        } else if (e.getCode() == KeyCode.LEFT) {
            window.stepBack();
        } else if (e.getCode() == KeyCode.L || e.getCode() == KeyCode.HOME) {
            // Back to live by key too: presenter mode has no Live button.
            window.goLive();
        } else if (e.getCode() == KeyCode.SLASH || e.getCode() == KeyCode.COLON) {
            swallowSlash = true;
            window.focusCommandBar();
        } else if (e.getCode() == KeyCode.T) {
            window.appearance().toggleTheme();
        } else if (e.getCode() == KeyCode.F) {
            window.setFlow(!window.flowOn());
        } else {
            return;
        }
        e.consume();
    }
}
