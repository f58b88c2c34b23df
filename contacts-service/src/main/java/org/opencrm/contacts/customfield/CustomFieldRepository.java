package org.opencrm.contacts.customfield;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CustomFieldRepository extends JpaRepository<CustomField, UUID> {

    List<CustomField> findByEntityOrderByPosition(CardType entity);
}
