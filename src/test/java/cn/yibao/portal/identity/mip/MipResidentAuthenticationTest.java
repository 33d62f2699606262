package cn.yibao.portal.identity.mip;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class MipResidentAuthenticationTest {

    @Test
    void theSignedInResidentSurvivesJavaSerialisationAsASessionInRedisNeedsAndPrintsNoPayAuthNo() throws Exception {
        MipResidentAuthentication resident = new MipResidentAuthentication(Map.of("sub", "14112100000000000021",
                "name", "刘桂芳", "certno", "141121196004152121", "psn_no", "14112100000000000021",
                "insuplc_admdvs", "141121", "rels_pay_flag", "0",
                "idetinfo", List.of(Map.of("psn_idet_type", "2302", "begntime", "2023-01-01"))),
                "AUTH0123", List.of(new SimpleGrantedAuthority("ROLE_RESIDENT")));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(resident);
        }
        MipResidentAuthentication back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (MipResidentAuthentication) in.readObject();
        }
        assertThat(back.claims()).isEqualTo(resident.claims());
        assertThat(back.payAuthNo()).isEqualTo("AUTH0123");
        assertThat(back.getName()).isEqualTo("14112100000000000021");
        assertThat(back.isAuthenticated()).isTrue();
        assertThat(back.toString()).doesNotContain("AUTH0123", "141121196004152121", "刘桂芳");
    }
}
