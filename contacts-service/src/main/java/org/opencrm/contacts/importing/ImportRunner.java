package org.opencrm.contacts.importing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.contacts.importing.ImportJobs.ImportJob;
import org.opencrm.contacts.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background, each on a virtual thread of its own, as the user who started it (their
 * identity is the job's: the tenant for every query, the actor of the history and the events).
 * <p>
 * A second virtual thread per import records its progress every {@link ImportSettings#beatInterval} on its
 * own connection (the import's transaction would hide it until the commit) and reads whether the user asked
 * to cancel, on whichever instance they asked; the import checks that between batches and rolls back.
 * On shutdown running imports are rolled back and marked failed, to be started again.
 */
@Component
class ImportRunner implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final ImportWriter writer;
    private final ImportAnnouncer announcer;
    private final TransactionTemplate transactions;
    private final Settings settings;
    private final CustomFields customFields;
    private final ImportValidator validator;
    private final ImportSettings importSettings;
    private final ContactTable contactTable;
    private final CompanyTable companyTable;
    private final Directory directory;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("contact-import-", 0).factory());
    private final Semaphore turns;
    private final Map<UUID, AtomicReference<ImportStoppedException>> running = new ConcurrentHashMap<>();
    private final Set<UUID> announcing = ConcurrentHashMap.newKeySet();
    private volatile boolean stopping;

    ImportRunner(ImportJobs jobs, ImportWriter writer, ImportAnnouncer announcer, TransactionTemplate transactions,
            Settings settings, CustomFields customFields, ImportValidator validator, ImportSettings importSettings,
            ContactTable contactTable, CompanyTable companyTable, Directory directory) {
        this.jobs = jobs;
        this.writer = writer;
        this.announcer = announcer;
        this.transactions = transactions;
        this.settings = settings;
        this.customFields = customFields;
        this.validator = validator;
        this.importSettings = importSettings;
        this.contactTable = contactTable;
        this.companyTable = companyTable;
        this.directory = directory;
        this.turns = new Semaphore(Math.max(1, importSettings.concurrent()));
    }

    /** Runs a job that was just marked running, as the given user. */
    void start(ImportJob job, List<RowChecker.Target> targets, Duplicates duplicates, Visibility visibility,
            Authentication user) {
        var stop = new AtomicReference<ImportStoppedException>();
        running.put(job.id(), stop);
        threads.execute(() -> {
            SecurityContextHolder.setContext(new SecurityContextImpl(user));
            try {
                run(job, targets, duplicates, visibility, stop);
            } finally {
                running.remove(job.id());
                SecurityContextHolder.clearContext();
            }
        });
    }

    /** Resumes the announcements of a completed import whose announcer stopped, unless this instance runs it. */
    void resumeAnnouncing(UUID importId, UUID tenantId, CardType card) {
        if (!stopping && announcing.add(importId)) {
            threads.execute(() -> {
                try {
                    announcer.announce(importId, tenantId, card, () -> stopping);
                } catch (RuntimeException e) {
                    log.error("Import {}: announcing its cards failed; it is tried again later", importId, e);
                } finally {
                    announcing.remove(importId);
                }
            });
        }
    }

    private void run(ImportJob job, List<RowChecker.Target> targets, Duplicates duplicates, Visibility visibility,
            AtomicReference<ImportStoppedException> stop) {
        var rowsRead = new AtomicInteger();
        var stage = new AtomicReference<>(ImportStage.READING);
        Path file = null;
        // the watcher beats from the start, so that an import waiting for its turn is not taken for a lost one
        Thread watcher = Thread.ofVirtual().name("contact-import-watch-" + job.id()).start(
                () -> watch(job.id(), rowsRead, stage, stop));
        try {
            turns.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            watcher.interrupt();
            jobs.stopped(job.id(), ImportStatus.FAILED, "The service stopped before the import began; start it again.");
            return;
        }
        try {
            if (stop.get() != null) {
                throw stop.get();
            }
            file = jobs.restoreFile(job.id());
            String region = settings.defaultRegion();
            try (SheetRows rows = SheetRows.open(file, job.format())) {
                var progress = new ImportWriter.Progress() {
                    @Override
                    public void read(int rows) {
                        rowsRead.set(rows);
                    }

                    @Override
                    public void stage(ImportStage next) {
                        stage.set(next);
                    }

                    @Override
                    public void check() {
                        ImportStoppedException stopped = stop.get();
                        if (stopped != null) {
                            throw stopped;
                        }
                    }
                };
                UUID user = visibility.user().userId();
                int columns = job.columns().size();
                ImportWriter.Work<?> work = switch (job.cardType()) {
                    case CONTACT -> new ImportWriter.Work<>(job.id(), job.tenantId(), user, duplicates, visibility,
                            columns, rows, new ContactRowChecker(targets, job.tenantId(), region, validator, customFields),
                            contactTable, progress);
                    case COMPANY -> new ImportWriter.Work<>(job.id(), job.tenantId(), user, duplicates, visibility,
                            columns, rows, new CompanyRowChecker(targets, job.tenantId(), region, validator, customFields,
                                    new Owners(directory.active(), visibility)), companyTable, progress);
                };
                var counts = transactions.execute(status -> writer.write(work));
                log.info("Import {} of {} committed: {}", job.id(), job.fileName(), counts);
                writer.refreshStatistics(work.table(), job.id(), counts);
            }
            watcher.interrupt();
            watcher = null;
            announcing.add(job.id());
            try {
                announcer.announce(job.id(), job.tenantId(), job.cardType(), () -> stopping);
            } finally {
                announcing.remove(job.id());
            }
        } catch (ImportStoppedException e) {
            log.info("Import {} stopped: {}", job.id(), e.getMessage());
            jobs.stopped(job.id(), e.status(), e.getMessage());
        } catch (UnreadableFileException e) {
            jobs.stopped(job.id(), ImportStatus.FAILED, e.getMessage());
        } catch (DataAccessException e) {
            log.error("Import {} failed in the database; nothing was imported", job.id(), e);
            jobs.stopped(job.id(), ImportStatus.FAILED,
                    "The database refused the import, so nothing was imported. The error was logged with import id "
                            + job.id() + ".");
        } catch (RuntimeException | IOException e) {
            log.error("Import {} failed; nothing was imported", job.id(), e);
            jobs.stopped(job.id(), ImportStatus.FAILED,
                    "The import failed, so nothing was imported. The error was logged with import id " + job.id() + ".");
        } finally {
            if (watcher != null) {
                watcher.interrupt();
            }
            turns.release();
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Cannot delete the temporary copy {} of import {}", file, job.id(), e);
                }
            }
        }
    }

    /** Records progress and learns of a cancellation until interrupted. */
    private void watch(UUID importId, AtomicInteger rowsRead, AtomicReference<ImportStage> stage,
            AtomicReference<ImportStoppedException> stop) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(importSettings.beatInterval());
                var cancelRequested = jobs.beat(importId, rowsRead.get(), stage.get());
                if (cancelRequested.isEmpty()) {
                    stop.compareAndSet(null, new ImportStoppedException(ImportStatus.FAILED,
                            "The import was given up while it ran; nothing was imported."));
                } else if (cancelRequested.get()) {
                    stop.compareAndSet(null, new ImportStoppedException(ImportStatus.CANCELLED,
                            "Cancelled; nothing was imported."));
                }
            } catch (InterruptedException e) {
                return;
            } catch (DataAccessException e) {
                log.warn("Import {}: cannot record its progress", importId, e);
            }
        }
    }

    @Override
    public void destroy() throws InterruptedException {
        stopping = true;
        running.values().forEach(stop -> stop.compareAndSet(null, new ImportStoppedException(ImportStatus.FAILED,
                "The service stopped during the import, so nothing was imported; start it again.")));
        threads.shutdown();
        if (!threads.awaitTermination(20, TimeUnit.SECONDS)) {
            log.warn("Imports still running at shutdown: {}", running.keySet());
        }
    }

    /** Whether an import runs on this instance (for tests of the sweeper and for the shutdown). */
    boolean runs(UUID importId) {
        return running.containsKey(importId);
    }
}
