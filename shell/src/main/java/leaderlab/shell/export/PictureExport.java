package leaderlab.shell.export;

import java.nio.file.Path;
import leaderlab.shell.command.Session;

/**
 * Draws the cluster as a picture file. The drawing lives with the window's layout code (the app
 * module), which provides this through {@link java.util.ServiceLoader}, so the shell needs no
 * graphics of its own.
 */
public interface PictureExport {

    /** Whether this draws {@code format} ("png", "svg"). */
    boolean draws(String format);

    /** Writes the picture; returns a one-line summary of what it drew. */
    String write(String format, Path file, Session session) throws java.io.IOException;
}
