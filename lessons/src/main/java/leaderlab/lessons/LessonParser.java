package leaderlab.lessons;

import java.util.ArrayList;
import java.util.List;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;

/**
 * Reads a lesson's Markdown: front matter between {@code ---} lines, then prose (narration) and fenced
 * {@code ```leaderlab} blocks (steps). Strict on purpose: every problem is a {@code FILE:LINE} error and a
 * lesson with any error is not returned at all, so a broken lesson never half-plays in front of a class.
 */
public final class LessonParser {

    private static final String FENCE = "```";

    private final CommandRegistry registry;

    public LessonParser(CommandRegistry registry) {
        this.registry = registry;
    }

    /**
     * @param name   the name the lesson is played by
     * @param source what error messages call the file
     */
    public Lesson parse(String name, String source, String text) throws LessonFormatException {
        Errors errors = new Errors(source);
        String[] lines = text.split("\r?\n", -1);
        FrontMatter front = new FrontMatter(errors);
        int body = readFrontMatter(lines, front, errors);
        List<Step> steps = new ArrayList<>();
        String epilogue = readBody(lines, body, steps, errors);
        if (!errors.any() && steps.isEmpty()) {
            errors.add(lines.length, "a lesson needs at least one ```leaderlab block (a step)");
        }
        if (errors.any()) {
            throw errors.exception();
        }
        return new Lesson(
                name,
                source,
                front.title,
                front.brokers,
                front.controllers,
                front.racks,
                front.seed,
                front.configs,
                steps,
                epilogue);
    }

    /** @return the index of the first body line */
    private static int readFrontMatter(String[] lines, FrontMatter front, Errors errors) {
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            errors.add(1, "a lesson starts with front matter: a '---' line, 'title: ...', and another '---' line");
            return 0;
        }
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                front.finish(i + 1);
                return i + 1;
            }
            front.read(lines[i], i + 1);
        }
        errors.add(1, "the front matter is never closed: add a '---' line after it");
        return lines.length;
    }

    /** Splits the body into steps; returns the prose after the last block. */
    private String readBody(String[] lines, int start, List<Step> steps, Errors errors) {
        StringBuilder prose = new StringBuilder();
        List<StepLine> block = null;
        int blockStart = 0;
        int errorsBefore = 0;
        boolean foreign = false;
        for (int i = start; i < lines.length; i++) {
            String line = lines[i];
            int number = i + 1;
            boolean fence = line.strip().startsWith(FENCE);
            if (block == null && fence) {
                String info = line.strip().substring(FENCE.length()).strip();
                errorsBefore = errors.count();
                foreign = !info.equals("leaderlab");
                if (foreign) {
                    errors.add(
                            number,
                            "only ```leaderlab blocks are allowed (each is a step of leaderlab commands); got "
                                    + line.strip());
                }
                block = new ArrayList<>();
                blockStart = number;
            } else if (block != null && fence) {
                if (!line.strip().equals(FENCE)) {
                    errors.add(number, "a block closes with a bare ``` line; got " + line.strip());
                }
                if (block.isEmpty() && errors.count() == errorsBefore) {
                    errors.add(blockStart, "empty step: put at least one command in the block");
                }
                steps.add(new Step(steps.size() + 1, trim(prose), block, blockStart));
                prose.setLength(0);
                block = null;
            } else if (block != null) {
                if (!foreign) {
                    checkLine(line, number, block, errors);
                }
            } else {
                prose.append(line).append('\n');
            }
        }
        if (block != null) {
            errors.add(blockStart, "this block is never closed: add a ``` line after its last command");
        }
        checkReveals(steps, errors);
        return trim(prose);
    }

    private void checkLine(String line, int number, List<StepLine> block, Errors errors) {
        try {
            StepLine parsed = new LineChecker(registry).check(line, number);
            if (parsed != null) {
                block.add(parsed);
            }
        } catch (CommandException e) {
            errors.add(number, e.getMessage());
        }
    }

    /**
     * A prediction opens its step, so the class answers before anything of the step has happened (a
     * question asked after a command could be read off the screen); and one without --check must be
     * followed in its step by an expect or wait until that shows the answer.
     */
    private static void checkReveals(List<Step> steps, Errors errors) {
        for (Step step : steps) {
            List<StepLine> lines = step.lines();
            StepLine firstOther = null;
            for (int i = 0; i < lines.size(); i++) {
                Prediction prediction = lines.get(i).prediction();
                if (prediction == null && firstOther == null) {
                    firstOther = lines.get(i);
                } else if (prediction != null && firstOther != null) {
                    errors.add(
                            lines.get(i).line(),
                            "a predict opens its step: move it above line " + firstOther.line() + " ("
                                    + firstOther.text()
                                    + "), so the question is asked before anything of the step happens");
                }
                if (prediction != null
                        && prediction.check() == null
                        && lines.subList(i + 1, lines.size()).stream().noneMatch(StepLine::isCheck)) {
                    errors.add(
                            lines.get(i).line(),
                            "this prediction is never checked: add --check \"SUBJECT\" "
                                    + "(e.g. --check \"leader orders-0\") or an expect after it in the same block");
                }
            }
        }
    }

    /** Drops leading and trailing blank lines; keeps the paragraphs as written. */
    private static String trim(CharSequence prose) {
        return prose.toString().replaceAll("^(\\s*\\n)+", "").stripTrailing();
    }
}
