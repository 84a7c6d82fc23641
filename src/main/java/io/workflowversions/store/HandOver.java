package io.workflowversions.store;

import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What becomes of the version that holds an exclusive state (activated, deployed, draft, pending approval) when
 * another version of its workflow takes it: {@link VersionStore#handOver} and {@link VersionStore#release}.
 */
public sealed interface HandOver {

    /** The holder moves to {@code state}, with {@code alsoChange} applied to it. */
    record MoveTo(String state, Consumer<WorkflowVersion> alsoChange) implements HandOver {
    }

    /** The holder is deleted. */
    record Delete() implements HandOver {
    }

    /** The state cannot be taken while another version holds it: the failure names the holder. */
    record Refuse(Function<WorkflowVersion, RuntimeException> failure) implements HandOver {
    }

    static HandOver moveTo(String state) {
        return new MoveTo(state, holder -> { });
    }

    static HandOver moveTo(String state, Consumer<WorkflowVersion> alsoChange) {
        return new MoveTo(state, alsoChange);
    }

    static HandOver delete() {
        return new Delete();
    }

    static HandOver refuse(Function<WorkflowVersion, RuntimeException> failure) {
        return new Refuse(failure);
    }
}
