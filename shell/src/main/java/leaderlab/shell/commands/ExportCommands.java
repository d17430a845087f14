package leaderlab.shell.commands;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;
import leaderlab.shell.command.Args;
import leaderlab.shell.command.Command;
import leaderlab.shell.command.CommandException;
import leaderlab.shell.command.CommandRegistry;
import leaderlab.shell.command.Completions;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import leaderlab.shell.export.JournalExport;
import leaderlab.shell.export.PictureExport;
import leaderlab.shell.export.RunReport;

/** {@code export journal|report|png|svg FILE}: what a session produced, as files to keep or share. */
final class ExportCommands {

    private static final String USAGE = "export journal|report|png|svg FILE";

    private ExportCommands() {}

    static void register(CommandRegistry registry) {
        registry.add(Command.builder("export")
                .usage(USAGE)
                .summary("write the journal (JSON Lines), a report (Markdown) or a picture of the cluster (PNG, SVG)")
                .details("journal: one JSON object per event with its typed fields (seq, timeMs, type, source, "
                        + "partition, detail, text, cause, causeSeq). report: the commands with their cluster times, "
                        + "leader, ISR and HW per partition, the safety checker's verdict and the data-loss ledger. "
                        + "png, svg: the cluster view, each partition's replica logs and its swimlanes, 1920 pixels "
                        + "wide; the SVG is vector shapes and text, one group per broker card and replica chip.")
                .example("export journal run.jsonl")
                .example("export report run.md")
                .example("export svg cluster.svg")
                .completes(Completions.words("what to export", "journal", "report", "png", "svg"))
                .notInLessons()
                .recording(Command.Recording.IGNORED)
                .run(ExportCommands::export));
    }

    private static Result export(Args args, Session session) {
        args.expectAtMost(2, USAGE);
        String format = args.positional(0, "what to export: journal, report, png or svg")
                .toLowerCase(Locale.ROOT);
        String file = args.positional(1, "a file name, e.g. export svg cluster.svg");
        try {
            switch (format) {
                case "journal" -> {
                    long events = JournalExport.write(session.cluster().journal(), Path.of(file));
                    return Result.ok("wrote " + events + " events to " + file);
                }
                case "report" -> {
                    BundleCommands.writeText(file, RunReport.markdown(session));
                    return Result.ok("wrote the report to " + file);
                }
                case "png", "svg" -> {
                    for (PictureExport pictures : ServiceLoader.load(PictureExport.class)) {
                        if (pictures.draws(format)) {
                            return Result.ok(pictures.write(format, Path.of(file), session));
                        }
                    }
                    throw new CommandException(format + " export needs leaderlab's window module (run ./leaderlab)");
                }
                default -> throw new CommandException("export takes journal, report, png or svg; got '" + format + "'");
            }
        } catch (IOException e) {
            throw new CommandException("cannot write " + file + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        }
    }
}
