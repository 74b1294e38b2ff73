package io.musicsync.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Faults waiting to be served, each for its next N matching calls, oldest first. */
final class FaultInjector {

    private static final class Pending {
        final Fault fault;
        int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.remaining = fault.count();
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    synchronized void inject(Fault fault) {
        pending.add(new Pending(fault));
    }

    /** The fault this call must answer with, if any; consumes one of its count. */
    synchronized Optional<Fault> take(Endpoint endpoint) {
        Iterator<Pending> it = pending.iterator();
        while (it.hasNext()) {
            Pending p = it.next();
            if (p.fault.appliesTo(endpoint)) {
                if (--p.remaining == 0) {
                    it.remove();
                }
                return Optional.of(p.fault);
            }
        }
        return Optional.empty();
    }

    synchronized void clear() {
        pending.clear();
    }
}
