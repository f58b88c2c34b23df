package org.opencrm.platform.starter.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

class DeadLettersTest {

    @Test
    void anUnreachableOrBusyDatabaseIsWaitedForWhereverItSitsInTheCauses() {
        assertThat(DeadLetters.isTransient(wrapped(new CannotGetJdbcConnectionException("pool exhausted")))).isTrue();
        assertThat(DeadLetters.isTransient(wrapped(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("timeout"))))).isTrue();
        assertThat(DeadLetters.isTransient(wrapped(new CannotAcquireLockException("lock timeout")))).isTrue();
    }

    @Test
    void aFailureOfTheRecordItselfIsNotWaitedFor() {
        assertThat(DeadLetters.isTransient(wrapped(new DataIntegrityViolationException("duplicate")))).isFalse();
        assertThat(DeadLetters.isTransient(wrapped(new MalformedEventException("not JSON", null)))).isFalse();
        assertThat(DeadLetters.isTransient(wrapped(new IllegalStateException("a bug")))).isFalse();
    }

    private static Exception wrapped(Exception cause) {
        return new ListenerExecutionFailedException("listener failed", cause);
    }
}
