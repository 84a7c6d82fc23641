package io.workflowversions.store;

/**
 * A committed change of a test-suite control ({@link ChangeTopics#CONTROL} topics), by any instance; the topic is
 * {@link ChangeTopics#EVERYTHING} when changes may have been missed (at start, and after the log could not be read).
 */
public record ControlChanged(String topic) {

    public boolean concerns(String control) {
        return topic.equals(control) || topic.equals(ChangeTopics.EVERYTHING);
    }
}
