package io.parity.batch;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Routing after a step: required failures stop, advisory ones continue, pauses pause, unknown codes stop. */
class GateDeciderTest {

    @Test
    void routes() {
        assertEquals(GateDecider.CONTINUE, GateDecider.route("PASS", true));
        assertEquals(GateDecider.CONTINUE, GateDecider.route("SKIPPED", true));
        assertEquals(GateDecider.STOP, GateDecider.route("FAIL", true));
        assertEquals(GateDecider.STOP, GateDecider.route("ERROR", true));
        assertEquals(GateDecider.CONTINUE, GateDecider.route("FAIL", false));
        assertEquals(GateDecider.CONTINUE, GateDecider.route("ERROR", false));
        assertEquals(GateDecider.PAUSE, GateDecider.route("PAUSED", true));
        assertEquals(GateDecider.STOP, GateDecider.route("FAILED", false), "a step that threw");
        assertEquals(GateDecider.STOP, GateDecider.route(null, true));
    }
}
