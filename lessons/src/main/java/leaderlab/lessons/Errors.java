package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;

/** Collects {@code SOURCE:LINE: message} problems while a lesson is parsed, so one pass reports them all. */
final class Errors {

    private final String source;
    private final List<String> messages = new ArrayList<>();

    Errors(String source) {
        this.source = source;
    }

    void add(int line, String message) {
        messages.add(source + ":" + line + ": " + message);
    }

    int count() {
        return messages.size();
    }

    boolean any() {
        return !messages.isEmpty();
    }

    LessonFormatException exception() {
        return new LessonFormatException(messages);
    }
}
