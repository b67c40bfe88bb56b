package org.netropy.options;

/**
 * How a caller spells a parameter: {@code hidden_bias} in a spec, {@code --hidden-bias} on the
 * command line. Engines validate with keys and let the naming turn them into the caller's
 * words, so that a spec user never reads a flag they did not type (and the other way round).
 */
public enum Naming {
    /** The YAML key of a spec (lower_snake_case). */
    SPEC,
    /** The command-line option: {@code --} and the key with dashes. */
    CLI;

    /** The caller's spelling of {@code key}. */
    public String name(String key) {
        return this == CLI ? "--" + key.replace('_', '-') : key;
    }

    /** The key of a caller's spelling (the inverse of {@link #name}). */
    public String key(String name) {
        return this == CLI && name.startsWith("--") ? name.substring(2).replace('-', '_') : name;
    }
}
