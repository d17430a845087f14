package leaderlab.shell;

import java.util.regex.Pattern;
import leaderlab.shell.command.CommandRegistry;
import org.jline.reader.Highlighter;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/** Colours the line as it is typed: known commands green, unknown red, options cyan, comments grey. */
final class ShellHighlighter implements Highlighter {

    private final CommandRegistry registry;

    ShellHighlighter(CommandRegistry registry) {
        this.registry = registry;
    }

    @Override
    public AttributedString highlight(LineReader reader, String buffer) {
        AttributedStringBuilder out = new AttributedStringBuilder();
        int comment = buffer.indexOf('#');
        String code = comment >= 0 ? buffer.substring(0, comment) : buffer;
        int i = 0;
        boolean first = true;
        while (i < code.length()) {
            if (Character.isWhitespace(code.charAt(i))) {
                out.append(code.charAt(i++));
                continue;
            }
            int end = i;
            while (end < code.length() && !Character.isWhitespace(code.charAt(end))) {
                end++;
            }
            String word = code.substring(i, end);
            AttributedStyle style = AttributedStyle.DEFAULT;
            if (first) {
                style = registry.find(word) != null
                        ? AttributedStyle.BOLD.foreground(AttributedStyle.GREEN)
                        : AttributedStyle.DEFAULT.foreground(AttributedStyle.RED);
                first = false;
            } else if (word.startsWith("--")) {
                style = AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN);
            }
            out.styled(style, word);
            i = end;
        }
        if (comment >= 0) {
            out.styled(AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT), buffer.substring(comment));
        }
        return out.toAttributedString();
    }

    @Override
    public void setErrorPattern(Pattern errorPattern) {
        // Errors are reported after the line runs, not while typing.
    }

    @Override
    public void setErrorIndex(int errorIndex) {
        // Errors are reported after the line runs, not while typing.
    }
}
