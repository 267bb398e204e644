package org.jkeepalived.watchdog;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HostViewTest {
    @Test
    void seesLoopbackEvenThoughItIsNotNamedInAnyConfig() {
        assertTrue(HostView.interfaceNames().contains("lo"));
        assertTrue(HostView.system().interfaces().exists("lo"));
    }
}
