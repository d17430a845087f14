package leaderlab.cluster.controller;

/**
 * Why the controller is doing something: words for the journal, and the journal event that started
 * it (-1 when the trigger was not itself an event: an operator command, a periodic task).
 */
record Cause(String text, long eventSeq) {

    static Cause of(String text) {
        return new Cause(text, -1);
    }
}
