package org.netropy.task;

import java.util.Map;

/**
 * A context-dependent task a network is trained on: metadata that says where it comes from, and
 * the exact data set (THEORY §1). New tasks are added by implementing this interface and
 * registering a factory in {@link TaskRegistry}.
 */
public interface Task {

    /** Registry name, e.g. "input-selection" or "flesch". */
    String name();

    /** The paper the task comes from (short citation). */
    String paper();

    /** One-sentence description. */
    String description();

    /** Stimulus features D. */
    int features();

    /** Contexts C. */
    int contexts();

    /** The training set (deterministic once the task object is built). */
    TaskData data();

    /** The task's settings, recorded with every run (JSON-serialisable values). */
    Map<String, Object> settings();
}
