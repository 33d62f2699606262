package cn.yibao.portal.startup;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

/** How a refused start is explained: what is wrong and what to set, in terms of environment variables. */
public final class StartFailures {

    private StartFailures() {
    }

    /** Missing or unsafe production settings: the list, and where the README explains each. */
    public static final class Settings extends AbstractFailureAnalyzer<UnsafeProductionSettings> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettings cause) {
            return new FailureAnalysis(cause.getMessage(), "Set or correct every setting listed above (README, "
                    + "\"Production configuration\"), then start again. Nothing was started.", cause);
        }
    }

    /**
     * The migrations could not connect (a wrong URL, owner role or password, or an unreachable server): say which
     * settings to check, with PostgreSQL's SQLSTATE but without the driver's text (it repeats the user name).
     */
    public static final class Migrations implements FailureAnalyzer {

        @Override
        public FailureAnalysis analyze(Throwable failure) {
            boolean flyway = false;
            SQLException sql = null;
            for (Throwable t = failure; t != null; t = t.getCause()) {
                flyway |= t.getClass().getName().startsWith("org.flywaydb.");
                if (t instanceof SQLException exception && sql == null) {
                    sql = exception;
                }
            }
            if (!flyway || sql == null || sql.getSQLState() == null || !connectionState(sql.getSQLState())) {
                return null;
            }
            return new FailureAnalysis("The database migrations could not connect to PostgreSQL (SQLSTATE "
                    + sql.getSQLState() + "). Nothing was started.",
                    "Check SPRING_FLYWAY_URL, SPRING_FLYWAY_USER and SPRING_FLYWAY_PASSWORD: the JDBC URL of the "
                            + "portal's database and the role that owns its schema (README, \"Two database roles\").",
                    failure);
        }

        /** 08: connection exceptions; 28: invalid authorization; 3D: no such database. */
        private static boolean connectionState(String state) {
            return state.startsWith("08") || state.startsWith("28") || state.startsWith("3D");
        }
    }
}
