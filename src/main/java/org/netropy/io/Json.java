package org.netropy.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** One configured Jackson mapper, so every JSON file of the project is written the same way. */
public final class Json {
    /** Pretty-printed, keys in declaration order, NaN written as a string rather than invalid JSON. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Json() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes atomically (temporary file, then rename) so a crash never leaves half a file. */
    public static void write(Path file, Object value) {
        AtomicFiles.writeString(file, write(value) + "\n");
    }

    public static <T> T read(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(Files.readString(file), type);
        } catch (IOException e) {
            throw new InvalidInputException(file + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }
}
