package org.cartpath.monitoring.grading;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The findings of one ICANS assessment for a test, with safe defaults (an adult, awake, ICE 10, nothing
 * else), that become either the domain's {@link IcansAssessment} or the API's JSON body.
 */
public final class IcansCase {

    private int ageYears = 40;
    private boolean developmentalDelay;
    private Integer iceScore = 10;
    private Integer capdScore;
    private boolean unableToAssess;
    private Consciousness consciousness = Consciousness.AWAKENS_SPONTANEOUSLY;
    private boolean consciousnessAttributableToOtherCause;
    private Seizure seizure = Seizure.NONE;
    private boolean motorWeakness;
    private CerebralEdema cerebralEdema = CerebralEdema.NONE;

    private IcansCase() {
    }

    /** An adult assessed with ICE. */
    public static IcansCase adultWithIce(int score) {
        IcansCase findings = new IcansCase();
        findings.iceScore = score;
        return findings;
    }

    /** A patient of this age assessed with ICE. */
    public static IcansCase agedWithIce(int age, int score) {
        return adultWithIce(score).age(age);
    }

    /** A patient of this age assessed with CAPD. */
    public static IcansCase agedWithCapd(int age, int score) {
        IcansCase findings = new IcansCase().age(age);
        findings.iceScore = null;
        findings.capdScore = score;
        return findings;
    }

    /** A patient of this age who cannot be roused to do the assessment. */
    public static IcansCase agedUnableToAssess(int age) {
        IcansCase findings = new IcansCase().age(age).consciousness(Consciousness.UNAROUSABLE);
        findings.iceScore = null;
        findings.unableToAssess = true;
        return findings;
    }

    public IcansCase age(int years) {
        ageYears = years;
        return this;
    }

    public IcansCase developmentalDelay() {
        developmentalDelay = true;
        return this;
    }

    public IcansCase iceScore(Integer score) {
        iceScore = score;
        return this;
    }

    public IcansCase capdScore(Integer score) {
        capdScore = score;
        return this;
    }

    public IcansCase unableToAssess() {
        unableToAssess = true;
        return this;
    }

    public IcansCase consciousness(Consciousness level) {
        consciousness = level;
        return this;
    }

    /** The depressed consciousness has another cause, e.g. sedation. */
    public IcansCase sedated() {
        consciousnessAttributableToOtherCause = true;
        return this;
    }

    public IcansCase seizure(Seizure kind) {
        seizure = kind;
        return this;
    }

    public IcansCase motorWeakness() {
        motorWeakness = true;
        return this;
    }

    public IcansCase cerebralEdema(CerebralEdema kind) {
        cerebralEdema = kind;
        return this;
    }

    public IcansAssessment assessment() {
        return new IcansAssessment(ageYears, developmentalDelay, iceScore, capdScore, unableToAssess, consciousness,
                consciousnessAttributableToOtherCause, seizure, motorWeakness, cerebralEdema);
    }

    /** The body of {@code POST /api/v1/calculators/icans-grade}. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ageYears", ageYears);
        json.put("developmentalDelay", developmentalDelay);
        json.put("iceScore", iceScore);
        json.put("capdScore", capdScore);
        json.put("unableToAssess", unableToAssess);
        json.put("consciousness", consciousness.name());
        json.put("consciousnessAttributableToOtherCause", consciousnessAttributableToOtherCause);
        json.put("seizure", seizure.name());
        json.put("motorWeakness", motorWeakness);
        json.put("cerebralEdema", cerebralEdema.name());
        return json;
    }
}
