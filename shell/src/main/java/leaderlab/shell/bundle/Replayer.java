package leaderlab.shell.bundle;

import java.util.Locale;
import java.util.function.BiConsumer;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.Journal;
import leaderlab.cluster.journal.JournalDigest;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;

/**
 * Runs a bundle's commands again on a fresh cluster started with its options, checking after each
 * command that the journal has the size and digest the bundle recorded, and stops at the first
 * command where it does not.
 */
public final class Replayer {

    /** How a replay went: {@code divergence} is null when every digest matched. */
    public record Outcome(int commandsRun, long events, String digest, String divergence) {
        public boolean matched() {
            return divergence == null;
        }

        /** One line: what matched (commands, events, digest), or where the run diverged. */
        public String verdict() {
            return matched()
                    ? "replayed " + commandsRun + " command(s): the journal matches (" + events + " events, digest "
                            + digest + ")"
                    : divergence;
        }
    }

    private Replayer() {}

    /**
     * Replays {@code bundle} through {@code dispatcher}, whose cluster must be fresh and started with
     * the bundle's options; {@code printer} sees each command and its result as it runs.
     */
    public static Outcome replay(RunBundle bundle, Dispatcher dispatcher, BiConsumer<String, Result> printer) {
        JournalDigest digest = new JournalDigest();
        long eventsBefore = 0;
        int run = 0;
        for (RunBundle.Entry entry : bundle.entries()) {
            Journal journal = dispatcher.session().cluster().journal();
            long nowMs = dispatcher.session().cluster().nowMs();
            String where = "line " + entry.fileLine() + " (" + entry.line() + ")";
            if (nowMs != entry.startMs()) {
                return diverged(
                        run,
                        digest,
                        where + ": it starts at " + seconds(nowMs) + " in the replay, the bundle says "
                                + seconds(entry.startMs()));
            }
            Result result = dispatcher.execute(entry.line());
            printer.accept(entry.line(), result);
            run++;
            if (result.status() == Result.Status.ERROR) {
                return diverged(run, digest, where + ": the command was rejected: " + String.join(" ", result.lines()));
            }
            digest.catchUp(dispatcher.session().cluster().journal());
            if (digest.events() != entry.eventsAfter() || !digest.hex().equals(entry.digestAfter())) {
                return diverged(
                        run,
                        digest,
                        where + ": "
                                + difference(journal, eventsBefore, digest, entry.eventsAfter(), entry.digestAfter()));
            }
            eventsBefore = digest.events();
        }
        digest.catchUp(dispatcher.session().cluster().journal());
        if (digest.events() != bundle.events() || !digest.hex().equals(bundle.digest())) {
            return diverged(
                    run,
                    digest,
                    "the final journal: "
                            + difference(
                                    dispatcher.session().cluster().journal(),
                                    eventsBefore,
                                    digest,
                                    bundle.events(),
                                    bundle.digest()));
        }
        return new Outcome(run, digest.events(), digest.hex(), null);
    }

    /** Names the first event the command recorded in the replay, where the two runs part. */
    private static String difference(
            Journal journal, long firstNew, JournalDigest replayed, long expectedEvents, String expectedDigest) {
        String first = firstNew < journal.size()
                ? "; its first event in the replay is #" + firstNew + ": " + describe(journal.get(firstNew))
                : "";
        return String.format(
                Locale.ROOT,
                "the bundle expects %d events (digest %s), the replay has %d (digest %s); "
                        + "the runs agree up to event #%d and part within events #%d..#%d%s",
                expectedEvents,
                expectedDigest,
                replayed.events(),
                replayed.hex(),
                firstNew - 1,
                firstNew,
                Math.max(expectedEvents, replayed.events()) - 1,
                first);
    }

    private static String describe(Event event) {
        return seconds(event.timeMs()) + " " + event.source() + " " + event.text();
    }

    private static Outcome diverged(int run, JournalDigest digest, String where) {
        return new Outcome(run, digest.events(), digest.hex(), "diverged at " + where);
    }

    private static String seconds(long ms) {
        return String.format(Locale.ROOT, "%d.%03ds", ms / 1000, ms % 1000);
    }
}
