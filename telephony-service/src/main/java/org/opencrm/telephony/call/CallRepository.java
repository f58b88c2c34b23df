package org.opencrm.telephony.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CallRepository extends JpaRepository<Call, UUID> {

    Optional<Call> findByExchangeCallId(String exchangeCallId);

    /** An originated call still waiting for the exchange's first event of it, newest first. */
    @Query("""
            select c from Call c where c.originated = true and c.extension = :extension and c.calledNumber = :number
              and c.startedAt >= :since order by c.startedAt desc""")
    List<Call> originatedSince(String extension, String number, Instant since, Limit limit);
}
