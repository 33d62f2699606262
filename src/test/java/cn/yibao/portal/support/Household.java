package cn.yibao.portal.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A household of fresh 文水县 residents with records, made the way residents and the import would make them: an
 * adult with a bound spouse (invited, accepted) and a bound minor child (same household), one paid order for all
 * three, filings for the adult (one with an uploaded proof) and the child, a two-disease prescription and an ended
 * assisted session. Tests that load the portal with one household's requests start from here.
 */
public final class Household {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String WENSHUI = "141121";

    public final Person owner;
    public final Person spouse;
    public final Person child;
    public final String paymentId;
    public final String receiptNo;
    public final String filingId;
    public final String materialId;
    public final String prescriptionId;
    public final String residentCodeToken;
    public final BrowserSession browser;

    /** A resident of the household: their claims, a bearer token and their id here. */
    public record Person(String login, String claims, String token, UUID id) {

        public String certno() {
            return JSON.readTree(claims).get("certno").asString();
        }

        public String name() {
            return JSON.readTree(claims).get("name").asString();
        }
    }

    private Household(Builder made) {
        this.owner = made.owner;
        this.spouse = made.spouse;
        this.child = made.child;
        this.paymentId = made.paymentId;
        this.receiptNo = made.receiptNo;
        this.filingId = made.filingId;
        this.materialId = made.materialId;
        this.prescriptionId = made.prescriptionId;
        this.residentCodeToken = made.residentCodeToken;
        this.browser = made.browser;
    }

    public static Household create(WebTestClient portal, SandboxSignIn signIn, DatabaseClient database,
                                   String surname) throws InterruptedException {
        return new Builder(portal, signIn, database, surname).build();
    }

    private static final class Builder {

        private final WebTestClient portal;
        private final SandboxSignIn signIn;
        private final DatabaseClient database;
        private final String surname;
        Person owner;
        Person spouse;
        Person child;
        String paymentId;
        String receiptNo;
        String filingId;
        String materialId;
        String prescriptionId;
        String residentCodeToken;
        BrowserSession browser;

        Builder(WebTestClient portal, SandboxSignIn signIn, DatabaseClient database, String surname) {
            this.portal = portal;
            this.signIn = signIn;
            this.database = database;
            this.surname = surname;
        }

        Household build() throws InterruptedException {
            owner = person(FreshResidents.adultIn(WENSHUI, surname + "大山"));
            spouse = person(FreshResidents.adultIn(WENSHUI, "郝小溪"));
            child = person(FreshResidents.claims(WENSHUI, "20150601", surname + "小雨"));
            sameHousehold(owner, child);
            bind(child, "CHILD");
            bind(spouse, "SPOUSE");
            acceptInvitation(spouse);
            payForEveryone();
            filingId = file(Map.of("type", "LONG_TERM_RESIDENCE", "insured", "SELF", "destination", "210100",
                    "startDate", "2023-10-15", "reason", "随子女生活", "commitment", true));
            file(Map.of("type", "OTHER_TEMPORARY", "insured", child.id().toString(), "destination", "350100",
                    "startDate", "2023-10-16", "reason", "探亲"));
            materialId = uploadedProof(filingId);
            prescriptionId = IssuedPrescriptions.forResident(database, owner.id(), "CF-HH-");
            residentCodeToken = json(get(owner, "/api/v1/codes/resident")).get("token").asString();
            endedAssistSession();
            browser = signIn.as(owner.login(), owner.claims());
            return new Household(this);
        }

        private Person person(String claims) {
            String login = "household-" + UUID.randomUUID();
            String token = signIn.accessToken(login, claims);
            get(new Person(login, claims, token, null), "/api/v1/me");
            UUID id = database.sql("select id from resident where psn_no = :psn")
                    .bind("psn", "T" + JSON.readTree(claims).get("certno").asString())
                    .map(row -> row.get("id", UUID.class)).one().block();
            return new Person(login, claims, token, id);
        }

        private void sameHousehold(Person adult, Person minor) {
            UUID household = UUID.randomUUID();
            database.sql("insert into household (id, region_code, created_at) values (:id, :region, :now)")
                    .bind("id", household).bind("region", WENSHUI).bind("now", Instant.now()).then().block();
            database.sql("update resident set household_id = :h where id in (:a, :b)")
                    .bind("h", household).bind("a", adult.id()).bind("b", minor.id()).then().block();
        }

        private void bind(Person member, String relation) {
            portal.post().uri("/api/v1/family").headers(h -> h.setBearerAuth(owner.token()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("certno", member.certno(), "name", member.name(), "relation", relation))
                    .exchange().expectStatus().isCreated();
        }

        private void acceptInvitation(Person member) {
            JsonNode invitations = json(get(member, "/api/v1/family/invitations"));
            portal.post().uri("/api/v1/family/invitations/" + invitations.get(0).get("bindingId").asString() + "/accept")
                    .headers(h -> h.setBearerAuth(member.token())).exchange().expectStatus().isNoContent();
        }

        private void payForEveryone() throws InterruptedException {
            JsonNode order = json(portal.post().uri("/api/v1/payments").headers(h -> h.setBearerAuth(owner.token()))
                    .header("Idempotency-Key", "key-" + UUID.randomUUID()).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"year\":2024,\"insured\":[\"SELF\",\"" + spouse.id() + "\",\"" + child.id()
                            + "\"],\"channel\":\"SANDBOX\"}")
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
            paymentId = order.get("paymentId").asString();
            String orderNo = json(get(owner, "/api/v1/payments/" + paymentId)).get("orderNo").asString();
            portal.post().uri("/sandbox-pay/api/orders/" + orderNo + "/pay").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue("{\"notification\":\"ONCE\"}").exchange().expectStatus().isOk();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            JsonNode receipts = json(get(owner, "/api/v1/receipts/" + paymentId));
            while (receipts.size() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(200);
                receipts = json(get(owner, "/api/v1/receipts/" + paymentId));
            }
            assertThat(receipts.size()).as("three receipts once the order is paid").isEqualTo(3);
            receiptNo = receipts.get(0).get("receiptNo").asString();
        }

        private String file(Map<String, Object> body) {
            return json(portal.post().uri("/api/v1/filings").headers(h -> h.setBearerAuth(owner.token()))
                    .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody())
                    .get("id").asString();
        }

        /** A residence proof as the filing form would have stored it (a tiny PDF). */
        private String uploadedProof(String filing) {
            UUID id = UUID.randomUUID();
            byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            database.sql("""
                            insert into filing_material (id, filing_id, material, file_name, content_type, size_bytes,
                                                         content, uploaded_at)
                            values (:id, :filing, 'RESIDENCE_PROOF', 'proof.pdf', 'application/pdf', :size, :content, now())""")
                    .bind("id", id).bind("filing", UUID.fromString(filing)).bind("size", pdf.length)
                    .bind("content", pdf).then().block();
            return id.toString();
        }

        private void endedAssistSession() {
            String staff = signIn.staffAccessToken("staff-wenshui");
            JsonNode started = json(portal.post().uri("/api/v1/assist/sessions").headers(h -> h.setBearerAuth(staff))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("residentCode", json(get(owner, "/api/v1/codes/resident")).get("token").asString()))
                    .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
            portal.delete().uri("/api/v1/assist/sessions/" + started.get("sessionId").asString())
                    .headers(h -> h.setBearerAuth(staff)).exchange().expectStatus().isOk();
        }

        private byte[] get(Person person, String path) {
            return portal.get().uri(path).headers(h -> h.setBearerAuth(person.token())).exchange()
                    .expectStatus().isOk().expectBody().returnResult().getResponseBody();
        }

        private static JsonNode json(byte[] body) {
            return JSON.readTree(body);
        }
    }
}
