/**
 * The FHIR R4 façade (ADR 0023): HAPI FHIR's plain {@code RestfulServer} at {@code /fhir/*}, its resource providers
 * (Patient, Observation, BiologicallyDerivedProduct, Condition, AdverseEvent, {@code Patient/$everything}; with
 * ADR 0034 ServiceRequest, CarePlan, Task, Specimen, Procedure, MedicationAdministration, Provenance and AuditEvent)
 * and the translators from cartpath's records to FHIR resources. Authentication is the API's bearer token; what a token sees is what the
 * same token sees on {@code /api/v1}, because every read goes through the owning module's service.
 */
package org.cartpath.interop.fhir;
