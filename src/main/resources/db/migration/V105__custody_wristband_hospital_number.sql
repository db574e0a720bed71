-- A patient wristband carries the patient's own identifiers, never the COI (ADR 6): the NHS
-- number or, for a patient without one, their hospital number (NPSA Safer Practice Notice 24). The printed
-- hospital number is kept with the print, like the NHS number, and read only by the treating centre.
alter table custody_label_print add column patient_hospital_number text;
alter table custody_label_print add constraint custody_label_print_wristband_identifier
    check (kind <> 'PATIENT_WRISTBAND' or patient_nhs_number is not null or patient_hospital_number is not null);
