package io.workflowversions.store;

import java.util.UUID;

/** The topics the change log names (migration V90): what a cached read depends on. */
public final class ChangeTopics {

    /** Everything: a table was truncated. */
    public static final String EVERYTHING = "*";

    /** The prefix of the test-suite controls' topics, which no cached read depends on. */
    public static final String CONTROL = "control:";

    /** The fault rules (migration V100). */
    public static final String FAULTS = CONTROL + "faults";

    /** The clocks (migration V120). */
    public static final String CLOCK = CONTROL + "clock";

    private ChangeTopics() {
    }

    /** One version: its reads by id. */
    public static String version(long id) {
        return "v:" + id;
    }

    /** A workflow and all its versions: its pages. */
    public static String workflow(long id) {
        return "w:" + id;
    }

    public static String credential(UUID id) {
        return "c:" + id;
    }

    public static String session(UUID id) {
        return "s:" + id;
    }
}
