package leaderlab.lessons;

import java.util.List;

/**
 * One step of a lesson: the narration written before a {@code ```leaderlab} block, and the block's lines.
 *
 * @param number    1-based
 * @param narration the prose above the block, Markdown as written (may be empty)
 * @param line      line number of the block's opening fence
 */
public record Step(int number, String narration, List<StepLine> lines, int line) {

    public Step {
        lines = List.copyOf(lines);
    }

    /** The questions this step asks, in order: what a window shows as prediction prompts. */
    public List<Prediction> predictions() {
        return lines.stream()
                .filter(l -> l.prediction() != null)
                .map(StepLine::prediction)
                .toList();
    }

    int checkCount() {
        int checks = 0;
        for (StepLine line : lines) {
            if (line.isCheck() || line.prediction() != null && line.prediction().check() != null) {
                checks++;
            }
        }
        return checks;
    }
}
