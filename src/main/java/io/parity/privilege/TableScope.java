package io.parity.privilege;

import io.parity.spec.TableSpec;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec's table entry as a grant scope on one side: one table, or (for an {@code include} glob) the whole schema,
 * because MySQL grants have no wildcards for table names and the glob's tables may not exist yet.
 *
 * @param schema the schema (MySQL database)
 * @param table  the table, or null for the whole schema
 */
record TableScope(String schema, String table) {

    private static final Pattern DATABASE = Pattern.compile("^jdbc:[a-z0-9]+://[^/]*/([^?;/]+)");

    /** The entry's scope on the source. */
    static TableScope source(TableSpec spec, String url) {
        return spec.isGlob() ? schemaOf(spec.include(), url) : of(spec.name(), url);
    }

    /** The entry's scope on the destination: its {@code target} when it has one. */
    static TableScope destination(TableSpec spec, String url) {
        if (spec.isGlob()) {
            String pattern = spec.target() == null ? spec.include() : spec.target();
            return schemaOf(pattern, url);
        }
        return of(spec.target() == null ? spec.name() : spec.target(), url);
    }

    private static TableScope of(String name, String url) {
        int dot = name.indexOf('.');
        return dot < 0 ? new TableScope(defaultSchema(url), name) : new TableScope(name.substring(0, dot),
                name.substring(dot + 1));
    }

    private static TableScope schemaOf(String glob, String url) {
        int dot = glob.indexOf('.');
        return new TableScope(dot < 0 ? defaultSchema(url) : glob.substring(0, dot), null);
    }

    /** PostgreSQL's unqualified tables are in {@code public}; MySQL's in the URL's database. */
    static String defaultSchema(String url) {
        return url.toLowerCase(Locale.ROOT).startsWith("jdbc:postgresql:") ? "public" : database(url);
    }

    /** The database named in the URL's path, or an empty string. */
    static String database(String url) {
        Matcher m = DATABASE.matcher(url);
        return m.find() ? m.group(1) : "";
    }
}
