package io.workflowversions.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.workflowversions.boot.EmbeddedDatabase;
import io.workflowversions.reliability.WriteLoad.Write;
import io.workflowversions.support.ServiceProcess;
import io.workflowversions.support.ServiceProcess.SharedKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The service process is killed with SIGKILL in the middle of a write load on every dialect and started again on
 * the same database: every write answered 2xx before the kill is there, and no version number is duplicated.
 */
class CrashIT extends ServiceUnderFault {

    @Test
    void aKilledServiceLosesNoAnsweredWriteAndDuplicatesNoNumber() throws Exception {
        database = EmbeddedDatabase.start(workDir.resolve("pg"), true);
        Db db = new Db(database.jdbcUrl());
        SharedKeys keys = SharedKeys.generate();
        Map<String, String> env = ServiceProcess.sharedInstanceEnv(database, keys);
        Path serviceDir = Files.createDirectories(workDir.resolve("service"));
        service = ServiceProcess.start(serviceDir, env);
        service.awaitReady(Duration.ofSeconds(40));
        int port = service.port();
        ProcessTenants t = ProcessTenants.create(service.url(), keys.adminToken());
        WriteLoad load = WriteLoad.on(service.url(), t);

        long killFrom;
        long killTo;
        long restarted;
        try (WriteLoad running = load.start()) {
            long began = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> load.everyDialectSucceeded(20, began));

            killFrom = System.nanoTime();
            service.kill();
            killTo = System.nanoTime();
            assertThat(service.alive()).isFalse();
            service.keepLog("CrashIT-killed");

            // The same address, the same database, the same keys: the tokens of the load stay valid.
            service = ServiceProcess.start(serviceDir, env, port);
            service.awaitReady(Duration.ofSeconds(40));
            restarted = System.nanoTime();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> load.everyDialectSucceeded(5, restarted));
        }
        // Whatever was not answered 2xx was cut off by the kill (no answer) or sent while nothing listened.
        assertThat(load.writes()).filteredOn(w -> !w.succeeded())
                .allSatisfy(w -> assertThat(w.inFlightDuring(killFrom, restarted)).as(w.toString()).isTrue());

        Ledger.Figures figures = Ledger.check(load, db, t, killFrom, killTo);
        long beforeKill = load.writes().stream().filter(w -> w.succeeded() && w.ended() < killFrom).count();
        System.out.printf("[reliability] crash: 1 fault (SIGKILL of the service under load, restarted in %d ms),"
                + " %s, answered 2xx before the kill %d, all present%n",
                (restarted - killFrom) / 1_000_000, figures, beforeKill);
        assertThat(load.writes().stream().filter(Write::succeeded).filter(w -> w.started() > restarted)).isNotEmpty();
    }
}
