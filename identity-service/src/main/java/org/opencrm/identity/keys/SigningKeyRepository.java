package org.opencrm.identity.keys;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SigningKeyRepository extends JpaRepository<SigningKey, String> {

    /** The keys not retired, newest first: one signs new tokens, a newer one may be announced. */
    @Query("select k from SigningKey k where k.retiredAt is null order by k.createdAt desc")
    List<SigningKey> findInService();

    /** Keys whose tokens may still be valid: those in service and those retired after the given time. */
    @Query("select k from SigningKey k where k.retiredAt is null or k.retiredAt > :since order by k.createdAt desc")
    List<SigningKey> findPublishable(Instant since);
}
