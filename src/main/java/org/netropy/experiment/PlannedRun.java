package org.netropy.experiment;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One run of a sweep and its content key: SHA-256 of the canonical JSON of the kind, the resolved
 * parameters (seed included) and the code version. Same inputs and code, same key, same folder.
 *
 * @param experiment  experiment name
 * @param kind        run kind name
 * @param parameters  resolved parameters
 * @param codeVersion {@link CodeVersion#key()}
 * @param hash        64 hex digits
 */
public record PlannedRun(String experiment, String kind, ResolvedParameters parameters, String codeVersion, String hash) {
    /** Length of the folder name (a prefix of the hash; 64 bits make collisions negligible). */
    public static final int FOLDER_CHARS = 16;

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    public static PlannedRun of(String experiment, String kind, ResolvedParameters parameters, String codeVersion) {
        return new PlannedRun(experiment, kind, parameters, codeVersion, hash(canonicalKey(kind, parameters, codeVersion)));
    }

    /** The exact text that is hashed: sorted keys, no spaces, normalised numbers. */
    public static String canonicalKey(String kind, ResolvedParameters parameters, String codeVersion) {
        Map<String, Object> params = new LinkedHashMap<>(parameters.values());
        params.put("seed", parameters.seed());
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("code", codeVersion);
        key.put("kind", kind);
        key.put("parameters", params);
        try {
            return CANONICAL.writeValueAsString(key);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String folderName() {
        return hash.substring(0, FOLDER_CHARS);
    }
}
