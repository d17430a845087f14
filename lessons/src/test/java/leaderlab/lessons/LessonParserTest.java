package leaderlab.lessons;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The lesson format: a good lesson's structure, and for each kind of mistake the exact
 * {@code FILE:LINE: message} a teacher sees. Mistakes are written as the body after a fixed front
 * matter (lines 1-5), so the line numbers below count from there.
 */
class LessonParserTest {

    private static final String FRONT = "---\ntitle: T\nbrokers: 3\nseed: 4\n---\n";

    private final LessonParser parser = new LessonParser(LessonCommands.registry());

    private Lesson parse(String text) throws LessonFormatException {
        return parser.parse("t", "t.md", text);
    }

    private List<String> errors(String text) {
        return assertThrows(LessonFormatException.class, () -> parse(text)).errors();
    }

    @Test
    void aGoodLessonHasFrontMatterStepsNarrationAndPredictions() throws LessonFormatException {
        Lesson lesson = parse("---\ntitle: \"Leaders\"\nbrokers: 4\nracks: 2\nseed: 9\nconfig:\n"
                + "  - auto.leader.rebalance.enable=false\n  - min.insync.replicas=2\n---\n"
                + "# Intro\n\nFirst words.\n\n```leaderlab\n"
                + "predict \"Who leads?\" 1 2 3 --answer 1 --check \"leader orders-0\" --why \"first in the list\"\n"
                + "create topic orders --replica-assignment 1:2:3  # a comment\n\n```\n"
                + "Second.\n```leaderlab\npause\nfocus broker 2\nfocus orders-0\nkill 1\nexpect broker 1 is stopped\n```\n"
                + "The end.\n");
        assertEquals("Leaders", lesson.title());
        assertEquals(List.of(4, 2, 9L), List.of(lesson.brokers(), lesson.racks(), lesson.seed()));
        assertEquals(
                List.of(
                        new Lesson.Setting("auto.leader.rebalance.enable", "false"),
                        new Lesson.Setting("min.insync.replicas", "2")),
                lesson.configs());
        assertEquals(2, lesson.steps().size());
        Step first = lesson.steps().get(0);
        assertEquals("# Intro\n\nFirst words.", first.narration());
        assertEquals(14, first.line());
        assertEquals(
                "create topic orders --replica-assignment 1:2:3",
                first.lines().get(1).text());
        assertEquals(
                new Prediction("Who leads?", List.of("1", "2", "3"), "1", "leader orders-0", "first in the list"),
                first.predictions().get(0));
        Step second = lesson.steps().get(1);
        assertEquals(
                List.of(
                        StepLine.Kind.PAUSE,
                        StepLine.Kind.FOCUS,
                        StepLine.Kind.FOCUS,
                        StepLine.Kind.COMMAND,
                        StepLine.Kind.COMMAND),
                second.lines().stream().map(StepLine::kind).toList());
        assertEquals(new Focus(2, null), second.lines().get(1).focus());
        assertEquals("orders-0", second.lines().get(2).focus().partition());
        assertEquals("The end.", lesson.epilogue());
        assertEquals(2, lesson.checkCount());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown command        | ```leaderlab\\nkil 1\\n```                    | t.md:7: unknown command 'kil'; did you mean kill?
            host command           | ```leaderlab\\n!rm -rf /\\n```                | t.md:7: unknown command '!rm'
            unknown lesson command | ```leaderlab\\nnarrate \"hi\"\\n```           | t.md:7: unknown command 'narrate'
            unknown option         | ```leaderlab\\nkill 1 --force\\n```           | t.md:7: unknown option --force for kill; options: --power-loss
            not in lessons         | ```leaderlab\\nquit\\n```                     | t.md:7: 'quit' cannot be used in a lesson; the front matter sets up the cluster
            open quote             | ```leaderlab\\npredict \"who\\n```            | t.md:7: unterminated quote \": close it, e.g. \"text\"
            pause with words       | ```leaderlab\\npause 5\\n```                  | t.md:7: pause takes nothing after it; it waits for the presenter
            focus                  | ```leaderlab\\nfocus orders\\n```             | t.md:7: cannot read focus orders; usage: focus broker N | focus TOPIC-P, e.g. focus broker 2 or focus orders-0
            answer not a choice    | ```leaderlab\\npredict \"Q\" 1 2 --answer 3\\n``` | t.md:7: --answer 3 is not one of the choices 1, 2
            no answer              | ```leaderlab\\npredict \"Q\" 1 2\\n```        | t.md:7: predict needs --answer, one of 1, 2
            predict after command  | ```leaderlab\\nkill 1\\npredict \"Q\" 1 2 --answer 1 --check \"leader t-0\"\\n``` | t.md:8: a predict opens its step: move it above line 7 (kill 1)
            predict after pause    | ```leaderlab\\npause\\npredict \"Q\" 1 2 --answer 1 --check \"leader t-0\"\\n``` | t.md:8: a predict opens its step: move it above line 7 (pause)
            blank why              | ```leaderlab\\npredict \"Q\" 1 2 --answer 1 --check \"leader t-0\" --why \" \"\\n``` | t.md:7: --why needs one line
            never checked          | ```leaderlab\\npredict \"Q\" 1 2 --answer 1\\nkill 1\\n``` | t.md:7: this prediction is never checked: add --check \"SUBJECT\" (e.g. --check \"leader orders-0\") or an expect after it in the same block
            foreign fence          | ```bash\\nls\\n```                            | t.md:6: only ```leaderlab blocks are allowed (each is a step of leaderlab commands); got ```bash
            unclosed block         | text\\n```leaderlab\\nkill 1\\n               | t.md:7: this block is never closed: add a ``` line after its last command
            empty step             | ```leaderlab\\n# nothing\\n```                | t.md:6: empty step: put at least one command in the block
            no steps               | just prose\\n                                 | t.md:7: a lesson needs at least one ```leaderlab block (a step)
            """)
    void eachMistakeIsOneFileLineError(String kind, String body, String expected) {
        List<String> errors = errors(FRONT + body.replace("\\n", "\n"));
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith(expected), () -> errors.get(0) + "\n  should start with\n" + expected);
    }

    @Test
    void frontMatterMistakesNameTheirLines() {
        assertEquals(
                List.of(
                        "t.md:1: a lesson starts with front matter: a '---' line, 'title: ...', and another '---' line"),
                errors("title: x\n```leaderlab\ndescribe\n```\n"));
        List<String> errors = errors("---\ntitel: x\nbrokers: many\nconfig: nope=1, min.insync.replicas=zero\n---\n"
                + "```leaderlab\ndescribe\n```\n");
        assertEquals(
                List.of(
                        "t.md:2: unknown front matter key 'titel'; keys are title, brokers, controllers, racks, seed, config, feature",
                        "t.md:3: brokers must be a whole number from 1 to 64, got 'many'",
                        "t.md:4: unknown config 'nope'; known: "
                                + String.join(", ", leaderlab.cluster.config.ConfigKey.names()),
                        "t.md:4: min.insync.replicas must be a whole number, got 'zero'",
                        "t.md:5: the front matter needs a title: line, e.g. title: A broker dies"),
                errors);
    }

    @Test
    void everyErrorIsReportedInOnePass() {
        List<String> errors =
                errors(FRONT + "```leaderlab\nkil 1\ndescribe\nexpect leader orders-0 is 1 --bogus\n```\n");
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("t.md:7: "));
        assertTrue(errors.get(1).startsWith("t.md:9: unknown option --bogus for expect"));
    }

    @Test
    void predictionsResolveTextFirstThenLetters() {
        Prediction numbers = Prediction.parse(List.of("Who?", "2", "3", "4", "--answer", "3"));
        assertEquals("2", numbers.resolve("2"), "a number is a choice's text, never its position");
        assertEquals("3", numbers.resolve(" 3 "));
        assertNull(numbers.resolve("1"), "1 is not a choice, and numbers are not positions");
        assertEquals("2", numbers.resolve("a"));
        assertEquals("4", numbers.resolve("C"));
        assertNull(numbers.resolve("d"));
        Prediction words = Prediction.parse(List.of("Q", "yes", "no", "--answer", "NO"));
        assertEquals("no", words.answer(), "the answer is spelled as the choice");
        assertEquals("yes", words.resolve("a"));
        assertNull(words.resolve("1"));
        assertEquals("no", words.resolve("No"));
    }
}
