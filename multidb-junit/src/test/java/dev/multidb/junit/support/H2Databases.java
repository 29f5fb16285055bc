package dev.multidb.junit.support;

/** The H2 databases of the unit {@code junit-h2}, reached from outside its factory. */
public final class H2Databases {

    private H2Databases() {
    }

    /** The URL of the database behind {@code alias} (in memory, alive until the JVM exits). */
    public static String url(String alias) {
        return "jdbc:h2:mem:junit-" + alias + ";DB_CLOSE_DELAY=-1";
    }

    public static long countOutside(String alias, String table) {
        return Rows.countOutside(url(alias), "", "", table);
    }

    public static void updateOutside(String alias, String sql) {
        Rows.updateOutside(url(alias), "", "", sql);
    }
}
