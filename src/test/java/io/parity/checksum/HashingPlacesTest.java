package io.parity.checksum;

import io.parity.core.Hashing;
import io.parity.core.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How {@code hashing: auto} picks each side's place from the times it observes. */
class HashingPlacesTest {

    /** Runs {@code chunks} chunks of 20,000 rows on the source, each place taking {@code java}/{@code server} ns a row. */
    private static List<Hashing> run(HashingPlaces places, int chunks, long java, long server) {
        List<Hashing> chosen = new ArrayList<>();
        for (int i = 0; i < chunks; i++) {
            Hashing place = places.next(Side.SOURCE);
            chosen.add(place);
            places.observe(Side.SOURCE, place, 20_000, 20_000 * (place == Hashing.CLIENT ? java : server));
        }
        return chosen;
    }

    @Test
    void aSideWhoseLinkIsFastStaysInJavaAndRevisitsTheServerRarely() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        List<Hashing> chosen = run(places, 300, 1_500, 3_000);
        // both places tried first (the first timed chunk of each discarded as warm-up), then Java
        assertThat(chosen.subList(0, 6)).containsOnly(Hashing.CLIENT, Hashing.SERVER);
        assertThat(chosen.subList(0, 6).stream().filter(p -> p == Hashing.SERVER).count())
                .as("a server twice Java's time is timed twice").isEqualTo(2);
        assertThat(chosen.subList(6, 300).stream().filter(p -> p == Hashing.SERVER).count())
                .as("revisits of the server, every 128th chunk").isBetween(2L, 3L);
        assertThat(places.prefersJava(Side.SOURCE)).isTrue();
        assertThat(places.describe()).startsWith("source: in Parity for 9").contains("1.50 µs a row in Parity, 3.00 µs on the server");
    }

    @Test
    void aSideBehindASlowLinkMovesToTheServerAndBackWhenTheLinkRecovers() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        List<Hashing> slow = run(places, 40, 9_000, 3_000);
        assertThat(slow.subList(10, 40).stream().filter(p -> p == Hashing.CLIENT).count()).isLessThanOrEqualTo(2);
        assertThat(places.prefersJava(Side.SOURCE)).isFalse();
        List<Hashing> recovered = run(places, 60, 1_000, 3_000);
        assertThat(recovered.subList(30, 60)).as("the revisit of Java brings the side back").contains(Hashing.CLIENT);
        assertThat(recovered.get(59)).isEqualTo(Hashing.CLIENT);
    }

    @Test
    void aNearSideTimesItsServerOnceAndRevisitsItSeldomWhenItCostsFourTimesJavasTime() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        List<Hashing> chosen = run(places, 1_100, 450, 2_100);
        // Java first, its first chunk not timed; then the server's, and one settles it at more than twice
        // Java's time
        assertThat(chosen.subList(0, 8)).containsExactly(Hashing.CLIENT, Hashing.CLIENT, Hashing.CLIENT,
                Hashing.CLIENT, Hashing.SERVER, Hashing.CLIENT, Hashing.CLIENT, Hashing.CLIENT);
        assertThat(chosen.subList(6, 1_100).stream().filter(p -> p == Hashing.SERVER).count())
                .as("revisits of the server, every 512th chunk").isEqualTo(2);
        assertThat(places.describe()).contains("0.45 µs a row in Parity, 2.10 µs on the server");
    }

    @Test
    void partitionsAskingAtOnceStartOneServerTimingAtATime() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        run(places, 4, 450, 2_100); // Java's warm-up and timed chunks
        // three partitions ask before any of their chunks reports
        List<Hashing> asked = List.of(places.next(Side.SOURCE), places.next(Side.SOURCE), places.next(Side.SOURCE));
        assertThat(asked).containsExactly(Hashing.SERVER, Hashing.CLIENT, Hashing.CLIENT);
        places.observe(Side.SOURCE, Hashing.CLIENT, 20_000, 20_000 * 450L);
        places.observe(Side.SOURCE, Hashing.SERVER, 20_000, 20_000 * 2_100L);
        places.observe(Side.SOURCE, Hashing.CLIENT, 20_000, 20_000 * 450L);
        // more than twice Java's time: settled by the one
        assertThat(run(places, 30, 450, 2_100)).containsOnly(Hashing.CLIENT);
        assertThat(places.describe()).contains("0.45 µs a row in Parity, 2.10 µs on the server");
    }

    @Test
    void aServerTimingThatNeverReportsDoesNotStopTheTiming() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        run(places, 4, 450, 2_100);
        assertThat(places.next(Side.SOURCE)).isEqualTo(Hashing.SERVER); // its chunk fails: it never reports
        List<Hashing> after = run(places, 20, 450, 2_100);
        assertThat(after.subList(0, 16)).containsOnly(Hashing.CLIENT);
        assertThat(after.subList(16, 20)).contains(Hashing.SERVER);
        assertThat(places.describe()).contains("2.10 µs on the server");
    }

    @Test
    void serverVisitsAreRationedByWhatEachCosts() {
        assertThat(HashingPlaces.revisitEvery(0.6)).as("a server faster than Java").isEqualTo(32);
        assertThat(HashingPlaces.revisitEvery(1.3)).isEqualTo(32);
        assertThat(HashingPlaces.revisitEvery(1.5)).isEqualTo(64);
        assertThat(HashingPlaces.revisitEvery(2.0)).isEqualTo(128);
        assertThat(HashingPlaces.revisitEvery(3.5)).isEqualTo(256);
        assertThat(HashingPlaces.revisitEvery(4.0)).isEqualTo(512);
        assertThat(HashingPlaces.revisitEvery(50)).as("at most").isEqualTo(512);
        for (double ratio = 1.01; ratio < 6.1; ratio += 0.01) {
            int every = HashingPlaces.revisitEvery(ratio);
            assertThat((ratio - 1) / every).as("what visits add at %.2f", ratio).isLessThanOrEqualTo(0.01);
            assertThat(512 % every).as("a power of two times 32").isZero();
        }
    }

    @Test
    void aSideThatVisitsItsServerSeldomStillMovesThereWhenJavaBecomesTheDearerPlace() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        run(places, 600, 450, 2_100);
        // Parity's CPU gets scarce (the server's does not): within a few of Java's chunks the server is no longer
        // dearer, so it is visited every 32nd chunk again, found cheaper and taken
        List<Hashing> later = run(places, 80, 4_500, 1_500);
        assertThat(later.subList(0, 40)).contains(Hashing.SERVER);
        assertThat(later.subList(50, 80).stream().filter(p -> p == Hashing.CLIENT).count()).isLessThanOrEqualTo(1);
        assertThat(places.prefersJava(Side.SOURCE)).isFalse();
    }

    @Test
    void aNearSideStaysInJavaUnlessItIsMoreThanTwiceAsSlowThere() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        List<Hashing> chosen = run(places, 40, 5_500, 3_000);
        assertThat(chosen.subList(10, 40).stream().filter(p -> p == Hashing.CLIENT).count()).isGreaterThanOrEqualTo(29);
        assertThat(places.prefersJava(Side.SOURCE)).isTrue();
    }

    @Test
    void aNearSideTimesItsServerAfreshBeforeLeavingJavaOnOldServerTimes() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        run(places, 30, 1_500, 3_000);
        // the machine gets busier: Java is now more than twice the server's old time, but not its time now
        List<Hashing> busy = run(places, 30, 7_000, 4_000);
        assertThat(busy.subList(0, 8)).as("the server timed afresh").containsSequence(Hashing.SERVER, Hashing.SERVER);
        assertThat(busy.subList(10, 30).stream().filter(p -> p == Hashing.CLIENT).count()).isGreaterThanOrEqualTo(19);
        assertThat(places.prefersJava(Side.SOURCE)).isTrue();
        // and when the fresh times confirm it, the side does move
        List<Hashing> worse = run(places, 30, 12_000, 4_000);
        assertThat(worse.subList(10, 30).stream().filter(p -> p == Hashing.CLIENT).count()).isLessThanOrEqualTo(1);
        assertThat(places.prefersJava(Side.SOURCE)).isFalse();
    }

    @Test
    void aDistantSideStartsOnItsServerAndTakesJavaOnlyWhenItIsFaster() {
        HashingPlaces places = new HashingPlaces(true, true, true, false, true);
        assertThat(places.next(Side.DESTINATION)).isEqualTo(Hashing.SERVER);
        assertThat(places.next(Side.SOURCE)).isEqualTo(Hashing.CLIENT);
        List<Hashing> chosen = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Hashing place = places.next(Side.DESTINATION);
            chosen.add(place);
            places.observe(Side.DESTINATION, place, 20_000, 20_000 * (place == Hashing.CLIENT ? 3_300 : 3_000));
        }
        assertThat(chosen.subList(10, 40).stream().filter(p -> p == Hashing.CLIENT).count()).isLessThanOrEqualTo(1);
        assertThat(places.prefersJava(Side.DESTINATION)).isFalse();
    }

    @Test
    void anEngineThatHashesOnlyOnTheServerAlwaysUsesTheServerAndSmallChunksAreNotTimed() {
        HashingPlaces places = new HashingPlaces(true, false, true);
        for (int i = 0; i < 5; i++) {
            assertThat(places.next(Side.SOURCE)).isEqualTo(Hashing.SERVER);
        }
        assertThat(places.describe()).startsWith("source: on the server (this engine hashes its row encoding only on the server)");
        // chunks of a few rows alternate between the places but never count as measurements
        List<Hashing> tiny = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Hashing place = places.next(Side.DESTINATION);
            tiny.add(place);
            places.observe(Side.DESTINATION, place, 3, 1_000_000);
        }
        assertThat(tiny).containsExactly(Hashing.CLIENT, Hashing.CLIENT, Hashing.CLIENT, Hashing.CLIENT,
                Hashing.SERVER, Hashing.CLIENT, Hashing.SERVER, Hashing.CLIENT, Hashing.SERVER, Hashing.CLIENT,
                Hashing.SERVER, Hashing.CLIENT);
        assertThat(places.describe()).contains("destination: in Parity for 67% of rows").doesNotContain("µs");
    }

    @Test
    void aFewChunksSlowedByContentionDoNotMoveASide() {
        HashingPlaces places = new HashingPlaces(true, true, true);
        List<Hashing> chosen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Hashing place = places.next(Side.SOURCE);
            chosen.add(place);
            // every third Java chunk waits behind the other side's work: four times its own cost
            long java = i % 3 == 0 ? 6_000 : 1_500;
            places.observe(Side.SOURCE, place, 20_000, 20_000 * (place == Hashing.CLIENT ? java : 3_000));
        }
        assertThat(chosen.subList(10, 60).stream().filter(p -> p == Hashing.SERVER).count()).isLessThanOrEqualTo(2);
    }
}
