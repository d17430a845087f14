package leaderlab.lessons;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds lessons: the course that ships in the jar ({@code lessons/*.md} on the class path) by name,
 * and any Markdown file by path, so teachers can write their own.
 */
public final class LessonLibrary {

    private static final String FOLDER = "lessons";
    private static final String SUFFIX = ".md";

    private final LessonParser parser = new LessonParser(LessonCommands.registry());

    /** The shipped lessons' names in course order, e.g. {@code 01-leaders-and-followers}. */
    public List<String> names() throws IOException {
        URL folder = LessonLibrary.class.getClassLoader().getResource(FOLDER);
        if (folder == null) {
            return List.of();
        }
        try {
            URI uri = folder.toURI();
            if (!uri.getScheme().equals("jar")) {
                return list(Path.of(uri));
            }
            try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                return list(jar.getPath(FOLDER));
            } catch (FileSystemAlreadyExistsException e) {
                // Someone else opened the jar as a file system; use theirs and leave it open.
                return list(FileSystems.getFileSystem(uri).getPath(FOLDER));
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot list the shipped lessons: " + e.getMessage(), e);
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(SUFFIX))
                    .map(n -> n.substring(0, n.length() - SUFFIX.length()))
                    .sorted()
                    .toList();
        }
    }

    /**
     * A lesson by what a user typed: a path to a Markdown file, a shipped lesson's name, its name without
     * the number ({@code leaders-and-followers}), or its number ({@code 1}).
     *
     * @throws NoSuchFileException with a one-line message when nothing matches
     */
    public Lesson load(String typed) throws IOException, LessonFormatException {
        if (typed.endsWith(SUFFIX) || typed.contains("/") || typed.contains("\\")) {
            Path file = Path.of(typed);
            if (!Files.isRegularFile(file)) {
                throw new NoSuchFileException("no lesson file " + typed);
            }
            String name = file.getFileName().toString().replaceFirst("\\.md$", "");
            return parser.parse(name, typed, Files.readString(file, StandardCharsets.UTF_8));
        }
        String name = resolve(typed);
        String resource = FOLDER + "/" + name + SUFFIX;
        try (InputStream in = LessonLibrary.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new NoSuchFileException("lesson " + name + " is listed but cannot be read");
            }
            return parser.parse(name, resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private String resolve(String typed) throws IOException {
        List<String> names = names();
        List<String> matches = new ArrayList<>();
        for (String name : names) {
            String bare = name.replaceFirst("^\\d+-", "");
            String number = name.replaceFirst("^0*(\\d+)-.*", "$1");
            if (name.equals(typed) || bare.equals(typed) || number.equals(typed.replaceFirst("^0+(?=\\d)", ""))) {
                matches.add(name);
            }
        }
        if (matches.size() != 1) {
            throw new NoSuchFileException("no lesson '" + typed + "'; lessons: " + String.join(", ", names)
                    + " (or give a path to a .md file)");
        }
        return matches.get(0);
    }
}
