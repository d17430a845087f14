package leaderlab.cluster.arch;

import leaderlab.cluster.runtime.Address;
import leaderlab.cluster.runtime.Message;
import leaderlab.cluster.runtime.Node;
import leaderlab.cluster.runtime.NodeContext;
import leaderlab.cluster.runtime.Timer;

/** A planted dispatch gap for {@link DispatchTest}: a node that forgets one of its message types. */
final class PlantedDispatch {

    private PlantedDispatch() {}

    sealed interface ToForgetful extends Message {}

    record Handled() implements ToForgetful {}

    record Forgotten() implements ToForgetful {}

    /** Breaks the dispatch rule: {@link Forgotten} falls through to nothing. */
    static final class ForgetfulNode implements Node {
        int handled;

        @Override
        public void onStart(NodeContext context) {}

        @Override
        public void onMessage(Address from, Message message) {
            if (message instanceof Handled) {
                handled++;
            }
        }

        @Override
        public void onTimer(Timer timer) {}
    }

    /** A message that belongs to no recipient: breaks "every message names its recipient". */
    record Stray() implements Message {}
}
