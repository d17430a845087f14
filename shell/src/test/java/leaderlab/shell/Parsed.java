package leaderlab.shell;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A command's --json output, parsed by a real JSON parser, so tests read fields and never wording. */
final class Parsed {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Parsed() {}

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
