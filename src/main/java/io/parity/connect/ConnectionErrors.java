package io.parity.connect;

import io.parity.core.Failure;
import io.parity.core.ParityException;
import io.parity.core.Side;
import io.parity.spec.Endpoint;

import java.sql.SQLException;

/**
 * Turns driver exceptions into one-line messages that say which side, what happened and what to check. Wrong
 * credentials and unreachable servers at start are the user's to fix (bad input); losing a server mid-run is not.
 */
public final class ConnectionErrors {

    private ConnectionErrors() {
    }

    static ParityException onConnect(Side side, Endpoint endpoint, SQLException e) {
        // a shard's endpoint is labelled "sources[1] (shard far)": named by its field and name, checked by its field
        boolean shard = endpoint.label() != null && endpoint.label().contains(" (shard ");
        String name = shard ? endpoint.label() : side.label();
        String label = shard ? endpoint.label().substring(0, endpoint.label().indexOf(' ')) : side.label();
        String where = endpoint.safeUrl();
        int code = e.getErrorCode();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ParityException tls = TlsErrors.onConnect(label, endpoint, e);
        if (tls != null) {
            return tls;
        }
        if (code == 1045 || state.equals("28000")) {
            return ParityException.badInput(name + ": access denied for user '" + endpoint.user() + "' at " + where
                    + "; check " + label + ".user and " + label + ".password");
        }
        if (code == 1049) {
            return ParityException.badInput(name + ": unknown database in " + where + "; fix the database name in "
                    + label + ".url");
        }
        if (state.startsWith("08") || code == 0) {
            return ParityException.badInput(name + ": cannot reach the server at " + where + " ("
                    + firstLine(e.getMessage()) + "); check " + label + ".url and that the server is running");
        }
        return ParityException.badInput(name + ": cannot connect to " + where + " (" + firstLine(e.getMessage())
                + "); check " + label + ".url and the account");
    }

    /** Describes a failure while checking: the check could not complete, and says where. */
    public static ParityException during(String what, Side side, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        Failure failure = e.getErrorCode() == 1142 || e.getErrorCode() == 1143 || e.getErrorCode() == 1064
                || e.getErrorCode() == 1054 ? Failure.BAD_INPUT : Failure.INCOMPLETE;
        String hint = switch (e.getErrorCode()) {
            case 1142, 1143 -> "; grant SELECT on it to the " + side.label() + " account";
            case 1064, 1054 -> "; check the table's 'where:' and 'key:' in the spec";
            default -> state.startsWith("08") ? "; the connection was lost" : "";
        };
        return new ParityException(failure, side.label() + ": " + what + " failed: " + firstLine(e.getMessage()) + hint, e);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no detail";
        }
        return message.lines().findFirst().orElse(message).trim();
    }
}
