package org.opencrm.telephony.call;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

interface CallRepository extends JpaRepository<Call, UUID> {

    /**
     * The company's call of that exchange id. Written in SQL with the company spelt out: every call event looks
     * its call up, and Hibernate translates a JPQL query again at each execution while the tenant filter is on.
     */
    @NativeQuery("select * from call where tenant_id = :tenant and exchange_call_id = :exchangeCallId")
    Optional<Call> findByExchangeCallId(UUID tenant, String exchangeCallId);

    /** An originated call still waiting for the exchange's first event of it, newest first. */
    @Query("""
            select c from Call c where c.originated = true and c.extension = :extension and c.calledNumber = :number
              and c.startedAt >= :since order by c.startedAt desc""")
    List<Call> originatedSince(String extension, String number, Instant since, Limit limit);
}
