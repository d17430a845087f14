package leaderlab.kafka.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the {@code kill} program is, found once by absolute path. Java can send SIGTERM and SIGKILL
 * ({@link ProcessHandle#destroy}, {@link ProcessHandle#destroyForcibly}) but has no API for SIGSTOP and
 * SIGCONT, so a stall runs {@code kill -STOP}. Looked up in PATH and then in the standard locations, so it
 * is found from the classroom app's launcher too, whose environment may have no PATH at all.
 */
final class KillCommand {

    /** Where POSIX systems keep it, for when PATH does not say. */
    private static final List<String> STANDARD_DIRS = List.of("/bin", "/usr/bin", "/usr/local/bin");

    private static final Optional<Path> FOUND = find(System.getenv("PATH"));

    private KillCommand() {}

    /** The kill program's absolute path; fails with one line when this system has none. */
    static Path path() {
        return FOUND.orElseThrow(() -> new IllegalStateException("no kill program in PATH or in "
                + String.join(", ", STANDARD_DIRS) + ": stall needs it for SIGSTOP and SIGCONT"));
    }

    /** The first executable {@code kill} in the PATH given (null or empty: none), then in the standard places. */
    static Optional<Path> find(String pathVariable) {
        List<String> dirs = new ArrayList<>();
        if (pathVariable != null && !pathVariable.isEmpty()) {
            dirs.addAll(List.of(pathVariable.split(File.pathSeparator)));
        }
        dirs.addAll(STANDARD_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "kill").toAbsolutePath();
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
