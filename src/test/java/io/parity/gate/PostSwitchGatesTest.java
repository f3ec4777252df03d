package io.parity.gate;

import io.parity.spec.GateSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The post-switch gates' pure parts: which GTIDs a server wrote itself, and the decisions over observations. */
class PostSwitchGatesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Observation own(long seconds, String own) {
        return new Observation(T0.plusSeconds(seconds), "obs@" + seconds, Map.of("own", own, "position", own));
    }

    @Test
    void ownEntriesAreThoseOfTheServersIdOrUuid() {
        assertThat(OwnWrites.own("1-7307-40,2-7308-9", 7307, null)).isEqualTo("1-7307-40");
        assertThat(OwnWrites.own("0-7308-12", 7307, null)).isEmpty();
        String mysql = "3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77,\n 2174b383-5441-11e8-b90a-c80aa9429562:1-5";
        assertThat(OwnWrites.own(mysql, 1, "3E11FA47-71CA-11E1-9E33-C80AA9429562"))
                .isEqualTo("3e11fa47-71ca-11e1-9e33-c80aa9429562:1-77");
        assertThat(OwnWrites.wrote("1-7307-40", "1-7307-41")).isTrue();
        assertThat(OwnWrites.wrote("1-7307-40", "1-7307-40")).isFalse();
        // a shared domain whose last entry is now the destination's: the source wrote nothing
        assertThat(OwnWrites.wrote("0-7307-10", "")).isFalse();
        assertThat(OwnWrites.wrote("", "")).isFalse();
    }

    @Test
    void sourceSilentFailsAtOnceOnAWriteOfItsOwnAndPassesAfterAQuietPeriod() {
        SourceSilentGate gate = new SourceSilentGate();
        GateSettings settings = GateSettings.of(gate.name(), Map.of("period", "5s"));
        assertThat(gate.decide(List.of(own(0, "1-7307-40"), own(2, "1-7307-40")), settings).status())
                .isEqualTo(GateStatus.WAIT);
        Decision wrote = gate.decide(List.of(own(0, "1-7307-40"), own(1, "1-7307-41")), settings);
        assertThat(wrote.status()).isEqualTo(GateStatus.FAIL);
        assertThat(wrote.reason()).contains("the old source wrote on its own").contains("1-7307-41");
        assertThat(gate.decide(List.of(own(0, "1-7307-40"), own(6, "1-7307-40")), settings).status())
                .isEqualTo(GateStatus.PASS);
    }

    @Test
    void destinationServingPassesOnceAWriteOfItsOwnArrives() {
        DestinationServingGate gate = new DestinationServingGate();
        GateSettings settings = GateSettings.of(gate.name(), Map.of());
        assertThat(gate.decide(List.of(own(0, "2-7308-5"), own(3, "2-7308-5")), settings).status())
                .isEqualTo(GateStatus.WAIT);
        assertThat(gate.decide(List.of(own(0, "2-7308-5"), own(3, "2-7308-6")), settings).status())
                .isEqualTo(GateStatus.PASS);
        assertThat(gate.decide(List.of(own(0, ""), own(1, "2-7308-1")), settings).status()).isEqualTo(GateStatus.PASS);
    }
}
