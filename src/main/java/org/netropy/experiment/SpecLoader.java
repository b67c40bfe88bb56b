package org.netropy.experiment;

import org.netropy.options.ParameterSpec;
import org.netropy.options.ParameterSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.netropy.experiment.YamlTree.Entry;
import org.netropy.experiment.YamlTree.ListNode;
import org.netropy.experiment.YamlTree.Location;
import org.netropy.experiment.YamlTree.MapNode;
import org.netropy.experiment.YamlTree.Node;
import org.netropy.experiment.YamlTree.ScalarNode;
import org.netropy.io.InvalidInputException;

/**
 * Reads and validates an experiment spec (YAML). Every error names the file, the line, the field
 * and what is allowed; an unknown key also gets the nearest valid one. The whole spec, every
 * variant and every run of every variant are checked before anything runs.
 *
 * <pre>
 * name: analytic-demo            # = file name without .yaml
 * kind: analytic-demo            # a registered RunKind
 * description: ...
 * base: {sigma: 1.0}             # parameter values of every run
 * sweep:                         # axes, first outermost: a value, a list, or a range
 *   n: {from: 10, to: 10000, points: 7, log: true}
 * seeds: 20                      # a count (seeds 1..20) or a list [3, 7, 11]
 * variants:
 *   quick: {sweep: {n: [10, 100]}, seeds: 3}
 * claims:                        # decided from the tidy table by 'netropy claims' (ClaimSpec)
 *   - {id: error-on-closed-form, statement: ..., measure: squared_error, filter: {statistic: mean},
 *      versus: {measure: expected_squared_error, op: ratio}, reduce: each, test: equivalent, threshold: 0.5}
 * figures:                       # one entry per paper figure; panels lettered a, b, ...
 *   - id: error
 *     title: ...
 *     width: double                # single (85 mm) | double (180 mm) | mm
 *     labels: {statistic: {mean: "sample mean"}, measure: {squared_error: "measured"}}
 *     panels:
 *       - {x: n, y: squared_error, reference: expected_squared_error, series: statistic, log_x: true,
 *          log_y: true, x_label: "samples n", y_label: "squared error", pass: "slope -1 on log-log axes"}
 *   - {id: one-panel, x: n, y: squared_error, ...}   # a one-panel figure: the panel's keys inline
 * </pre>
 */
public final class SpecLoader {
    /** Upper limit on the runs of one variant: a typo in a range should not plan a billion runs. */
    public static final int MAX_RUNS = 1_000_000;

    /** The seed of a spec without {@code seeds}, and the first of a count: seeds are numbered from 1, as on the command line. */
    public static final long FIRST_SEED = 1;

    private static final List<String> TOP_KEYS = List.of("name", "kind", "description", "base", "sweep", "seeds", "variants", "claims", "figures");
    private static final List<String> VARIANT_KEYS = List.of("description", "base", "sweep", "seeds", "claims");
    private static final List<String> CLAIM_KEYS = List.of("id", "statement", "measure", "filter", "range", "reduce", "test",
            "threshold", "along", "versus", "exact");
    private static final List<String> VERSUS_KEYS = List.of("measure", "filter", "op");
    private static final List<String> RANGE_KEYS = List.of("from", "to", "points", "log");
    private static final List<String> PANEL_KEYS = List.of("title", "x", "y", "reference", "series", "filter", "log_x", "log_y",
            "x_label", "y_label", "pass", "mark", "proportion", "positive", "claims");
    private static final List<String> FIGURE_KEYS = List.of("id", "title", "caption", "width", "columns", "labels", "panels");
    private static final List<String> SINGLE_PANEL_FIGURE_KEYS;

    static {
        List<String> k = new ArrayList<>(FIGURE_KEYS);
        k.remove("panels");
        k.addAll(PANEL_KEYS.subList(1, PANEL_KEYS.size()));
        SINGLE_PANEL_FIGURE_KEYS = List.copyOf(k);
    }

    private SpecLoader() {}

    /** Loads and fully validates a spec file. */
    public static ExperimentSpec load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new InvalidInputException("spec file " + file + " is not readable (" + e.getClass().getSimpleName() + ")");
        }
        return parse(file, text);
    }

    /** Parses and fully validates spec text; {@code file} names it in messages and gives the expected name. */
    public static ExperimentSpec parse(Path file, String text) {
        String fileName = file.toString();
        Node root = YamlTree.parse(fileName, text);
        MapNode top = mapping(root, "the spec");
        checkKeys(top, TOP_KEYS, "the spec");

        String name = requiredString(top, "name");
        Location nameAt = top.entries().get("name").value().at();
        if (!name.matches("[a-z0-9][a-z0-9-]*")) {
            throw nameAt.error("name must be lower-case letters, digits and dashes (got '" + name + "')");
        }
        String stem = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        if (!stem.equals(name)) {
            throw nameAt.error("name must equal the file name without .yaml, '" + stem + "' (got '" + name + "')");
        }
        String kindName = requiredString(top, "kind");
        Location kindAt = top.entries().get("kind").value().at();
        if (!RunKinds.contains(kindName)) {
            throw kindAt.error("kind must be a registered run kind, not " + NearestName.suggestion(kindName, RunKinds.names()));
        }
        RunKind kind = RunKinds.get(kindName);
        String description = optionalString(top, "description", "");
        ParameterSchema schema = kind.parameters();

        Map<String, Object> base = parameters(top.entries().get("base"), "base", schema);
        List<SweepAxis> sweep = axes(top.entries().get("sweep"), "sweep", schema);
        for (SweepAxis a : sweep) {
            if (base.containsKey(a.parameter())) {
                throw top.entries().get("sweep").value() instanceof MapNode m
                        ? m.entries().get(a.parameter()).at().error("sweep." + a.parameter()
                        + " is also set in base; keep one of them")
                        : new InvalidInputException(fileName + ": " + a.parameter() + " is in base and sweep");
            }
        }
        Entry seedsEntry = top.entries().get("seeds");
        List<Long> seeds = seedsEntry == null ? List.of(FIRST_SEED) : seeds(seedsEntry.value(), "seeds");

        Set<String> columns = new LinkedHashSet<>(schema.names());
        columns.addAll(kind.rowKeys());
        List<ClaimSpec> claims = claims(top.entries().get("claims"), "claims", columns, kind, schema);

        Map<String, ExperimentSpec.Variant> variants = new LinkedHashMap<>();
        Entry variantsEntry = top.entries().get("variants");
        if (variantsEntry != null) {
            MapNode vm = mapping(variantsEntry.value(), "variants");
            for (Entry e : vm.entries().values()) {
                String vName = e.key();
                if (!vName.matches("[a-z0-9][a-z0-9-]*") || vName.equals(ExperimentSpec.FULL)) {
                    throw e.at().error("variant names must be lower-case letters, digits and dashes and not '"
                            + ExperimentSpec.FULL + "' (got '" + vName + "')");
                }
                String where = "variants." + vName;
                MapNode v = mapping(e.value(), where);
                checkKeys(v, VARIANT_KEYS, where);
                Map<String, Object> vBase = parameters(v.entries().get("base"), where + ".base", schema);
                List<SweepAxis> vSweep = axes(v.entries().get("sweep"), where + ".sweep", schema);
                Entry vSeeds = v.entries().get("seeds");
                variants.put(vName, new ExperimentSpec.Variant(vName, optionalString(v, "description", ""), vBase, vSweep,
                        vSeeds == null ? null : seeds(vSeeds.value(), where + ".seeds"),
                        claims(v.entries().get("claims"), where + ".claims", columns, kind, schema)));
            }
        }

        List<FigureSpec> figures = new ArrayList<>();
        Entry figuresEntry = top.entries().get("figures");
        if (figuresEntry != null) {
            ListNode list = list(figuresEntry.value(), "figures");
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < list.items().size(); i++) {
                FigureSpec f = figure(list.items().get(i), "figures[" + i + "]", columns, kind, schema);
                if (!ids.add(f.id())) {
                    throw list.items().get(i).at().error("figures[" + i + "].id '" + f.id() + "' is used twice");
                }
                figures.add(f);
            }
        }

        ExperimentSpec spec = new ExperimentSpec(file, name, kind, description, figures, claims, base, sweep, seeds, variants);
        Map<String, Location> topKeys = new LinkedHashMap<>();
        keyLocations(top.entries().get("base"), topKeys);
        keyLocations(top.entries().get("sweep"), topKeys);
        for (String variant : spec.variantNames()) {
            Map<String, Location> keys = new LinkedHashMap<>(topKeys);
            Location variantAt = kindAt;
            if (variantsEntry != null && variantsEntry.value() instanceof MapNode vm && vm.entries().get(variant) != null) {
                Entry v = vm.entries().get(variant);
                variantAt = v.at();
                if (v.value() instanceof MapNode vmap) {
                    keyLocations(vmap.entries().get("base"), keys);
                    keyLocations(vmap.entries().get("sweep"), keys);
                }
            }
            checkRuns(spec, variant, keys, variantAt);
        }
        return spec;
    }

    /**
     * Plans a variant and lets the kind check every run: its cross-parameter rules and the
     * settings its engine would ignore ({@link RunKind#resolve}).
     */
    private static void checkRuns(ExperimentSpec spec, String variant, Map<String, Location> keys, Location fallback) {
        List<ResolvedParameters> runs = spec.plan(variant);
        if (runs.size() > MAX_RUNS) {
            throw new InvalidInputException(spec.source() + ": variant " + variant + " has " + runs.size()
                    + " runs; the limit is " + MAX_RUNS + " (check the sweep ranges)");
        }
        for (ResolvedParameters r : runs) {
            try {
                spec.kind().validate(r);
                spec.kind().resolve(r);
            } catch (InvalidInputException e) {
                throw at(e.getMessage(), keys, fallback).error("variant " + variant + ", run " + r + ": " + e.getMessage());
            }
        }
    }

    // ---- pieces -------------------------------------------------------------------------------

    /** Where each parameter key of a base or sweep mapping is written (later calls override earlier ones). */
    private static void keyLocations(Entry entry, Map<String, Location> into) {
        if (entry != null && entry.value() instanceof MapNode m) {
            m.entries().values().forEach(e -> into.put(e.key(), e.at()));
        }
    }

    /**
     * The line of the key a kind's message names ("rank must be ...", "a/b must be ..."): where the
     * spec sets it, else {@code fallback} (the variant, or the kind for the full sweep).
     */
    private static Location at(String message, Map<String, Location> keys, Location fallback) {
        String field = message == null ? "" : message.split(" ", 2)[0];
        for (String key : field.split("/")) {
            if (keys.containsKey(key)) {
                return keys.get(key);
            }
        }
        return fallback;
    }

    private static Map<String, Object> parameters(Entry entry, String where, ParameterSchema schema) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (entry == null) {
            return values;
        }
        MapNode m = mapping(entry.value(), where);
        for (Entry e : m.entries().values()) {
            ParameterSpec p = parameter(e, where, schema);
            ScalarNode s = scalar(e.value(), where + "." + e.key(), p.allowed());
            values.put(e.key(), normalise(p, where + "." + e.key(), s));
        }
        return values;
    }

    private static ParameterSpec parameter(Entry e, String where, ParameterSchema schema) {
        if (e.key().equals("seed")) {
            throw e.at().error(where + ".seed: seeds are set by the top-level key 'seeds' (a count or a list)");
        }
        ParameterSpec p = schema.get(e.key());
        if (p == null && schema.renamedTo(e.key()) != null) {
            throw e.at().error(where + "." + schema.renameNotice(e.key(), org.netropy.options.Naming.SPEC));
        }
        if (p == null) {
            throw e.at().error("unknown parameter " + NearestName.suggestion(e.key(), schema.names()) + " in " + where);
        }
        return p;
    }

    private static Object normalise(ParameterSpec p, String field, ScalarNode s) {
        try {
            return p.normalise(field, s.value());
        } catch (InvalidInputException ex) {
            throw s.at().error(ex.getMessage());
        }
    }

    private static List<SweepAxis> axes(Entry entry, String where, ParameterSchema schema) {
        List<SweepAxis> axes = new ArrayList<>();
        if (entry == null) {
            return axes;
        }
        MapNode m = mapping(entry.value(), where);
        for (Entry e : m.entries().values()) {
            ParameterSpec p = parameter(e, where, schema);
            String field = where + "." + e.key();
            List<Object> values = new ArrayList<>();
            Node v = e.value();
            if (v instanceof ScalarNode s) {
                values.add(normalise(p, field, s));
            } else if (v instanceof ListNode l) {
                if (l.items().isEmpty()) {
                    throw l.at().error(field + " must list at least one value (" + p.allowed() + ")");
                }
                for (Node item : l.items()) {
                    values.add(normalise(p, field, scalar(item, field, p.allowed())));
                }
            } else {
                values.addAll(range((MapNode) v, field, p));
            }
            List<Object> distinct = new ArrayList<>(new LinkedHashSet<>(values));
            if (distinct.size() != values.size() && !(v instanceof MapNode)) {
                throw v.at().error(field + " lists a value twice (" + values + ")");
            }
            axes.add(new SweepAxis(e.key(), distinct));
        }
        return axes;
    }

    /** {from, to, points, log}: points values from..to, evenly or geometrically spaced (integers rounded, repeats dropped). */
    private static List<Object> range(MapNode m, String field, ParameterSpec p) {
        checkKeys(m, RANGE_KEYS, field);
        if (p.type() != ParameterSpec.Type.INTEGER && p.type() != ParameterSpec.Type.NUMBER) {
            throw m.at().error(field + " is " + p.allowed() + "; a range {from, to, points, log} needs a numeric parameter");
        }
        double from = rangeNumber(m, "from", field);
        double to = rangeNumber(m, "to", field);
        if (!(from <= to)) {
            throw m.at().error(field + ".from must be <= " + field + ".to (got " + from + " > " + to + ")");
        }
        ScalarNode pointsNode = m.entries().containsKey("points") ? scalar(m.entries().get("points").value(), field + ".points", "an integer >= 1") : null;
        if (pointsNode == null || !(pointsNode.value() instanceof Long pts) || pts < 1 || pts > MAX_RUNS) {
            throw (pointsNode == null ? m.at() : pointsNode.at()).error(field + ".points must be an integer in [1, " + MAX_RUNS
                    + "] (got " + (pointsNode == null ? "nothing" : pointsNode.describe()) + ")");
        }
        boolean log = false;
        if (m.entries().containsKey("log")) {
            ScalarNode l = scalar(m.entries().get("log").value(), field + ".log", "true or false");
            if (!(l.value() instanceof Boolean b)) {
                throw l.at().error(field + ".log must be true or false (got " + l.describe() + ")");
            }
            log = b;
        }
        if (log && !(from > 0)) {
            throw m.at().error(field + ".from must be > 0 for a log range (got " + from + ")");
        }
        int points = (int) (long) pts;
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double t = points == 1 ? 0 : (double) i / (points - 1);
            double x = i == points - 1 ? to : log ? from * Math.pow(to / from, t) : from + (to - from) * t;
            Object raw = p.type() == ParameterSpec.Type.INTEGER ? (Object) Math.round(x) : (Object) x;
            try {
                values.add(p.normalise(field, raw));
            } catch (InvalidInputException ex) {
                throw m.at().error(ex.getMessage());
            }
        }
        return values;
    }

    private static double rangeNumber(MapNode m, String key, String field) {
        Entry e = m.entries().get(key);
        if (e == null) {
            throw m.at().error(field + "." + key + " is missing (a range is {from, to, points, log})");
        }
        ScalarNode s = scalar(e.value(), field + "." + key, "a number");
        if (!(s.value() instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw s.at().error(field + "." + key + " must be a finite number (got " + s.describe() + ")");
        }
        return n.doubleValue();
    }

    private static List<Long> seeds(Node node, String field) {
        String allowed = "a count >= 1 (seeds 1..count, as --seeds 1..count on the command line) or a list of distinct integers >= 0";
        List<Long> seeds = new ArrayList<>();
        if (node instanceof ScalarNode s) {
            if (!(s.value() instanceof Long count) || count < 1 || count > MAX_RUNS) {
                throw s.at().error(field + " must be " + allowed + " (got " + s.describe() + ")");
            }
            for (long i = FIRST_SEED; i < FIRST_SEED + count; i++) {
                seeds.add(i);
            }
        } else if (node instanceof ListNode l && !l.items().isEmpty()) {
            for (Node item : l.items()) {
                if (!(item instanceof ScalarNode s) || !(s.value() instanceof Long seed) || seed < 0 || seeds.contains(seed)) {
                    throw item.at().error(field + " must be " + allowed + " (got " + item.describe() + ")");
                }
                seeds.add(seed);
            }
        } else {
            throw node.at().error(field + " must be " + allowed + " (got " + node.describe() + ")");
        }
        return seeds;
    }

    /**
     * A figure: either {@code panels: [...]} (lettered a, b, …) or, for a one-panel figure, the
     * panel's keys directly beside the figure's.
     */
    private static FigureSpec figure(Node node, String where, Set<String> columns, RunKind kind, ParameterSchema schema) {
        MapNode m = mapping(node, where);
        boolean multi = m.entries().containsKey("panels");
        checkKeys(m, multi ? FIGURE_KEYS : SINGLE_PANEL_FIGURE_KEYS, where);
        String id = requiredString(m, "id", where);
        if (!id.matches("[a-z0-9][a-z0-9_-]*")) {
            throw m.entries().get("id").value().at().error(where + ".id must be lower-case letters, digits, '-' and '_' (got '" + id + "')");
        }
        List<FigureSpec.Panel> panels = new ArrayList<>();
        if (multi) {
            ListNode list = list(m.entries().get("panels").value(), where + ".panels");
            if (list.items().isEmpty()) {
                throw list.at().error(where + ".panels must list at least one panel");
            }
            for (int i = 0; i < list.items().size(); i++) {
                String pWhere = where + ".panels[" + i + "]";
                MapNode pm = mapping(list.items().get(i), pWhere);
                checkKeys(pm, PANEL_KEYS, pWhere);
                panels.add(panel(pm, pWhere, columns, kind, schema, ""));
            }
        } else {
            panels.add(panel(m, where, columns, kind, schema, null));
        }
        String width = optionalString(m, "width", panels.size() == 1 ? "single" : "double", where);
        if (!width.equals("single") && !width.equals("double") && !(width.matches("\\d+(\\.\\d+)?") && Double.parseDouble(width) >= 30)) {
            throw m.entries().get("width").value().at().error(where + ".width must be single, double or a width in mm >= 30 (got '" + width + "')");
        }
        int defaultColumns = panels.size() <= 3 ? panels.size() : panels.size() == 4 ? 2 : 3;
        int columnCount = defaultColumns;
        Entry ce = m.entries().get("columns");
        if (ce != null) {
            ScalarNode s = scalar(ce.value(), where + ".columns", "a whole number >= 1");
            if (!(s.value() instanceof Long c) || c < 1 || c > 6) {
                throw s.at().error(where + ".columns must be a whole number from 1 to 6 (got " + s.describe() + ")");
            }
            columnCount = (int) (long) c;
        }
        Map<String, Map<String, String>> labels = new LinkedHashMap<>();
        Entry le = m.entries().get("labels");
        if (le != null) {
            Set<String> labelled = new LinkedHashSet<>(columns);
            labelled.add("measure");
            for (Entry col : mapping(le.value(), where + ".labels").entries().values()) {
                if (!labelled.contains(col.key())) {
                    throw col.at().error("unknown column " + NearestName.suggestion(col.key(), labelled) + " in " + where + ".labels");
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (Entry v : mapping(col.value(), where + ".labels." + col.key()).entries().values()) {
                    ScalarNode s = scalar(v.value(), where + ".labels." + col.key() + "." + v.key(), "a text value");
                    values.put(v.key(), String.valueOf(s.value()));
                }
                labels.put(col.key(), values);
            }
        }
        return new FigureSpec(id, optionalString(m, "title", id, where), optionalString(m, "caption", "", where), width,
                columnCount, panels, labels);
    }

    private static FigureSpec.Panel panel(MapNode m, String where, Set<String> columns, RunKind kind, ParameterSchema schema,
                                          String defaultTitle) {
        String x = column(m, "x", where, columns, true);
        String series = column(m, "series", where, columns, false);
        if (!m.entries().containsKey("y")) {
            throw m.at().error(where + ".y is missing (a measure of kind " + kind.name() + ": " + String.join(", ", kind.measures()) + ")");
        }
        List<String> y = measures(m, "y", where, kind);
        List<String> reference = measures(m, "reference", where, kind);
        Map<String, Object> filter = new LinkedHashMap<>();
        Entry fEntry = m.entries().get("filter");
        if (fEntry != null) {
            MapNode fm = mapping(fEntry.value(), where + ".filter");
            for (Entry e : fm.entries().values()) {
                if (!columns.contains(e.key())) {
                    throw e.at().error("unknown column " + NearestName.suggestion(e.key(), columns) + " in " + where + ".filter");
                }
                ScalarNode s = scalar(e.value(), where + ".filter." + e.key(), "a value");
                ParameterSpec p = schema.get(e.key());
                filter.put(e.key(), p == null ? s.value() : normalise(p, where + ".filter." + e.key(), s));
            }
        }
        String mark = optionalString(m, "mark", "line", where);
        if (!FigureSpec.MARKS.contains(mark)) {
            throw m.entries().get("mark").value().at().error(where + ".mark must be one of " + String.join(", ", FigureSpec.MARKS)
                    + " (got '" + mark + "')");
        }
        if (mark.equals("heatmap") && (series == null || y.size() != 1 || !reference.isEmpty())) {
            throw m.entries().get("mark").value().at().error(where + ".mark heatmap needs one measure in y, no reference and"
                    + " series = the column of the matrix rows (x is the column of its columns)");
        }
        List<String> claims = new ArrayList<>();
        Entry cEntry = m.entries().get("claims");
        if (cEntry != null) {
            List<Node> nodes = cEntry.value() instanceof ListNode l ? l.items() : List.of(cEntry.value());
            for (Node n : nodes) {
                ScalarNode s = scalar(n, where + ".claims", "a claim id");
                if (!(s.value() instanceof String c) || !c.matches("[a-z0-9][a-z0-9-]*")) {
                    throw s.at().error(where + ".claims must list kebab-case claim ids (got " + s.describe() + ")");
                }
                claims.add(c);
            }
        }
        // a one-panel figure's title is the figure's; a panel of several has its own (optional)
        String title = defaultTitle == null ? "" : optionalString(m, "title", defaultTitle, where);
        return new FigureSpec.Panel(title, x, y, reference, series, filter,
                flag(m, "log_x", where), flag(m, "log_y", where),
                optionalString(m, "x_label", x, where), optionalString(m, "y_label", String.join(", ", y), where),
                optionalString(m, "pass", "", where), mark, flag(m, "proportion", where), flag(m, "positive", where), claims);
    }

    private static List<ClaimSpec> claims(Entry entry, String where, Set<String> columns, RunKind kind, ParameterSchema schema) {
        List<ClaimSpec> claims = new ArrayList<>();
        if (entry == null) {
            return claims;
        }
        ListNode list = list(entry.value(), where);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < list.items().size(); i++) {
            ClaimSpec c = claim(list.items().get(i), where + "[" + i + "]", columns, kind, schema);
            if (!ids.add(c.id())) {
                throw list.items().get(i).at().error(where + "[" + i + "].id '" + c.id() + "' is used twice");
            }
            claims.add(c);
        }
        return claims;
    }

    private static ClaimSpec claim(Node node, String where, Set<String> columns, RunKind kind, ParameterSchema schema) {
        MapNode m = mapping(node, where);
        checkKeys(m, CLAIM_KEYS, where);
        String id = requiredString(m, "id", where);
        if (!id.matches("[a-z0-9][a-z0-9-]*")) {
            throw m.entries().get("id").value().at().error(where + ".id must be kebab-case: lower-case letters, digits and dashes (got '" + id + "')");
        }
        String statement = requiredString(m, "statement", where);
        if (!m.entries().containsKey("measure")) {
            throw m.at().error(where + ".measure is missing (a measure of kind " + kind.name() + ": " + String.join(", ", kind.measures()) + ")");
        }
        List<String> measure = measures(m, "measure", where, kind);
        if (measure.isEmpty()) {
            throw m.entries().get("measure").value().at().error(where + ".measure must name at least one measure");
        }
        Map<String, List<Object>> filter = new LinkedHashMap<>();
        Entry fEntry = m.entries().get("filter");
        if (fEntry != null) {
            for (Entry e : mapping(fEntry.value(), where + ".filter").entries().values()) {
                String field = where + ".filter." + e.key();
                checkColumn(e, columns, where + ".filter");
                List<Node> items = e.value() instanceof ListNode l ? l.items() : List.of(e.value());
                if (items.isEmpty()) {
                    throw e.value().at().error(field + " must be a value or a non-empty list of values");
                }
                List<Object> values = new ArrayList<>();
                for (Node item : items) {
                    values.add(filterValue(scalar(item, field, "a value"), field, schema.get(e.key())));
                }
                filter.put(e.key(), values);
            }
        }
        Map<String, double[]> range = new LinkedHashMap<>();
        Entry rEntry = m.entries().get("range");
        if (rEntry != null) {
            for (Entry e : mapping(rEntry.value(), where + ".range").entries().values()) {
                checkColumn(e, columns, where + ".range");
                range.put(e.key(), interval(e.value(), where + ".range." + e.key()));
            }
        }
        ClaimSpec.Reduce reduce = ClaimSpec.Reduce.EACH;
        if (m.entries().containsKey("reduce")) {
            ScalarNode s = scalar(m.entries().get("reduce").value(), where + ".reduce", "each, max, min or mean");
            reduce = null;
            for (ClaimSpec.Reduce r : ClaimSpec.Reduce.values()) {
                if (r.yaml().equals(s.value())) {
                    reduce = r;
                }
            }
            if (reduce == null) {
                throw s.at().error(where + ".reduce must be each, max, min or mean (got " + s.describe() + ")");
            }
        }
        List<String> tests = java.util.Arrays.stream(ClaimSpec.Test.values()).map(ClaimSpec.Test::yaml).toList();
        if (!m.entries().containsKey("test")) {
            throw m.at().error(where + ".test is missing (one of " + String.join(", ", tests) + ")");
        }
        ScalarNode testNode = scalar(m.entries().get("test").value(), where + ".test", String.join(", ", tests));
        ClaimSpec.Test test = testNode.value() instanceof String t ? ClaimSpec.Test.of(t) : null;
        if (test == null) {
            throw testNode.at().error(where + ".test must be one of " + String.join(", ", tests) + " (got " + testNode.describe() + ")");
        }
        Entry tEntry = m.entries().get("threshold");
        double low = Double.NaN;
        double high = Double.NaN;
        if (test.monotone()) {
            if (tEntry != null) {
                throw tEntry.at().error(where + ".threshold does not go with test " + test.yaml() + " (remove it)");
            }
        } else {
            if (tEntry == null) {
                throw m.at().error(where + ".threshold is missing (" + (test == ClaimSpec.Test.WITHIN ? "[low, high]" : "a number") + ")");
            }
            String field = where + ".threshold";
            if (test == ClaimSpec.Test.WITHIN) {
                double[] iv = interval(tEntry.value(), field);
                low = iv[0];
                high = iv[1];
            } else {
                double t = finite(scalar(tEntry.value(), field, "a number"), field);
                if (test == ClaimSpec.Test.AT_MOST) {
                    high = t;
                } else if (test == ClaimSpec.Test.AT_LEAST) {
                    low = t;
                } else {
                    if (!(t > 0)) {
                        throw tEntry.value().at().error(field + " is the equivalence margin and must be > 0 (got " + t + ")");
                    }
                    low = -t;
                    high = t;
                }
            }
        }
        String along = null;
        Entry aEntry = m.entries().get("along");
        if (test.monotone()) {
            if (aEntry == null) {
                throw m.at().error(where + ".along is missing (the column the measure must be " + test.yaml() + " along)");
            }
            ScalarNode s = scalar(aEntry.value(), where + ".along", "a column name");
            if (!(s.value() instanceof String c) || !columns.contains(c)) {
                throw s.at().error(where + ".along must be a parameter or row key, not " + NearestName.suggestion(String.valueOf(s.value()), columns));
            }
            along = c;
        } else if (aEntry != null) {
            throw aEntry.at().error(where + ".along goes with test increasing or decreasing only (remove it)");
        }
        ClaimSpec.Versus versus = null;
        Entry vEntry = m.entries().get("versus");
        if (vEntry != null) {
            String vw = where + ".versus";
            MapNode v = mapping(vEntry.value(), vw);
            checkKeys(v, VERSUS_KEYS, vw);
            String vMeasure = v.entries().containsKey("measure") ? measures(v, "measure", vw, kind).get(0) : null;
            Map<String, Object> vFilter = new LinkedHashMap<>();
            if (v.entries().containsKey("filter")) {
                for (Entry e : mapping(v.entries().get("filter").value(), vw + ".filter").entries().values()) {
                    checkColumn(e, columns, vw + ".filter");
                    vFilter.put(e.key(), filterValue(scalar(e.value(), vw + ".filter." + e.key(), "a value"), vw + ".filter." + e.key(),
                            schema.get(e.key())));
                }
            }
            ClaimSpec.Operation op = ClaimSpec.Operation.DIFFERENCE;
            if (v.entries().containsKey("op")) {
                ScalarNode s = scalar(v.entries().get("op").value(), vw + ".op", "difference or ratio");
                if ("ratio".equals(s.value())) {
                    op = ClaimSpec.Operation.RATIO;
                } else if (!"difference".equals(s.value())) {
                    throw s.at().error(vw + ".op must be difference or ratio (got " + s.describe() + ")");
                }
            }
            if (vFilter.isEmpty() && (vMeasure == null || measure.equals(List.of(vMeasure)))) {
                throw v.at().error(vw + " must change the measure or the filter (it compares the statistic with itself)");
            }
            versus = new ClaimSpec.Versus(vMeasure, vFilter, op);
            if (test == ClaimSpec.Test.EQUIVALENT && op == ClaimSpec.Operation.RATIO) {
                low += 1;
                high += 1;
            }
        } else if (test == ClaimSpec.Test.EQUIVALENT) {
            throw m.at().error(where + ".versus is missing (test equivalent compares with a second statistic)");
        }
        return new ClaimSpec(id, statement, measure, filter, range, reduce, test, low, high, along, versus,
                flag(m, "exact", where));
    }

    private static void checkColumn(Entry e, Set<String> columns, String where) {
        if (!columns.contains(e.key())) {
            throw e.at().error("unknown column " + NearestName.suggestion(e.key(), columns) + " in " + where);
        }
    }

    private static Object filterValue(ScalarNode s, String field, ParameterSpec p) {
        return p == null ? s.value() : normalise(p, field, s);
    }

    /** [low, high] with numbers or inf / -inf (YAML's .inf is not read by the parser); low <= high. */
    private static double[] interval(Node n, String field) {
        if (!(n instanceof ListNode l) || l.items().size() != 2) {
            throw n.at().error(field + " must be [low, high] (got " + n.describe() + ")");
        }
        double[] iv = new double[2];
        for (int i = 0; i < 2; i++) {
            ScalarNode s = scalar(l.items().get(i), field, "a number");
            if (s.value() instanceof Number x && !Double.isNaN(x.doubleValue())) {
                iv[i] = x.doubleValue();
            } else if ("inf".equals(s.value()) || "-inf".equals(s.value())) {
                iv[i] = "inf".equals(s.value()) ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
            } else {
                throw s.at().error(field + " must be [low, high] with numbers, inf or -inf (got " + s.describe() + ")");
            }
        }
        if (!(iv[0] <= iv[1])) {
            throw n.at().error(field + " must have low <= high (got [" + iv[0] + ", " + iv[1] + "])");
        }
        return iv;
    }

    private static double finite(ScalarNode s, String field) {
        if (!(s.value() instanceof Number x) || !Double.isFinite(x.doubleValue())) {
            throw s.at().error(field + " must be a finite number (got " + s.describe() + ")");
        }
        return x.doubleValue();
    }

    /** A measure name or a list of them; empty if the key is absent. */
    private static List<String> measures(MapNode m, String key, String where, RunKind kind) {
        List<String> out = new ArrayList<>();
        Entry e = m.entries().get(key);
        if (e == null) {
            return out;
        }
        List<Node> nodes = e.value() instanceof ListNode l ? l.items() : List.of(e.value());
        for (Node n : nodes) {
            ScalarNode s = scalar(n, where + "." + key, "a measure name");
            if (!(s.value() instanceof String measure) || (!kind.measures().isEmpty() && !kind.measures().contains(measure))) {
                throw s.at().error(where + "." + key + " must be a measure of kind " + kind.name() + ", not "
                        + NearestName.suggestion(String.valueOf(s.value()), kind.measures()));
            }
            out.add(measure);
        }
        return out;
    }

    private static String column(MapNode m, String key, String where, Set<String> columns, boolean required) {
        Entry e = m.entries().get(key);
        if (e == null) {
            if (required) {
                throw m.at().error(where + "." + key + " is missing (one of " + String.join(", ", columns) + ")");
            }
            return null;
        }
        ScalarNode s = scalar(e.value(), where + "." + key, "a column name");
        if (!(s.value() instanceof String c) || !columns.contains(c)) {
            throw s.at().error(where + "." + key + " must be a parameter or row key, not " + NearestName.suggestion(String.valueOf(s.value()), columns));
        }
        return c;
    }

    private static boolean flag(MapNode m, String key, String where) {
        Entry e = m.entries().get(key);
        if (e == null) {
            return false;
        }
        ScalarNode s = scalar(e.value(), where + "." + key, "true or false");
        if (!(s.value() instanceof Boolean b)) {
            throw s.at().error(where + "." + key + " must be true or false (got " + s.describe() + ")");
        }
        return b;
    }

    // ---- generic node checks ------------------------------------------------------------------

    private static void checkKeys(MapNode m, List<String> allowed, String where) {
        for (Entry e : m.entries().values()) {
            if (!allowed.contains(e.key())) {
                throw e.at().error("unknown key " + NearestName.suggestion(e.key(), allowed) + " in " + where);
            }
        }
    }

    private static MapNode mapping(Node n, String where) {
        if (n instanceof MapNode m) {
            return m;
        }
        throw n.at().error(where + " must be a mapping of key: value lines (got " + n.describe() + ")");
    }

    private static ListNode list(Node n, String where) {
        if (n instanceof ListNode l) {
            return l;
        }
        throw n.at().error(where + " must be a list (got " + n.describe() + ")");
    }

    private static ScalarNode scalar(Node n, String where, String allowed) {
        if (n instanceof ScalarNode s) {
            return s;
        }
        throw n.at().error(where + " must be " + allowed + " (got " + n.describe() + ")");
    }

    private static String requiredString(MapNode m, String key) {
        return requiredString(m, key, "the spec");
    }

    private static String requiredString(MapNode m, String key, String where) {
        Entry e = m.entries().get(key);
        if (e == null) {
            throw m.at().error("missing key '" + key + "' in " + where);
        }
        ScalarNode s = scalar(e.value(), key, "a text value");
        if (!(s.value() instanceof String str) || str.isBlank()) {
            throw s.at().error(key + " must be a non-empty text value (got " + s.describe() + ")");
        }
        return str;
    }

    private static String optionalString(MapNode m, String key, String fallback) {
        return optionalString(m, key, fallback, "the spec");
    }

    private static String optionalString(MapNode m, String key, String fallback, String where) {
        Entry e = m.entries().get(key);
        if (e == null) {
            return fallback;
        }
        ScalarNode s = scalar(e.value(), key, "a text value");
        if (!(s.value() instanceof String str)) {
            throw s.at().error(key + " must be a text value (got " + s.describe() + "; quote it)");
        }
        return str;
    }
}
