package leaderlab.shell.command;

import java.util.List;

/**
 * What a command printed and how it went. ERROR means the input was wrong and nothing changed;
 * FAILED means it ran but what it checked did not hold (an expect, a wait that timed out).
 */
public record Result(Status status, List<String> lines) {

    public enum Status {
        OK,
        FAILED,
        ERROR
    }

    public static Result ok(List<String> lines) {
        return new Result(Status.OK, List.copyOf(lines));
    }

    public static Result ok(String... lines) {
        return new Result(Status.OK, List.of(lines));
    }

    public static Result failed(String message) {
        return new Result(Status.FAILED, List.of(message));
    }

    public static Result error(String message) {
        return new Result(Status.ERROR, List.of("error: " + message));
    }

    public boolean isOk() {
        return status == Status.OK;
    }
}
