package io.parity.gate;

import io.parity.spec.Durations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sessions} gate's {@code watch}: a decision over the whole series instead of the last sample. A sample sees
 * a writer only while its statement runs or its transaction is open, so an autocommit writer between statements slips
 * through; the source position does not. The gate passes once, for {@code watch}, no sample saw a writer outside the
 * allow-list and the position stood still; until then, and in the FAIL at the timeout, it names every account seen
 * writing in any sample, and for each move of the position the accounts outside the allow-list that were connected
 * (an autocommit writer is among them). Pure: reads only the observations.
 */
final class SessionsWatch {

    private SessionsWatch() {
    }

    static Decision decide(List<Observation> series, Duration watch) {
        Observation last = series.get(series.size() - 1);
        int first = series.size() - 1;
        boolean writingNow = !offenders(last).isEmpty();
        while (!writingNow && first > 0 && offenders(series.get(first - 1)).isEmpty()
                && position(series.get(first - 1)).equals(position(last))) {
            first--;
        }
        Duration quiet = writingNow ? Duration.ZERO : Duration.between(series.get(first).at(), last.at());
        String history = history(series);
        if (!writingNow && quiet.compareTo(watch) >= 0) {
            return Decision.pass("no writer outside the allow-list and source position " + display(position(last))
                    + " unchanged for " + Durations.format(quiet) + " across " + (series.size() - first)
                    + " observations (watch " + Durations.format(watch) + ")"
                    + (history.isEmpty() ? "" : "; earlier in the watch: " + history));
        }
        String now = writingNow ? last.text() : "quiet for " + Durations.format(quiet) + " of " + Durations.format(watch);
        return Decision.waitFor(now + (history.isEmpty() ? "" : "; during the watch: " + history));
    }

    /** Every account seen writing, how often, and the accounts connected when the position moved. */
    static String history(List<Observation> series) {
        Map<String, Integer> writers = new LinkedHashMap<>();
        int moves = 0;
        Set<String> connectedAtMoves = new LinkedHashSet<>();
        for (int i = 0; i < series.size(); i++) {
            Observation o = series.get(i);
            for (Object offender : offenders(o)) {
                if (offender instanceof Map<?, ?> m) {
                    writers.merge(account(m.get("user"), m.get("host")), 1, Integer::sum);
                }
            }
            if (i > 0 && !position(o).equals(position(series.get(i - 1)))) {
                moves++;
                connectedAtMoves.addAll(connected(series.get(i - 1)));
                connectedAtMoves.addAll(connected(o));
            }
        }
        List<String> parts = new ArrayList<>();
        if (!writers.isEmpty()) {
            List<String> named = new ArrayList<>();
            writers.forEach((account, samples) -> named.add(account + " (" + samples + (samples == 1 ? " sample)"
                    : " samples)")));
            parts.add("accounts seen writing: " + String.join(", ", named));
        }
        if (moves > 0) {
            parts.add("source position moved " + moves + (moves == 1 ? " time" : " times") + ", "
                    + display(position(series.get(0))) + " -> " + display(position(series.get(series.size() - 1)))
                    + (connectedAtMoves.isEmpty() ? ", with no account outside the allow-list connected"
                    : ", while connected outside the allow-list: " + String.join(", ", connectedAtMoves)));
        }
        return String.join("; ", parts);
    }

    /** {@code user@host} without the client port: the account as GRANT and the allow-list name it. */
    static String account(Object user, Object host) {
        String h = String.valueOf(host);
        int colon = h.lastIndexOf(':');
        return user + "@" + (colon > 0 && h.substring(colon + 1).chars().allMatch(Character::isDigit)
                ? h.substring(0, colon) : h);
    }

    private static List<?> offenders(Observation o) {
        return o.value("offenders") instanceof List<?> l ? l : List.of();
    }

    private static List<String> connected(Observation o) {
        return o.value("connected") instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    private static String position(Observation o) {
        return String.valueOf(o.value("position"));
    }

    private static String display(String p) {
        return p.isEmpty() ? "(empty)" : p;
    }
}
