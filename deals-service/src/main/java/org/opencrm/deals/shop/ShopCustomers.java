package org.opencrm.deals.shop;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.opencrm.deals.shop.ShopPayloads.CustomerIn;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's customers by the shop's own id: what the shop last told about them, and the contact the customer
 * saga linked them to (so later orders of a linked customer get the contact at once).
 */
@Service
class ShopCustomers {

    /** A stored customer: deals-service's id, the shop's id, the linked contact (null until linked). */
    record Row(UUID id, String shopCustomerId, UUID contactId, boolean changed, boolean created) {
    }

    private final JdbcTemplate jdbc;

    ShopCustomers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates or updates the customers set-wise (a field the shop leaves out keeps its value); every one of
     * them by the shop's id, including those that changed nothing.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Row> upsert(List<CustomerIn> given, Instant now) {
        Map<String, CustomerIn> byId = new TreeMap<>();
        given.forEach(c -> byId.put(c.customerId(), c));
        Map<String, Row> rows = new HashMap<>();
        if (byId.isEmpty()) {
            return rows;
        }
        UUID tenant = TenantContext.require();
        // customers the shop sends as they are stored already are not written: an upsert would lock each of
        // their rows until the commit, and two order batches of the same regular customers would queue
        Map<String, List<String>> stored = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("""
                    select shop_customer_id, name, phone, email from shop_customer
                    where tenant_id = ? and shop_customer_id = any(?)
                    """);
            s.setObject(1, tenant);
            s.setArray(2, con.createArrayOf("varchar", byId.keySet().toArray()));
            return s;
        }, row -> {
            stored.put(row.getString(1), java.util.Arrays.asList(row.getString(2), row.getString(3), row.getString(4)));
        });
        List<CustomerIn> customers = byId.values().stream().filter(c -> !unchanged(c, stored.get(c.customerId())))
                .toList();
        int[][] counts = jdbc.batchUpdate("""
                insert into shop_customer (id, tenant_id, shop_customer_id, name, phone, email, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, shop_customer_id) do update set
                    name = coalesce(excluded.name, shop_customer.name), phone = coalesce(excluded.phone, shop_customer.phone),
                    email = coalesce(excluded.email, shop_customer.email), updated_at = excluded.updated_at
                where (shop_customer.name, shop_customer.phone, shop_customer.email) is distinct from
                    (coalesce(excluded.name, shop_customer.name), coalesce(excluded.phone, shop_customer.phone),
                     coalesce(excluded.email, shop_customer.email))
                """, customers, 500, (s, c) -> {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, tenant);
                    s.setString(3, c.customerId());
                    s.setString(4, blankToNull(c.name()));
                    s.setString(5, blankToNull(c.phone()));
                    s.setString(6, blankToNull(c.email()));
                    s.setTimestamp(7, Timestamp.from(now));
                    s.setTimestamp(8, Timestamp.from(now));
                });
        List<String> changed = new ArrayList<>();
        int i = 0;
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count != 0) {
                    changed.add(customers.get(i).customerId());
                }
                i++;
            }
        }
        jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("""
                    select id, shop_customer_id, contact_id, created_at = ? from shop_customer
                    where tenant_id = ? and shop_customer_id = any(?)
                    """);
            s.setTimestamp(1, Timestamp.from(now));
            s.setObject(2, tenant);
            s.setArray(3, con.createArrayOf("varchar", byId.keySet().toArray()));
            return s;
        }, row -> {
            String ref = row.getString(2);
            rows.put(ref, new Row(row.getObject(1, UUID.class), ref, row.getObject(3, UUID.class), changed.contains(ref),
                    row.getBoolean(4)));
        });
        return rows;
    }

    /** The customers the shop sends on their own: stored, each with its outcome (in the order given). */
    @Transactional
    public List<ShopPayloads.Outcome> store(List<CustomerIn> given) {
        Map<String, Row> rows = upsert(given, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        return given.stream().map(c -> {
            Row row = rows.get(c.customerId());
            return ShopPayloads.Outcome.of(c.customerId(), row.created() ? "CREATED" : row.changed() ? "UPDATED"
                    : "UNCHANGED", null);
        }).toList();
    }

    /** Whether the shop tells nothing new of a stored customer (a field it leaves out keeps its value). */
    private static boolean unchanged(CustomerIn given, List<String> stored) {
        if (stored == null) {
            return false;
        }
        List<String> sent = java.util.Arrays.asList(blankToNull(given.name()), blankToNull(given.phone()),
                blankToNull(given.email()));
        for (int i = 0; i < sent.size(); i++) {
            if (sent.get(i) != null && !sent.get(i).equals(stored.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
