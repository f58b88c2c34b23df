package org.opencrm.platform.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.core.EventPublicationRepository;

class GroupCommittingPublicationsTest {

    /** What Modulith's repository was asked to do, each line "transaction: call id". */
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger transactions = new AtomicInteger();
    private final ThreadLocal<Integer> transaction = new ThreadLocal<>();
    private final CountDownLatch firstTransactionMayEnd = new CountDownLatch(1);
    private final CountDownLatch firstTransactionStarted = new CountDownLatch(1);
    private GroupCommittingPublications publications;

    private final EventPublicationRepository modulith = (EventPublicationRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {EventPublicationRepository.class},
            (proxy, method, args) -> {
                calls.add((transaction.get() == null ? "none" : transaction.get()) + ": " + method.getName() + " " + args[0]);
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    private final Consumer<Runnable> inOneTransaction = work -> {
        int number = transactions.incrementAndGet();
        transaction.set(number);
        try {
            if (number == 1) {
                firstTransactionStarted.countDown();
                await().until(() -> firstTransactionMayEnd.await(10, TimeUnit.SECONDS));
            }
            work.run();
        } finally {
            transaction.remove();
        }
    };

    @AfterEach
    void close() throws InterruptedException {
        firstTransactionMayEnd.countDown();
        if (publications != null) {
            publications.destroy();
        }
    }

    @Test
    void marksMadeWhileAGroupIsWrittenGoInTheNextTransactionInTheirOrder() throws InterruptedException {
        publications = new GroupCommittingPublications(modulith, inOneTransaction);
        UUID first = UUID.randomUUID();
        UUID sent = UUID.randomUUID();
        UUID failed = UUID.randomUUID();
        UUID stillSending = UUID.randomUUID();
        Instant now = Instant.now();

        publications.markProcessing(first);
        assertThat(firstTransactionStarted.await(10, TimeUnit.SECONDS)).isTrue();
        publications.markCompleted(first, now);
        publications.markProcessing(sent);
        publications.markProcessing(failed);
        publications.markCompleted(sent, now);
        publications.markFailed(failed);
        publications.markProcessing(stillSending);
        firstTransactionMayEnd.countDown();

        await().until(() -> calls.size() == 5);
        assertThat(calls).containsExactly(
                "1: markProcessing " + first,
                "2: markCompleted " + first,
                // concluded in the same group: not marked processing on the way
                "2: markCompleted " + sent,
                "2: markFailed " + failed,
                "2: markProcessing " + stillSending);
        assertThat(transactions).hasValue(2);
    }

    @Test
    void atShutdownWhatIsQueuedIsWrittenAndLaterMarksOneByOne() throws InterruptedException {
        publications = new GroupCommittingPublications(modulith, inOneTransaction);
        UUID queued = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        publications.markProcessing(UUID.randomUUID());
        assertThat(firstTransactionStarted.await(10, TimeUnit.SECONDS)).isTrue();
        publications.markCompleted(queued, Instant.now());
        firstTransactionMayEnd.countDown();

        publications.destroy();
        assertThat(calls).contains("2: markCompleted " + queued);

        publications.markCompleted(late, Instant.now());
        assertThat(calls).last().isEqualTo("3: markCompleted " + late);
    }

    @Test
    void everythingElseIsModulithsOwn() {
        publications = new GroupCommittingPublications(modulith, inOneTransaction);
        UUID id = UUID.randomUUID();

        publications.markResubmitted(id, Instant.now());

        assertThat(calls).containsExactly("none: markResubmitted " + id);
    }
}
