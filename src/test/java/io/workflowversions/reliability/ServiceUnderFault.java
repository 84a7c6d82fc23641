package io.workflowversions.reliability;

import io.workflowversions.boot.EmbeddedDatabase;
import io.workflowversions.support.ServiceProcess;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * One packaged service on a database of its own, for a test that injects a fault into either; both are stopped
 * after the test and the service's log is kept under the test's name.
 */
abstract class ServiceUnderFault {

    @TempDir
    Path workDir;

    EmbeddedDatabase database;
    ServiceProcess service;

    @AfterEach
    void stopServiceAndDatabase() {
        if (service != null) {
            service.stop();
            service.keepLog(getClass().getSimpleName());
        }
        if (database != null) {
            database.close();
        }
    }
}
