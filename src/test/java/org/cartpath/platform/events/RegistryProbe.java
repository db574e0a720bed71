package org.cartpath.platform.events;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cartpath.audit.AuditTrail;
import org.cartpath.shared.Actor;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A listener through the event publication registry whose failure a test can switch on: it writes its effect (an
 * audit row naming the probe) and then, while the probe is set to fail, throws, so that its transaction rolls the
 * effect back and the registry keeps the publication incomplete. Lives in the test sources only; it is a bean of the
 * one test context and reacts to nothing but {@link Probed}.
 */
@Component
public class RegistryProbe {

    public static final String ACTION = "REGISTRY_PROBE_REACTED";

    /** The event the probe listens to. */
    public record Probed(UUID id) {
    }

    private final AuditTrail audit;
    private final Set<UUID> failing = ConcurrentHashMap.newKeySet();

    RegistryProbe(AuditTrail audit) {
        this.audit = audit;
    }

    public void failWhileSet(UUID id) {
        failing.add(id);
    }

    public void succeed(UUID id) {
        failing.remove(id);
    }

    @ApplicationModuleListener
    void on(Probed probed) {
        audit.record(Actor.system("registry probe"), ACTION, "RegistryProbe", probed.id().toString(), null, null, null);
        if (failing.contains(probed.id())) {
            throw new IllegalStateException("The registry probe " + probed.id() + " is set to fail");
        }
    }
}
