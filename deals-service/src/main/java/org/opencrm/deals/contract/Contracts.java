package org.opencrm.deals.contract;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.config.DealsSettings;
import org.opencrm.deals.deal.Deals;
import org.opencrm.deals.money.Currencies;
import org.opencrm.deals.product.Products;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.JsonNode;

/**
 * Contracts with clients (`003_*`: title, service, document, period, amount). They are seen and changed as
 * the deals of the same owner are (the platform's {@link Visibility}: a manager their own and unassigned
 * ones, a supervisor their department's, a marketer reads); one the user may not see is 404, its document too.
 */
@Service
public class Contracts {

    /** Everything a contract holds, as a client sends it (create, and what a merge patch applies to). */
    public record State(@NotBlank @Size(max = 200) String title, UUID productId, UUID contactId, UUID companyId,
            UUID dealId, @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
            @Size(max = 3) String currency, @NotNull LocalDate startDate, LocalDate endDate, ContractStatus status,
            UUID ownerId, Long version) {
    }

    /** The contract's document as the contract shows it (its bytes are {@code GET .../document}). */
    public record Document(String filename, String mediaType, long size, String sha256, UUID uploadedBy,
            Instant uploadedAt) {
    }

    /** A contract as the API shows it; {@code document} null: none uploaded yet. */
    public record View(UUID id, String title, UUID productId, UUID contactId, UUID companyId, UUID dealId,
            BigDecimal amount, String currency, LocalDate startDate, LocalDate endDate, ContractStatus status,
            UUID ownerId, Document document, UUID createdBy, Instant createdAt, Instant updatedAt, long version) {
    }

    /** One page of contracts, latest start first. */
    public record Page(List<View> items, String nextCursor) {
    }

    /** The filters of the list. */
    public record Filter(String q, ContractStatus status, UUID contactId, UUID companyId, UUID productId,
            UUID ownerId) {
    }

    /** A document to send back: its bytes and what to call them. */
    record StoredDocument(String filename, String mediaType, String sha256, byte[] data) {
    }

    private final ContractRepository contracts;
    private final ContractDocumentRepository documents;
    private final Access access;
    private final Products products;
    private final Deals deals;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final NamedParameterJdbcTemplate sql;
    private final DealsSettings settings;
    private final ContractSettings contractSettings;

    Contracts(ContractRepository contracts, ContractDocumentRepository documents, Access access, Products products,
            Deals deals, MergePatch mergePatch, EntityManager entityManager, NamedParameterJdbcTemplate sql,
            DealsSettings settings, ContractSettings contractSettings) {
        this.contracts = contracts;
        this.documents = documents;
        this.access = access;
        this.products = products;
        this.deals = deals;
        this.mergePatch = mergePatch;
        this.entityManager = entityManager;
        this.sql = sql;
        this.settings = settings;
        this.contractSettings = contractSettings;
    }

    /** The contracts the user sees, latest start first. */
    @Transactional(readOnly = true)
    public Page list(Filter filter, String cursor, int limit) {
        Visibility visibility = access.visibility();
        int size = Math.clamp(limit <= 0 ? 50 : limit, 1, 200);
        var params = new MapSqlParameterSource("tenant", TenantContext.require()).addValue("limit", size + 1);
        var where = new StringBuilder("c.tenant_id = :tenant");
        visibility.visibleOwners().ifPresent(owners -> {
            where.append(" and (c.owner_id is null or c.owner_id = any(:visibleOwners))");
            params.addValue("visibleOwners", owners.toArray(UUID[]::new));
        });
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and lower(c.title) like :q escape '\\'");
            params.addValue("q", "%" + filter.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.status() != null) {
            where.append(" and c.status = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.contactId() != null) {
            where.append(" and c.contact_id = :contact");
            params.addValue("contact", filter.contactId());
        }
        if (filter.companyId() != null) {
            where.append(" and c.company_id = :company");
            params.addValue("company", filter.companyId());
        }
        if (filter.productId() != null) {
            where.append(" and c.product_id = :product");
            params.addValue("product", filter.productId());
        }
        if (filter.ownerId() != null) {
            where.append(" and c.owner_id = :owner");
            params.addValue("owner", filter.ownerId());
        }
        ContractCursor after = ContractCursor.decode(cursor);
        if (after != null) {
            where.append(" and (c.start_date, c.id) < (:afterDate, :afterId)");
            params.addValue("afterDate", after.startDate()).addValue("afterId", after.id());
        }
        List<View> found = sql.query("select c.id, c.title, c.product_id, c.contact_id, c.company_id, c.deal_id,"
                + " c.amount, c.currency, c.start_date, c.end_date, c.status, c.owner_id, c.created_by, c.created_at,"
                + " c.updated_at, c.version, d.filename, d.media_type, d.size, d.sha256, d.uploaded_by, d.uploaded_at"
                + " from contract c left join contract_document d on d.contract_id = c.id where " + where
                + " order by c.start_date desc, c.id desc limit :limit", params, Contracts::row);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            next = new ContractCursor(found.getLast().startDate(), found.getLast().id()).encode();
        }
        return new Page(found, next);
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        return view(visible(id, access.visibility()));
    }

    @Transactional
    public View create(State state) {
        Visibility visibility = access.visibility();
        visibility.requireWrite();
        UUID owner = state.ownerId() == null ? visibility.user().userId() : state.ownerId();
        access.requireOwner(visibility, owner, "ownerId");
        Instant now = now();
        Contract contract = new Contract(visibility.user().userId(), now);
        apply(contract, state, owner, visibility, now);
        entityManager.persist(contract);
        contracts.flush();
        return view(contract);
    }

    /** Applies a JSON merge patch (RFC 7396): fields left out stay, null clears. */
    @Transactional
    public View patch(UUID id, JsonNode patch) {
        Visibility visibility = access.visibility();
        Contract contract = changeable(id, visibility);
        State state = mergePatch.apply(new State(contract.title(), contract.productId(), contract.contactId(),
                contract.companyId(), contract.dealId(), contract.amount(), contract.currency(), contract.startDate(),
                contract.endDate(), contract.status(), contract.ownerId(), null), patch, State.class);
        if (state.version() != null && state.version() != contract.version()) {
            throw new OptimisticLockingFailureException("The contract was changed by someone else; reload it.");
        }
        if (!Objects.equals(state.ownerId(), contract.ownerId())) {
            access.requireOwner(visibility, state.ownerId(), "ownerId");
        }
        apply(contract, state, state.ownerId(), visibility, now());
        contracts.flush();
        return view(contract);
    }

    @Transactional
    public void delete(UUID id) {
        Visibility visibility = access.visibility();
        Contract contract = changeable(id, visibility);
        documents.findById(id).ifPresent(documents::delete);
        contracts.delete(contract);
    }

    /**
     * Makes the upload the contract's document: a PDF, DOC, DOCX or ODT file by its content (400 on
     * {@code file} otherwise), at most {@code crm.deals.contracts.max-document-size} (413 above).
     */
    @Transactional
    public View attach(UUID id, MultipartFile file) {
        Visibility visibility = access.visibility();
        Contract contract = changeable(id, visibility);
        if (file == null || file.isEmpty()) {
            throw InvalidFieldsException.of("file", "is missing or empty; send a PDF, DOC, DOCX or ODT document");
        }
        if (file.getSize() > contractSettings.maxDocumentSize().toBytes()) {
            throw new DocumentTooLargeException(contractSettings.maxDocumentSize());
        }
        byte[] data = bytes(file);
        DocumentFormat format = DocumentFormat.of(data).orElseThrow(() -> InvalidFieldsException.of("file",
                "is not a PDF, DOC, DOCX or ODT document"));
        Instant now = now();
        var existing = documents.findById(id);
        ContractDocument document = existing.orElseGet(() -> new ContractDocument(id));
        document.replace(filename(file.getOriginalFilename(), format), format, data, sha256(data),
                visibility.user().userId(), now);
        if (existing.isEmpty()) {
            entityManager.persist(document);
        }
        contract.documentChanged(now);
        contracts.flush();
        return view(contract);
    }

    /** Removes the contract's document; removing none is no change. */
    @Transactional
    public View detach(UUID id) {
        Visibility visibility = access.visibility();
        Contract contract = changeable(id, visibility);
        var existing = documents.findById(id);
        if (existing.isPresent()) {
            documents.delete(existing.get());
            contract.documentChanged(now());
            contracts.flush();
        }
        return view(contract);
    }

    /** The document of a contract the user sees; 404 for a contract they do not see, or without one. */
    @Transactional(readOnly = true)
    StoredDocument document(UUID id) {
        visible(id, access.visibility());
        return documents.findById(id).map(d -> new StoredDocument(d.filename(), d.mediaType(), d.sha256(), d.data()))
                .orElseThrow(() -> new NotFoundException("Document of contract", id));
    }

    private void apply(Contract contract, State state, UUID owner, Visibility visibility, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String currency = null;
        try {
            currency = Currencies.code(state.currency(), settings.defaultCurrency(), "currency");
        } catch (InvalidFieldsException e) {
            problems.addAll(e.errors());
        }
        if (state.contactId() == null && state.companyId() == null) {
            problems.add(new FieldProblem("contactId", "is required without a companyId: a contract has a client"));
        }
        if (state.endDate() != null && state.endDate().isBefore(state.startDate())) {
            problems.add(new FieldProblem("endDate", "is before startDate"));
        }
        if (state.productId() != null && !products.find(List.of(state.productId())).containsKey(state.productId())) {
            problems.add(new FieldProblem("productId", "is not a product or service of the company"));
        }
        if (state.dealId() != null && !Objects.equals(state.dealId(), contract.dealId())) {
            try {
                deals.visible(state.dealId(), visibility);
            } catch (NotFoundException e) {
                problems.add(new FieldProblem("dealId", "is not a deal you see"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        contract.apply(state.title().strip(), state.productId(), state.contactId(), state.companyId(), state.dealId(),
                state.amount(), currency, state.startDate(), state.endDate(),
                state.status() == null ? ContractStatus.DRAFT : state.status(), owner, now);
    }

    private Contract changeable(UUID id, Visibility visibility) {
        Contract contract = visible(id, visibility);
        if (!visibility.mayChange(contract.ownerId())) {
            throw new AccessDeniedException("Your role reads contracts but does not change them.");
        }
        return contract;
    }

    private Contract visible(UUID id, Visibility visibility) {
        return contracts.findById(id).filter(c -> visibility.sees(c.ownerId()))
                .orElseThrow(() -> new NotFoundException("Contract", id));
    }

    private View view(Contract c) {
        Document document = describe(c.id());
        return new View(c.id(), c.title(), c.productId(), c.contactId(), c.companyId(), c.dealId(), c.amount(),
                c.currency(), c.startDate(), c.endDate(), c.status(), c.ownerId(), document, c.createdBy(),
                c.createdAt(), c.updatedAt(), c.version());
    }

    /** The document's description, read without its bytes. */
    private Document describe(UUID contractId) {
        entityManager.flush();
        List<Document> found = sql.query("select filename, media_type, size, sha256, uploaded_by, uploaded_at"
                + " from contract_document where tenant_id = :tenant and contract_id = :id",
                new MapSqlParameterSource("tenant", TenantContext.require()).addValue("id", contractId),
                (row, n) -> new Document(row.getString("filename"), row.getString("media_type"), row.getLong("size"),
                        row.getString("sha256"), row.getObject("uploaded_by", UUID.class),
                        row.getTimestamp("uploaded_at").toInstant()));
        return found.isEmpty() ? null : found.getFirst();
    }

    private static View row(ResultSet row, int n) throws SQLException {
        Document document = row.getString("filename") == null ? null : new Document(row.getString("filename"),
                row.getString("media_type"), row.getLong("size"), row.getString("sha256"),
                row.getObject("uploaded_by", UUID.class), row.getTimestamp("uploaded_at").toInstant());
        return new View(row.getObject("id", UUID.class), row.getString("title"), row.getObject("product_id", UUID.class),
                row.getObject("contact_id", UUID.class), row.getObject("company_id", UUID.class),
                row.getObject("deal_id", UUID.class), row.getBigDecimal("amount"), row.getString("currency"),
                row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
                ContractStatus.valueOf(row.getString("status")), row.getObject("owner_id", UUID.class), document,
                row.getObject("created_by", UUID.class), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
    }

    /** The name the file is kept under: without any folder or control characters, with its format's extension. */
    static String filename(String original, DocumentFormat format) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            name = "contract";
        }
        if (!name.toLowerCase(Locale.ROOT).endsWith("." + format.extension())) {
            name = name + "." + format.extension();
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
