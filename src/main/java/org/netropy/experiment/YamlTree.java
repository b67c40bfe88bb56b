package org.netropy.experiment;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.io.InvalidInputException;

/**
 * A YAML document as a small tree whose every node remembers the file and line it came from, so
 * that spec errors can say {@code experiments/x.yaml:12: ...}. Jackson's {@code JsonNode} drops
 * locations; this walks the token stream of Jackson's YAML parser instead.
 */
final class YamlTree {
    private YamlTree() {}

    /** Where a node starts: file name and 1-based line. */
    record Location(String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }

        /** An error at this location (one line: {@code file:line: message}). */
        InvalidInputException error(String message) {
            return new InvalidInputException(this + ": " + message);
        }
    }

    sealed interface Node permits MapNode, ListNode, ScalarNode {
        Location at();

        /** A short description of the node's type for error messages. */
        String describe();
    }

    /** A key of a mapping with the location of the key itself. */
    record Entry(String key, Location at, Node value) {}

    record MapNode(Location at, Map<String, Entry> entries) implements Node {
        @Override
        public String describe() {
            return "a mapping";
        }
    }

    record ListNode(Location at, List<Node> items) implements Node {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A scalar: Long, Double, Boolean, String or null. */
    record ScalarNode(Location at, Object value) implements Node {
        @Override
        public String describe() {
            if (value == null) {
                return "nothing (null)";
            }
            return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
        }
    }

    /** Parses YAML text; syntax errors name the file and line. */
    static Node parse(String fileName, String text) {
        try (JsonParser p = new YAMLFactory().createParser(text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new Location(fileName, 1).error("the file is empty (expected a mapping with name, kind, base, ...)");
            }
            return read(p, fileName);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? "" : String.join(": ", e.getMessage().lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("    ") && !l.strip().startsWith("in '")
                            && !l.strip().startsWith("at [Source") && !l.strip().startsWith("^"))
                    .map(String::strip).toList());
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 1;
            throw new Location(fileName, Math.max(line, 1)).error("not valid YAML (" + msg.strip() + ")");
        }
    }

    private static Location here(JsonParser p, String file) {
        JsonLocation loc = p.currentTokenLocation();
        return new Location(file, Math.max(loc.getLineNr(), 1));
    }

    private static Node read(JsonParser p, String file) throws IOException {
        Location at = here(p, file);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                Map<String, Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyAt = here(p, file);
                    p.nextToken();
                    Node value = read(p, file);
                    if (entries.containsKey(key)) {
                        throw keyAt.error("duplicate key '" + key + "' (first at line " + entries.get(key).at().line() + ")");
                    }
                    entries.put(key, new Entry(key, keyAt, value));
                }
                return new MapNode(at, entries);
            }
            case START_ARRAY -> {
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(p, file));
                }
                return new ListNode(at, items);
            }
            case VALUE_NUMBER_INT -> {
                return new ScalarNode(at, p.getLongValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return new ScalarNode(at, p.getDoubleValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new ScalarNode(at, p.getBooleanValue());
            }
            case VALUE_NULL -> {
                return new ScalarNode(at, null);
            }
            case VALUE_STRING -> {
                return new ScalarNode(at, p.getText());
            }
            default -> throw at.error("unsupported YAML content (" + t + ")");
        }
    }
}
