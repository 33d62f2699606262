package cn.yibao.portal.database;

import io.r2dbc.spi.Batch;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionMetadata;
import io.r2dbc.spi.IsolationLevel;
import io.r2dbc.spi.Statement;
import io.r2dbc.spi.TransactionDefinition;
import io.r2dbc.spi.ValidationDepth;
import io.r2dbc.spi.Wrapped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Publisher;

/** A pooled connection that tells its request's {@link HeldConnections} when it is given back; all else delegates. */
final class TrackedConnection implements Connection, Wrapped<Connection> {

    private final Connection connection;
    private final HeldConnections held;
    private final AtomicBoolean open = new AtomicBoolean(true);

    private TrackedConnection(Connection connection, HeldConnections held) {
        this.connection = connection;
        this.held = held;
    }

    static TrackedConnection of(Connection connection, HeldConnections held) {
        held.acquired();
        return new TrackedConnection(connection, held);
    }

    @Override
    public Publisher<Void> close() {
        // Counted as given back once the release starts: it completes without waiting for anything of the request.
        if (open.compareAndSet(true, false)) {
            held.released();
        }
        return connection.close();
    }

    @Override
    public Connection unwrap() {
        return connection;
    }

    @Override
    public Publisher<Void> beginTransaction() {
        return connection.beginTransaction();
    }

    @Override
    public Publisher<Void> beginTransaction(TransactionDefinition definition) {
        return connection.beginTransaction(definition);
    }

    @Override
    public Publisher<Void> commitTransaction() {
        return connection.commitTransaction();
    }

    @Override
    public Batch createBatch() {
        return connection.createBatch();
    }

    @Override
    public Publisher<Void> createSavepoint(String name) {
        return connection.createSavepoint(name);
    }

    @Override
    public Statement createStatement(String sql) {
        return connection.createStatement(sql);
    }

    @Override
    public boolean isAutoCommit() {
        return connection.isAutoCommit();
    }

    @Override
    public ConnectionMetadata getMetadata() {
        return connection.getMetadata();
    }

    @Override
    public IsolationLevel getTransactionIsolationLevel() {
        return connection.getTransactionIsolationLevel();
    }

    @Override
    public Publisher<Void> releaseSavepoint(String name) {
        return connection.releaseSavepoint(name);
    }

    @Override
    public Publisher<Void> rollbackTransaction() {
        return connection.rollbackTransaction();
    }

    @Override
    public Publisher<Void> rollbackTransactionToSavepoint(String name) {
        return connection.rollbackTransactionToSavepoint(name);
    }

    @Override
    public Publisher<Void> setAutoCommit(boolean autoCommit) {
        return connection.setAutoCommit(autoCommit);
    }

    @Override
    public Publisher<Void> setLockWaitTimeout(Duration timeout) {
        return connection.setLockWaitTimeout(timeout);
    }

    @Override
    public Publisher<Void> setStatementTimeout(Duration timeout) {
        return connection.setStatementTimeout(timeout);
    }

    @Override
    public Publisher<Void> setTransactionIsolationLevel(IsolationLevel isolationLevel) {
        return connection.setTransactionIsolationLevel(isolationLevel);
    }

    @Override
    public Publisher<Boolean> validate(ValidationDepth depth) {
        return connection.validate(depth);
    }
}
