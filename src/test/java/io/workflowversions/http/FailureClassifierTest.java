package io.workflowversions.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import org.junit.jupiter.api.Test;

/** How failures of the database connection are told apart from the service's own faults. */
class FailureClassifierTest {

    private final FailureClassifier classifier = new FailureClassifier(new JsonFieldNames(new ObjectMapper()));

    @Test
    void everyWayTheDatabaseConnectionCanFailIsUnavailable() {
        assertThat(kind(new ConnectException("Connection refused"))).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(kind(new SocketException("Connection reset"))).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(kind(new ClosedChannelException())).isEqualTo(FailureKind.UNAVAILABLE);
        IOException reset = new IOException("Connection reset by peer");
        reset.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("sun.nio.ch.SocketDispatcher", "read", "SocketDispatcher.java", 47),
                new StackTraceElement("io.netty.channel.socket.nio.NioSocketChannel", "doReadBytes", null, 357)});
        assertThat(kind(reset)).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(kind(new PgException("terminating connection due to administrator command", "FATAL", "57P01", null)))
                .isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(kind(new PgException("the database system is starting up", "FATAL", "57P03", null)))
                .isEqualTo(FailureKind.UNAVAILABLE);
    }

    /** Hibernate Reactive's words for a statement on a connection the database closed a moment before. */
    @Test
    void aStatementOnAClosedConnectionIsUnavailable() {
        Throwable closed = new io.vertx.core.impl.NoStackTraceThrowable("Connection is not active now, current status: CLOSED");
        assertThat(kind(new org.hibernate.HibernateException(closed))).isEqualTo(FailureKind.UNAVAILABLE);
    }

    @Test
    void aConnectionFailureWrappedWithAFailedRollbackIsStillUnavailable() {
        Throwable rollback = new IllegalStateException("Transaction rollback failed");
        assertThat(kind(new CompositeException(rollback, new RuntimeException(new SocketException("Connection reset")))))
                .isEqualTo(FailureKind.UNAVAILABLE);
    }

    /** A second holder of an exclusive state, refused by the deferred unique constraint when the transaction commits. */
    @Test
    void aUniqueViolationIsAConflict() {
        PgException atCommit = new PgException(
                "duplicate key value violates unique constraint \"workflow_version_exclusive_unique\"", "ERROR", "23505",
                "Key (workflow_id, exclusive_state)=(7, Deployed) already exists.");
        Failure failure = classifier.classify(atCommit);
        assertThat(failure.kind()).isEqualTo(FailureKind.CONFLICT);
        assertThat(failure.message()).isEqualTo("Conflicts with existing data");
    }

    @Test
    void anythingElseIsTheServicesOwnFault() {
        assertThat(kind(new IllegalStateException("bug"))).isEqualTo(FailureKind.INTERNAL);
        IOException disk = new IOException("No space left on device");
        disk.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("java.io.FileOutputStream", "writeBytes", "FileOutputStream.java", 349)});
        assertThat(kind(disk)).isEqualTo(FailureKind.INTERNAL);
        IOException form = new IOException("Unexpected end of multipart data");
        form.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("org.jboss.resteasy.reactive.server.core.multipart.MultipartParser", "parse", null, 1),
                new StackTraceElement("io.netty.channel.AbstractChannelHandlerContext", "invokeChannelRead", null, 1)});
        assertThat(kind(form)).isEqualTo(FailureKind.MALFORMED_BODY);
    }

    private FailureKind kind(Throwable thrown) {
        return classifier.classify(thrown).kind();
    }
}
