package leaderlab.lessons;

import java.util.List;

/**
 * What playing one step produced: the transcript ({@code > command} lines and their output), the
 * failures ({@code FILE:LINE: message}) and the revealed predictions. A window shows it under the
 * step's narration; after Back it is recomputed by replay and is identical.
 */
public record StepRun(Step step, List<String> transcript, List<String> failures, List<Reveal> reveals) {

    public StepRun {
        transcript = List.copyOf(transcript);
        failures = List.copyOf(failures);
        reveals = List.copyOf(reveals);
    }

    public boolean passed() {
        return failures.isEmpty();
    }
}
