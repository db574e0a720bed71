package org.cartpath.interop.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Observation;

/**
 * HAPI's {@code FhirInstanceValidator} against base R4, shared by the FHIR ITs of one JVM: it loads all of R4 (tens of
 * seconds on a busy machine), so it starts loading when the first class that needs it does, once.
 */
final class FhirValidation {

    static final FhirContext FHIR = FhirContext.forR4Cached();

    static final CompletableFuture<FhirValidator> VALIDATOR = CompletableFuture.supplyAsync(FhirValidation::validator);

    private FhirValidation() {
    }

    /** The errors (and worse) the validator finds in each resource, named by type, id and place. */
    static List<String> errors(List<? extends IBaseResource> resources) {
        List<String> errors = new ArrayList<>();
        for (IBaseResource resource : resources) {
            ValidationResult result = VALIDATOR.join().validateWithResult(resource);
            for (SingleValidationMessage message : result.getMessages()) {
                if (message.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()) {
                    errors.add(resource.fhirType() + "/" + resource.getIdElement().getIdPart() + " "
                            + message.getLocationString() + ": " + message.getMessage());
                }
            }
        }
        return errors;
    }

    private static FhirValidator validator() {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        FhirValidator validator = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
        Observation warmUp = new Observation();
        warmUp.setStatus(Observation.ObservationStatus.FINAL).getCode().setText("warm-up");
        validator.validateWithResult(warmUp); // loads the structure definitions and code systems of R4
        return validator;
    }
}
