package org.netropy.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command of the README's "Everyday commands" block runs as written (outputs redirected to
 * a scratch folder). Only the full Flesch sweep is run smaller here; {@code .ci/run} runs it as
 * written. A README that drifts from the program fails this test.
 */
class ReadmeCommandsTest {
    @TempDir
    Path tmp;

    /** Folder-or-file options whose values are redirected into the scratch folder. */
    static final List<String> PATH_OPTIONS = List.of("--out", "--gd", "--a", "--b");

    /** The README's everyday commands, one argument list each ("bin/netropy" dropped, [optional] parts removed). */
    static List<List<String>> everydayCommands() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("## Everyday commands");
        int open = readme.indexOf("```bash", start);
        int close = readme.indexOf("```", open + 7);
        List<List<String>> commands = new ArrayList<>();
        for (String line : readme.substring(open + 7, close).split("\n")) {
            String code = line.replaceAll("\\s#.*$", "").replaceAll("\\[[^\\]]*\\]", "").strip();
            for (String part : code.split("&&")) {
                List<String> args = tokens(part.strip());
                if (!args.isEmpty()) {
                    assertEquals("bin/netropy", args.get(0), line);
                    commands.add(args.subList(1, args.size()));
                }
            }
        }
        return commands;
    }

    /** Splits a command line on spaces, keeping double-quoted strings whole. */
    static List<String> tokens(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
                any = true;
            } else if (ch == ' ' && !quoted) {
                if (any) {
                    out.add(cur.toString());
                }
                cur.setLength(0);
                any = false;
            } else {
                cur.append(ch);
                any = true;
            }
        }
        if (any) {
            out.add(cur.toString());
        }
        return out;
    }

    private List<String> redirected(List<String> command) {
        List<String> args = new ArrayList<>(command);
        for (int i = 0; i + 1 < args.size(); i++) {
            if (PATH_OPTIONS.contains(args.get(i))) {
                args.set(i + 1, tmp.resolve(args.get(i + 1)).toString());
            }
        }
        if (List.of("run", "table", "figures").contains(args.get(0))) {
            args.addAll(List.of("--results", tmp.resolve("results").toString()));
        }
        if (args.get(0).equals("run")) {
            args.add("--no-progress");
        }
        if (args.get(0).equals("gd") && args.contains("flesch")) {
            // the full sweep (240 networks x 10 000 steps) is run as written by .ci/run
            Map<String, String> smaller = Map.of("--seeds", "1..2", "--steps", "300", "--points", "2");
            for (int i = 0; i + 1 < args.size(); i++) {
                if (smaller.containsKey(args.get(i))) {
                    args.set(i + 1, smaller.get(args.get(i)));
                }
            }
        }
        if (args.get(0).equals("gd")) {
            args.add("--no-progress");
        }
        return args;
    }

    @Test
    @Tag("slow")
    void everyEverydayCommandRunsAsWritten() throws IOException {
        List<List<String>> commands = everydayCommands();
        assertTrue(commands.size() >= 14, commands.toString());
        for (List<String> c : commands) {
            List<String> args = redirected(c);
            Object[] r = CliRunner.run(args.toArray(String[]::new));
            assertEquals(0, r[0], String.join(" ", c) + "\n" + r[2]);
        }
    }

    @Test
    void everyEverydayCommandParses() throws IOException {
        for (List<String> c : everydayCommands()) {
            picocli.CommandLine cl = Main.commandLine();
            cl.parseArgs(redirected(c).toArray(String[]::new)); // throws on an unknown option or a bad value
        }
    }

    /** The commands quoted inline (`...bin/netropy ...`), e.g. in the speed table, name options that exist. */
    @Test
    void everyInlineCommandParses() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("`(?:[^`\\n]*?\\s)?bin/netropy ([^`\\n]+)`").matcher(readme);
        int n = 0;
        while (m.find()) {
            List<String> args = tokens(m.group(1).replaceAll("\\[[^\\]]*\\]", "").replaceAll("\\s+", " ").strip());
            if (args.isEmpty() || args.get(0).startsWith("...")) {
                continue;
            }
            Main.commandLine().parseArgs(args.toArray(String[]::new));
            n++;
        }
        assertTrue(n >= 5, "inline commands found: " + n);
    }
}
