package leaderlab.app.window;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import leaderlab.app.AppCommands;
import leaderlab.cluster.Cluster;
import leaderlab.cluster.ClusterOptions;
import leaderlab.cluster.journal.Event;
import leaderlab.cluster.journal.EventDetail;
import leaderlab.shell.command.Dispatcher;
import leaderlab.shell.command.Result;
import leaderlab.shell.command.Session;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** export journal|report|svg|png on Kafka's worked example A, read back with real parsers. */
class ExportTest {

    private static final long SEED = 1;

    @TempDir
    Path dir;

    private Dispatcher shell;

    @BeforeEach
    void runExampleA() throws IOException {
        shell = new Dispatcher(AppCommands.registry(), new Session(Cluster.start(ClusterOptions.simulated(3, SEED))));
        for (String line : Files.readAllLines(Path.of("../scripts/example-a-acks1-loss.ll"))) {
            ok(line);
        }
    }

    @AfterEach
    void stop() {
        shell.session().cluster().close();
    }

    private String ok(String line) {
        Result result = shell.execute(line);
        assertEquals(Result.Status.OK, result.status(), () -> "seed " + SEED + ": " + line + " -> " + result.lines());
        return String.join("\n", result.lines());
    }

    @Test
    void theJournalIsOneTypedObjectPerEvent() throws IOException {
        Path file = dir.resolve("journal.jsonl");
        ok("export journal " + file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(shell.session().cluster().journal().size(), lines.size());
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> truncations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode event = json.readTree(lines.get(i));
            Event original = shell.session().cluster().journal().get(i);
            assertEquals(i, event.get("seq").asLong());
            assertEquals(original.timeMs(), event.get("timeMs").asLong());
            assertEquals(original.type().name(), event.get("type").asText());
            assertEquals(
                    original.source().kind().name(),
                    event.get("source").get("kind").asText());
            if (original.detail() instanceof EventDetail.Truncated) {
                truncations.add(event);
            }
        }
        // Example A: broker 1 truncates orders-0 from 110 back to 100 (its acks=1 records) when it returns.
        JsonNode truncated = truncations.get(truncations.size() - 1);
        assertEquals("orders", truncated.get("partition").get("topic").asText());
        assertEquals(0, truncated.get("partition").get("partition").asInt());
        assertEquals(1, truncated.get("detail").get("broker").asInt());
        assertEquals(110, truncated.get("detail").get("fromOffset").asLong());
        assertEquals(100, truncated.get("detail").get("toOffset").asLong());
    }

    @Test
    void theReportHasCommandsOutcomeVerdictAndLedger() throws IOException {
        Path file = dir.resolve("report.md");
        ok("export report " + file);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertTrue(
                lines.contains("## Commands")
                        && lines.contains("## Outcome")
                        && lines.contains("## Safety checker")
                        && lines.contains("## Data-loss ledger"),
                String.join("\n", lines));
        assertTrue(lines.stream().anyMatch(line -> line.matches("\\| \\d+\\.\\d{3}s \\| `kill 1` \\|")));
        // The outcome row for orders-0: leader 2, ISR of all three, HW 105.
        assertTrue(
                lines.stream()
                        .anyMatch(line ->
                                line.matches("\\| orders-0 \\| 2 \\| 1 \\| 1,2,3 \\| 2,3,1 \\| 105 \\| online \\|")),
                String.join("\n", lines));
        // The ledger section is what `lost` says: the 10 acks=1 records are gone.
        String lost = ok("lost");
        assertTrue(String.join("\n", lines).contains(lost));
        assertTrue(shell.session().cluster().ledger().lostCount() == 10);
    }

    @Test
    void theSvgIsVectorShapesGroupedByBrokerAndChip() throws Exception {
        Path file = dir.resolve("cluster.svg");
        ok("export svg " + file);
        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element root = svg.getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals(0, svg.getElementsByTagName("image").getLength(), "no embedded bitmap");
        List<String> brokers = new ArrayList<>();
        List<String> chips = new ArrayList<>();
        List<String> leaders = new ArrayList<>();
        NodeList groups = svg.getElementsByTagName("g");
        for (int i = 0; i < groups.getLength(); i++) {
            Element group = (Element) groups.item(i);
            String kind = group.getAttribute("class");
            if (kind.equals("broker")) {
                brokers.add(group.getAttribute("data-name"));
                assertTrue(group.getElementsByTagName("rect").getLength() > 0);
            } else if (kind.startsWith("chip")) {
                chips.add(group.getAttribute("data-name"));
                if (kind.equals("chip leader")) {
                    leaders.add(group.getAttribute("data-name"));
                }
            }
        }
        assertEquals(List.of("broker 1", "broker 2", "broker 3"), brokers);
        assertEquals(List.of("orders-0@1", "orders-0@2", "orders-0@3"), chips);
        assertEquals(List.of("orders-0@2"), leaders);
        assertTrue(svg.getElementsByTagName("text").getLength() > 10);
        assertFalse(Files.readString(file).contains("base64"));
    }

    @Test
    void thePngIsPresentationSized() throws IOException {
        Path file = dir.resolve("cluster.png");
        ok("export png " + file);
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(1920, image.getWidth());
        assertTrue(image.getHeight() > 1000, "height " + image.getHeight());
    }

    @Test
    void badExportsAreOneLineAndWriteNothing() {
        for (String line :
                List.of("export gif x.gif", "export journal", "export svg " + dir.resolve("no/such/dir.svg"))) {
            Result result = shell.execute(line);
            assertEquals(Result.Status.ERROR, result.status(), line);
            assertEquals(1, result.lines().size(), line);
        }
    }
}
