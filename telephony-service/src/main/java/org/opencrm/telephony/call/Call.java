package org.opencrm.telephony.call;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.opencrm.telephony.call.CallEvent.Direction;

/**
 * A call of the company's exchange (`002_*` 3.4), merged from the exchange's events in whatever order they come:
 * it started at its earliest event, was answered at its earliest ANSWERED and ended at its ENDED. Whether it was
 * answered is decided by the facts, not by their order, so an ENDED before its ANSWERED still makes an answered
 * call with its talk time.
 */
@Entity
@Table(name = "call")
class Call {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "exchange_call_id", nullable = false)
    private String exchangeCallId;

    @Column(nullable = false)
    private boolean originated;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Direction direction;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private CallStatus status;

    @Column(name = "caller_number")
    private String callerNumber;

    @Column(name = "called_number")
    private String calledNumber;

    private String extension;

    @Column(name = "user_id")
    private UUID userId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "contact_name")
    private String contactName;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "matched_contact_ids", nullable = false, columnDefinition = "uuid[]")
    private UUID[] matchedContactIds = new UUID[0];

    @Column(name = "company_id")
    private UUID companyId;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "ended_seen_at")
    private Instant endedSeenAt;

    @Column(name = "recording_url")
    private String recordingUrl;

    @Column(name = "recording_seconds")
    private Integer recordingSeconds;

    @Column(name = "recording_stored", nullable = false)
    private boolean recordingStored;

    @Column(name = "ringing_raised", nullable = false)
    private boolean ringingRaised;

    @Column(name = "answered_raised", nullable = false)
    private boolean answeredRaised;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome_raised")
    private CallStatus outcomeRaised;

    @Column(name = "recording_raised", nullable = false)
    private boolean recordingRaised;

    @Version
    private long version;

    protected Call() {
    }

    Call(String exchangeCallId, Direction direction, Instant startedAt) {
        this.id = UUID.randomUUID();
        this.exchangeCallId = exchangeCallId;
        this.direction = direction;
        this.startedAt = startedAt;
        this.status = CallStatus.RINGING;
    }

    /** Merges one fact in; returns whether anything changed. */
    boolean apply(CallEvent event) {
        boolean changed = false;
        if (event.direction() != null && event.direction() != direction && !originated) {
            direction = event.direction();
            changed = true;
        }
        if (callerNumber == null && event.callerNumber() != null) {
            callerNumber = event.callerNumber();
            changed = true;
        }
        if (calledNumber == null && event.calledNumber() != null) {
            calledNumber = event.calledNumber();
            changed = true;
        }
        Instant at = event.occurredAt();
        if (event.type() != CallEvent.Type.RECORDING && at.isBefore(startedAt)) {
            startedAt = at;
            changed = true;
        }
        switch (event.type()) {
            case RINGING -> {
                if (extension == null && event.extension() != null) {
                    extension = event.extension();
                    changed = true;
                }
            }
            case ANSWERED -> {
                if (answeredAt == null || at.isBefore(answeredAt)) {
                    answeredAt = at;
                    changed = true;
                }
                // who picked up: a ring group rings many extensions, the one that answered is the call's
                if (event.extension() != null && !event.extension().equals(extension)) {
                    extension = event.extension();
                    changed = true;
                }
            }
            case ENDED -> {
                if (endedAt == null || at.isAfter(endedAt)) {
                    if (endedAt == null) {
                        endedSeenAt = Instant.now();
                    }
                    endedAt = at;
                    changed = true;
                }
                if (extension == null && event.extension() != null) {
                    extension = event.extension();
                    changed = true;
                }
            }
            case RECORDING -> {
                if (event.recordingUrl() != null && !event.recordingUrl().equals(recordingUrl)) {
                    recordingUrl = event.recordingUrl();
                    changed = true;
                }
                if (event.recordingSeconds() != null) {
                    recordingSeconds = event.recordingSeconds();
                }
            }
        }
        if (answeredAt != null && endedAt != null && endedAt.isBefore(answeredAt)) {
            endedAt = answeredAt;
        }
        status = endedAt != null ? (answeredAt != null ? CallStatus.ENDED : CallStatus.MISSED)
                : answeredAt != null ? CallStatus.ANSWERED : CallStatus.RINGING;
        return changed;
    }

    /** The caller's or called client's number: the one the contacts are matched by. */
    String clientNumber() {
        return direction == Direction.INBOUND ? callerNumber : calledNumber;
    }

    void match(UUID contactId, String contactName, UUID[] matched, UUID companyId) {
        this.contactId = contactId;
        this.contactName = contactName;
        this.matchedContactIds = matched;
        this.companyId = companyId;
    }

    void assign(UUID userId) {
        this.userId = userId;
    }

    void adopt(String exchangeCallId) {
        this.exchangeCallId = exchangeCallId;
        this.originated = false;
    }

    void originate(String extension, UUID userId, String calledNumber) {
        this.originated = true;
        this.extension = extension;
        this.userId = userId;
        this.calledNumber = calledNumber;
    }

    void storedRecording() {
        this.recordingStored = true;
    }

    int waitSeconds() {
        Instant until = answeredAt != null ? answeredAt : endedAt != null ? endedAt : null;
        return until == null ? 0 : (int) Math.max(0, Duration.between(startedAt, until).toSeconds());
    }

    int talkSeconds() {
        return answeredAt == null || endedAt == null ? 0
                : (int) Math.max(0, Duration.between(answeredAt, endedAt).toSeconds());
    }

    boolean hasRecording() {
        return recordingStored || recordingUrl != null;
    }

    UUID id() { return id; }
    String exchangeCallId() { return exchangeCallId; }
    Direction direction() { return direction; }
    CallStatus status() { return status; }
    String callerNumber() { return callerNumber; }
    String calledNumber() { return calledNumber; }
    String extension() { return extension; }
    UUID userId() { return userId; }
    UUID contactId() { return contactId; }
    String contactName() { return contactName; }
    UUID[] matchedContactIds() { return matchedContactIds; }
    UUID companyId() { return companyId; }
    Instant startedAt() { return startedAt; }
    Instant answeredAt() { return answeredAt; }
    Instant endedAt() { return endedAt; }
    String recordingUrl() { return recordingUrl; }
    Integer recordingSeconds() { return recordingSeconds; }
    boolean recordingStored() { return recordingStored; }
    boolean ringingRaised() { return ringingRaised; }
    boolean answeredRaised() { return answeredRaised; }
    CallStatus outcomeRaised() { return outcomeRaised; }
    boolean recordingRaised() { return recordingRaised; }
    void ringingRaised(boolean raised) { this.ringingRaised = raised; }
    void answeredRaised(boolean raised) { this.answeredRaised = raised; }
    void outcomeRaised(CallStatus outcome) { this.outcomeRaised = outcome; }
    void recordingRaised(boolean raised) { this.recordingRaised = raised; }
}
