package org.cartpath.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cartpath.monitoring.grading.CapdAnswer;
import org.cartpath.monitoring.grading.CerebralEdema;
import org.cartpath.monitoring.grading.Consciousness;
import org.cartpath.monitoring.grading.OxygenDevice;
import org.cartpath.monitoring.grading.Seizure;
import org.cartpath.monitoring.grading.Vasopressor;

/**
 * Test assessments with safe defaults: afebrile, normotensive, room air, fully oriented, awake; change only what
 * the test is about. {@link #input()} for the service, {@link #json()} for the API.
 */
public final class Assessments {

    private Instant assessedAt;
    private String temperature = "36.8";
    private boolean hypotension;
    private final List<Vasopressor> vasopressors = new ArrayList<>();
    private OxygenDevice device = OxygenDevice.NONE;
    private String flow;
    private boolean antipyreticGiven;
    private AssessmentInput.IceItems ice = new AssessmentInput.IceItems(4, 3, 1, 1, 1);
    private List<CapdAnswer> capd;
    private boolean unableToAssess;
    private Consciousness consciousness = Consciousness.AWAKENS_SPONTANEOUSLY;
    private Seizure seizure = Seizure.NONE;
    private CerebralEdema edema = CerebralEdema.NONE;

    private Assessments(Instant at) {
        this.assessedAt = at;
    }

    /** A normal assessment of a patient aged 12 or more (ICE 10). */
    public static Assessments adult(Instant at) {
        return new Assessments(at);
    }

    /** A normal assessment of a child under 12 (CAPD 0). */
    public static Assessments child(Instant at) {
        Assessments a = new Assessments(at);
        a.ice = null;
        a.capd = List.of(CapdAnswer.ALWAYS, CapdAnswer.ALWAYS, CapdAnswer.ALWAYS, CapdAnswer.ALWAYS, CapdAnswer.NEVER,
                CapdAnswer.NEVER, CapdAnswer.NEVER, CapdAnswer.NEVER);
        return a;
    }

    public Assessments at(Instant at) {
        this.assessedAt = at;
        return this;
    }

    public Assessments temperature(String celsius) {
        this.temperature = celsius;
        return this;
    }

    public Assessments hypotension() {
        this.hypotension = true;
        return this;
    }

    public Assessments vasopressor(Vasopressor vasopressor) {
        this.vasopressors.add(vasopressor);
        return this;
    }

    public Assessments oxygen(OxygenDevice device, String flow) {
        this.device = device;
        this.flow = flow;
        return this;
    }

    public Assessments antipyreticGiven() {
        this.antipyreticGiven = true;
        return this;
    }

    public Assessments ice(int orientation, int naming, int commands, int writing, int attention) {
        this.ice = new AssessmentInput.IceItems(orientation, naming, commands, writing, attention);
        return this;
    }

    public Assessments capd(CapdAnswer... answers) {
        this.capd = List.of(answers);
        return this;
    }

    public Assessments consciousness(Consciousness level) {
        this.consciousness = level;
        return this;
    }

    public Assessments unarousable() {
        this.unableToAssess = true;
        this.consciousness = Consciousness.UNAROUSABLE;
        this.ice = null;
        this.capd = null;
        return this;
    }

    public Assessments seizure(Seizure seizure) {
        this.seizure = seizure;
        return this;
    }

    public AssessmentInput input() {
        return new AssessmentInput(assessedAt, new BigDecimal(temperature), null, null, null, null, null, hypotension,
                vasopressors, device, flow == null ? null : new BigDecimal(flow), false, antipyreticGiven, false, ice,
                capd, unableToAssess, consciousness, false, seizure, false, edema, null, null);
    }

    /** The same as an API body; a mutable map, so tests can break one field. */
    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("assessedAt", assessedAt.toString());
        body.put("temperatureCelsius", new BigDecimal(temperature));
        body.put("hypotension", hypotension);
        body.put("vasopressors", vasopressors.stream().map(Enum::name).toList());
        body.put("oxygenDevice", device.name());
        if (flow != null) {
            body.put("oxygenFlowLitresPerMinute", new BigDecimal(flow));
        }
        body.put("feverAttributableToOtherCause", false);
        body.put("antipyreticOrAnticytokineGiven", antipyreticGiven);
        if (ice != null) {
            Map<String, Object> items = new LinkedHashMap<>();
            items.put("orientation", ice.orientation());
            items.put("naming", ice.naming());
            items.put("followsCommands", ice.followsCommands());
            items.put("writing", ice.writing());
            items.put("attention", ice.attention());
            body.put("iceItems", items);
        }
        if (capd != null) {
            body.put("capdAnswers", capd.stream().map(Enum::name).toList());
        }
        body.put("unableToAssess", unableToAssess);
        body.put("consciousness", consciousness.name());
        body.put("consciousnessAttributableToOtherCause", false);
        body.put("seizure", seizure.name());
        body.put("motorWeakness", false);
        body.put("cerebralEdema", edema.name());
        return body;
    }
}
