package org.netropy.cli;

/** What a command prints: an aligned text table, one JSON object, or CSV. */
public enum OutputFormat {
    table, json, csv
}
