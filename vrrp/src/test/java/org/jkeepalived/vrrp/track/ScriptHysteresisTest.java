package org.jkeepalived.vrrp.track;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.jkeepalived.vrrp.track.ScriptHysteresis.Status;
import org.junit.jupiter.api.Test;

class ScriptHysteresisTest {
    @Test
    void firstResultDecidesWhateverRiseAndFall() {
        // keepalived 2.2.7: rise 3 / fall 3 scripts were OK / failed after their first run
        ScriptHysteresis ok = new ScriptHysteresis(3, 3);
        assertEquals(Status.INIT, ok.status());
        assertEquals(Optional.of(Status.OK), ok.record(true));
        ScriptHysteresis failed = new ScriptHysteresis(3, 3);
        assertEquals(Optional.of(Status.FAILED), failed.record(false));
    }

    @Test
    void fallConsecutiveFailuresTurnOkIntoFailed() {
        ScriptHysteresis h = new ScriptHysteresis(2, 3);
        h.record(true);
        assertEquals(Optional.empty(), h.record(false));
        assertEquals(Optional.empty(), h.record(false));
        assertEquals(Optional.empty(), h.record(true)); // restarts the count
        assertEquals(Optional.empty(), h.record(false));
        assertEquals(Optional.empty(), h.record(false));
        assertEquals(Optional.of(Status.FAILED), h.record(false));
        assertEquals(Optional.empty(), h.record(false));
    }

    @Test
    void riseConsecutiveSuccessesTurnFailedIntoOk() {
        ScriptHysteresis h = new ScriptHysteresis(2, 1);
        h.record(false);
        assertEquals(Optional.empty(), h.record(true));
        assertEquals(Optional.empty(), h.record(false));
        assertEquals(Optional.empty(), h.record(true));
        assertEquals(Optional.of(Status.OK), h.record(true));
        assertEquals(Optional.of(Status.FAILED), h.record(false)); // fall 1
    }
}
