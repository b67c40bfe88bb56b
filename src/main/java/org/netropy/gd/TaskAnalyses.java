package org.netropy.gd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.netropy.task.Task;
import org.netropy.task.TaskRegistry;

/**
 * The representation analyses by the name tasks declare on their registry line. To add one,
 * implement {@link TaskAnalysis} and add a line below; a task asks for it by that name.
 */
public final class TaskAnalyses {
    private static final Map<String, TaskAnalysis> BY_NAME = new LinkedHashMap<>();

    static {
        add(FleschAnalysis.ANALYSIS);
    }

    private TaskAnalyses() {}

    private static void add(TaskAnalysis a) {
        BY_NAME.put(a.name(), a);
    }

    /** Every analysis, in registration order (their columns follow the regime metrics in this order). */
    public static List<TaskAnalysis> all() {
        return List.copyOf(BY_NAME.values());
    }

    /** The table columns of every analysis. */
    static List<String> columns() {
        List<String> cols = new ArrayList<>();
        for (TaskAnalysis a : BY_NAME.values()) {
            cols.addAll(a.columns());
        }
        return cols;
    }

    /**
     * The analysis a task declares, or null when it declares none (or is not registered). A name
     * no analysis has is a programming error of the registry line.
     */
    public static TaskAnalysis of(Task task) {
        String name = TaskRegistry.analysis(task.name());
        if (name.equals(TaskRegistry.NO_ANALYSIS)) {
            return null;
        }
        TaskAnalysis a = BY_NAME.get(name);
        if (a == null) {
            throw new IllegalStateException("task " + task.name() + " declares the analysis '" + name + "', which is not among "
                    + BY_NAME.keySet() + " (gd.TaskAnalyses)");
        }
        return a;
    }
}
