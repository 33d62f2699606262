package cn.yibao.portal.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The synthetic demo people of the sandbox profile ({@code sandbox/demo-accounts.json}): the sandbox issuer maps
 * their login names to claims, and the demo data loader turns them into resident rows.
 */
public record DemoAccounts(List<DemoResident> residents, List<DemoStaff> staff) {

    public static final String RESOURCE = "sandbox/demo-accounts.json";

    public record DemoResident(String login, String name, String certno, String psnNo, String region, String category,
                               String assistance, String household, String relation, LocalDate enrolledOn,
                               String description) {
        public boolean canSignIn() {
            return login != null;
        }
    }

    public record DemoStaff(String login, String name, String staffId, String region, List<String> roles,
                            String servicePoint, String description) {
    }

    public static DemoAccounts load() {
        JsonMapper mapper = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            return mapper.readValue(in, DemoAccounts.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    public List<DemoResident> residentsWhoSignIn() {
        return residents.stream().filter(DemoResident::canSignIn).toList();
    }
}
