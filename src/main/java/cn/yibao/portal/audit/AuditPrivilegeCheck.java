package cn.yibao.portal.audit;

import java.time.Duration;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Refuses to run when the application's database role could change or remove audit rows, e.g. because production
 * was configured with the owner's credentials for R2DBC as well as for Flyway (see README).
 */
@Component
class AuditPrivilegeCheck implements ApplicationRunner {

    private final DatabaseClient database;

    AuditPrivilegeCheck(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String role = database.sql("""
                        select current_user as role
                        where has_table_privilege('audit_event', 'UPDATE') or has_table_privilege('audit_event', 'DELETE')
                           or has_table_privilege('audit_event', 'TRUNCATE')""")
                .map(row -> row.get("role", String.class))
                .one()
                .block(Duration.ofSeconds(30));
        if (role != null) {
            throw new IllegalStateException("The database role " + role + " may update, delete or truncate audit_event:"
                    + " connect the application (spring.r2dbc.username) as the restricted role, see README");
        }
    }
}
