package leaderlab.kafka.compare;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import leaderlab.shell.command.Tokenizer;

/**
 * One command line of a script or lesson, without its comment.
 *
 * @param number the line number in its file
 */
public record ScriptLine(int number, String text) {

    public List<String> words() {
        return Tokenizer.split(text);
    }

    /** The non-blank lines of a script, comments stripped. */
    public static List<ScriptLine> read(BufferedReader reader) throws IOException {
        List<ScriptLine> lines = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = Tokenizer.stripComment(line).strip();
            if (!text.isEmpty()) {
                lines.add(new ScriptLine(number, text));
            }
        }
        return lines;
    }
}
