package io.workflowversions.support;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Declares the test database for every {@code @QuarkusTest} of the run (a resource that is not restricted to the
 * annotated class applies to all of them).
 */
@QuarkusTestResource(TestDatabase.class)
public final class UsesTestDatabase {

    private UsesTestDatabase() {
    }
}
