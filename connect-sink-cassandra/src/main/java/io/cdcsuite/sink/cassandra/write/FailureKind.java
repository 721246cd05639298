package io.cdcsuite.sink.cassandra.write;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import com.datastax.oss.driver.api.core.AllNodesFailedException;
import com.datastax.oss.driver.api.core.DriverException;
import com.datastax.oss.driver.api.core.DriverTimeoutException;
import com.datastax.oss.driver.api.core.InvalidKeyspaceException;
import com.datastax.oss.driver.api.core.NodeUnavailableException;
import com.datastax.oss.driver.api.core.RequestThrottlingException;
import com.datastax.oss.driver.api.core.UnsupportedProtocolVersionException;
import com.datastax.oss.driver.api.core.auth.AuthenticationException;
import com.datastax.oss.driver.api.core.connection.BusyConnectionException;
import com.datastax.oss.driver.api.core.connection.ClosedConnectionException;
import com.datastax.oss.driver.api.core.connection.ConnectionInitException;
import com.datastax.oss.driver.api.core.connection.CrcMismatchException;
import com.datastax.oss.driver.api.core.connection.FrameTooLongException;
import com.datastax.oss.driver.api.core.connection.HeartbeatException;
import com.datastax.oss.driver.api.core.servererrors.AlreadyExistsException;
import com.datastax.oss.driver.api.core.servererrors.BootstrappingException;
import com.datastax.oss.driver.api.core.servererrors.FunctionFailureException;
import com.datastax.oss.driver.api.core.servererrors.OverloadedException;
import com.datastax.oss.driver.api.core.servererrors.ProtocolError;
import com.datastax.oss.driver.api.core.servererrors.QueryValidationException;
import com.datastax.oss.driver.api.core.servererrors.ReadTimeoutException;
import com.datastax.oss.driver.api.core.servererrors.TruncateException;
import com.datastax.oss.driver.api.core.servererrors.UnauthorizedException;
import com.datastax.oss.driver.api.core.servererrors.UnavailableException;
import com.datastax.oss.driver.api.core.servererrors.WriteTimeoutException;
import com.datastax.oss.driver.api.core.type.codec.CodecNotFoundException;

/** How the writer treats a failed request. */
public enum FailureKind {
    /** Cassandra is (partly) unavailable: retry with backoff until it is back (or retry.timeout.ms). */
    TRANSIENT,
    /** May be transient or caused by the data (write failure on replicas, server error): retry a few times. */
    SUSPECT,
    /** The request can never succeed as it is: split it, then dead-letter the records (or fail the task). */
    RECORD,
    /** No write can succeed (permissions, protocol): fail the task. */
    FATAL;

    private static final List<Class<? extends Throwable>> TRANSIENT_ERRORS = List.of(
            DriverTimeoutException.class, RequestThrottlingException.class, NodeUnavailableException.class,
            BusyConnectionException.class, ClosedConnectionException.class, HeartbeatException.class,
            ConnectionInitException.class, CrcMismatchException.class, BootstrappingException.class,
            OverloadedException.class, UnavailableException.class, WriteTimeoutException.class,
            ReadTimeoutException.class, TruncateException.class);

    private static final List<Class<? extends Throwable>> FATAL_ERRORS = List.of(
            UnauthorizedException.class, AuthenticationException.class, UnsupportedProtocolVersionException.class);

    private static final List<Class<? extends Throwable>> RECORD_ERRORS = List.of(
            QueryValidationException.class, FrameTooLongException.class, FunctionFailureException.class,
            AlreadyExistsException.class, ProtocolError.class, CodecNotFoundException.class,
            InvalidKeyspaceException.class, IllegalArgumentException.class, ClassCastException.class);

    public static FailureKind of(Throwable error) {
        Throwable cause = unwrap(error);
        if (cause instanceof AllNodesFailedException allFailed) {
            return allNodesFailed(allFailed);
        }
        if (isAny(cause, FATAL_ERRORS)) {
            return FATAL;
        }
        if (isAny(cause, TRANSIENT_ERRORS)) {
            return TRANSIENT;
        }
        if (isAny(cause, RECORD_ERRORS)) {
            return RECORD;
        }
        // write/read failures on replicas, server errors, CDC space, unknown driver errors
        return cause instanceof DriverException ? SUSPECT : FATAL;
    }

    /** The cause of completion wrappers. */
    public static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** No node could be reached: an outage, unless every node refused the credentials. */
    private static FailureKind allNodesFailed(AllNodesFailedException error) {
        Map<?, List<Throwable>> errors = error.getAllErrors();
        boolean allAuthentication = !errors.isEmpty() && errors.values().stream().flatMap(List::stream)
                .allMatch(e -> e instanceof AuthenticationException);
        return allAuthentication ? FATAL : TRANSIENT;
    }

    private static boolean isAny(Throwable error, List<Class<? extends Throwable>> types) {
        return types.stream().anyMatch(type -> type.isInstance(error));
    }
}
