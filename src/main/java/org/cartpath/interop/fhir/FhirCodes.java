package org.cartpath.interop.fhir;

/**
 * The code systems and identifier systems the façade emits (ADR 0023). Standard ones where a standard exists: the NHS
 * number's system is NHS England's (https://digital.nhs.uk/developer/api-catalogue/personal-demographics-service-fhir),
 * observation codes are LOINC (https://loinc.org) with UCUM units, the DIN is ICCBBA's identifier as HL7 names it
 * (http://hl7.org/fhir/NamingSystem/iccbba-din), other ISBT 128 identifiers (the chain of identity) ICCBBA's "other"
 * identifiers (http://hl7.org/fhir/NamingSystem/iccbba-other). Where no standard code exists (the ASTCT CRS and ICANS
 * grades, the ICE and CAPD scores, cartpath's product codes) the code system is cartpath's own.
 */
final class FhirCodes {

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String DATA_ABSENT_REASON = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
    static final String ISBT128_DIN = "http://hl7.org/fhir/NamingSystem/iccbba-din";
    static final String ISBT128_OTHER = "http://hl7.org/fhir/NamingSystem/iccbba-other";

    /**
     * SNOMED CT (https://www.snomed.org), for the substances and the route of the doses cartpath records: 387420009
     * |Cyclophosphamide (substance)|, 444648007 |Tocilizumab (substance)|, 47625008 |Intravenous route| and 258684004
     * |milligram| (the dm+d route and unit docs/reporting/sact-export.md uses). ADR 0034.
     */
    static final String SNOMED = "http://snomed.info/sct";
    static final String SNOMED_INTRAVENOUS = "47625008";
    static final String SNOMED_CYCLOPHOSPHAMIDE = "387420009";
    static final String SNOMED_TOCILIZUMAB = "444648007";

    /** cartpath's own code systems: only for what no standard codes. */
    static final String CARTPATH = "https://cartpath.org/fhir/CodeSystem/";
    static final String TOXICITY = CARTPATH + "toxicity";
    static final String PRODUCT = CARTPATH + "product";
    static final String PRODUCT_LOT = CARTPATH + "product-lot";
    /** The case's stage, the kinds of request, procedure and specimen, the drugs without a SNOMED code here (ADR 0034). */
    static final String CASE_STAGE = CARTPATH + "case-stage";
    static final String CARE = CARTPATH + "care";
    static final String PROCEDURE = CARTPATH + "procedure";
    static final String SPECIMEN = CARTPATH + "specimen";
    static final String MEDICATION = CARTPATH + "medication";
    static final String CUSTODY_ACTIVITY = CARTPATH + "custody-activity";
    static final String AUDIT_ACTION = CARTPATH + "audit-action";
    /** The case's human reference (CP-2026-00042) as an identifier. */
    static final String CASE_REFERENCE = "https://cartpath.org/fhir/Id/case-reference";

    private FhirCodes() {
    }
}
