package org.cartpath.monitoring.grading;

/** The encephalopathy assessment an ICANS grade rests on: ICE from age 12, CAPD for younger children. */
public enum AssessmentTool {
    ICE("iceScore"),
    CAPD("capdScore");

    private final String field;

    AssessmentTool(String field) {
        this.field = field;
    }

    /** The name of the field that carries this tool's score. */
    public String field() {
        return field;
    }
}
