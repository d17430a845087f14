package leaderlab.shell.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import leaderlab.cluster.journal.Journal;
import leaderlab.shell.command.EventJson;
import leaderlab.shell.command.Json;

/** The journal as JSON Lines: one object per event with its typed fields, oldest first. */
public final class JournalExport {

    private JournalExport() {}

    /** Writes every event recorded so far and returns how many. */
    public static long write(Journal journal, Path file) throws IOException {
        long size = journal.size();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long seq = 0; seq < size; seq++) {
                out.write(EventJson.write(new Json(), journal.get(seq)).toString());
                out.write('\n');
            }
        }
        return size;
    }
}
