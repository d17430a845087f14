package leaderlab.lessons;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Appends students' answers to a CSV file (by default {@code ~/.leaderlab/predictions.csv}) for peer
 * instruction or grading: time, lesson, step, question, answer, right answer, correct.
 */
public final class PredictionLog {

    private static final String HEADER = "time,lesson,step,question,answer,right_answer,correct";

    private final Path file;

    public PredictionLog(Path file) {
        this.file = file;
    }

    public static PredictionLog inHome() {
        return new PredictionLog(Path.of(System.getProperty("user.home"), ".leaderlab", "predictions.csv"));
    }

    public Path file() {
        return file;
    }

    /** Records one answer; a file that cannot be written must not stop a class, so that only returns false. */
    public boolean record(String lesson, Reveal reveal) {
        String row = String.join(
                ",",
                List.of(
                        Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                        csv(lesson),
                        Integer.toString(reveal.step()),
                        csv(reveal.prediction().question()),
                        csv(reveal.given()),
                        csv(reveal.prediction().answer()),
                        Boolean.toString(reveal.correct())));
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            boolean fresh = !Files.exists(file);
            Files.writeString(
                    file,
                    (fresh ? HEADER + "\n" : "") + row + "\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
