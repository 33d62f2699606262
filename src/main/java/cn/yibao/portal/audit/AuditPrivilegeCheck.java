package cn.yibao.portal.audit;

import io.r2dbc.spi.R2dbcException;
import java.time.Duration;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * The first thing the portal asks its database, once every bean is built and before the web server listens: can
 * the application's role connect at all, and could it change or remove audit rows (e.g. because production was
 * configured with the owner's credentials for R2DBC as well as for Flyway, see README)? Either way the start stops
 * here, saying which settings to check, instead of failing on the first request after "Started".
 */
@Component
class AuditPrivilegeCheck implements SmartInitializingSingleton {

    private final DatabaseClient database;

    AuditPrivilegeCheck(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public void afterSingletonsInstantiated() {
        String role;
        try {
            role = database.sql("""
                            select current_user as role
                            where has_table_privilege('audit_event', 'UPDATE') or has_table_privilege('audit_event', 'DELETE')
                               or has_table_privilege('audit_event', 'TRUNCATE')""")
                    .map(row -> row.get("role", String.class))
                    .one()
                    .block(Duration.ofSeconds(30));
        } catch (RuntimeException unreachable) {
            throw new IllegalStateException("The portal cannot use its database" + sqlState(unreachable)
                    + ": check SPRING_R2DBC_URL, SPRING_R2DBC_USERNAME and SPRING_R2DBC_PASSWORD (the application role, "
                    + "see README, \"Two database roles\"). The web server was not started.");
        }
        if (role != null) {
            throw new IllegalStateException("The database role " + role + " may update, delete or truncate audit_event:"
                    + " connect the application (SPRING_R2DBC_USERNAME) as the restricted role, see README");
        }
    }

    /** PostgreSQL's SQLSTATE of the failure, if it gave one; never the driver's text (it repeats the user name). */
    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof R2dbcException r2dbc && r2dbc.getSqlState() != null) {
                return " (SQLSTATE " + r2dbc.getSqlState() + ")";
            }
        }
        return "";
    }
}
