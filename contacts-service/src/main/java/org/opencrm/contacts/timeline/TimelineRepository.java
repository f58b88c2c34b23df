package org.opencrm.contacts.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TimelineRepository extends JpaRepository<TimelineEntry, UUID> {

    /** A contact's entries, newest first, after the given position (keyset). */
    @Query("""
            select e from TimelineEntry e where e.contactId = :contactId
              and (e.occurredAt < :beforeAt or (e.occurredAt = :beforeAt and e.id < :beforeId))
            order by e.occurredAt desc, e.id desc
            """)
    List<TimelineEntry> ofContact(UUID contactId, Instant beforeAt, UUID beforeId, Limit limit);

    /** A company's entries and those of its contact persons, newest first (`001_*`). */
    @Query("""
            select e from TimelineEntry e
            where (e.companyId = :companyId
                   or e.contactId in (select m.key.contactId from CompanyMember m where m.key.companyId = :companyId))
              and (e.occurredAt < :beforeAt or (e.occurredAt = :beforeAt and e.id < :beforeId))
            order by e.occurredAt desc, e.id desc
            """)
    List<TimelineEntry> ofCompany(UUID companyId, Instant beforeAt, UUID beforeId, Limit limit);
}
