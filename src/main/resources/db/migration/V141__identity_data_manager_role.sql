-- The data manager (registry data entry at a treatment centre): one more role a user may hold.
alter table user_role drop constraint user_role_role_check;
alter table user_role add constraint user_role_role_check check (role in ('REFERRER', 'COORDINATOR', 'CONSULTANT',
    'APHERESIS_NURSE', 'CELL_THERAPY_LAB', 'PHARMACIST', 'WARD_NURSE', 'QA', 'PANEL_MEMBER', 'MANUFACTURER_OPERATOR',
    'COURIER', 'ANALYST', 'AUDITOR', 'ADMINISTRATOR', 'DATA_MANAGER'));
