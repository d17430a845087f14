package leaderlab.lessons;

/**
 * Which runtime a lesson plays in: the deterministic simulator (the default: same lesson, same run,
 * so Back is exact), or live threads at a speed factor.
 */
public record PlayMode(boolean simulated, double speed) {

    public static final PlayMode SIMULATED = new PlayMode(true, 1);

    public static PlayMode live(double speed) {
        return new PlayMode(false, speed);
    }

    @Override
    public String toString() {
        return simulated
                ? "simulated"
                : "threaded x" + (speed == Math.rint(speed) ? Long.toString((long) speed) : speed);
    }
}
