-- SMART-style scopes on API tokens (ADR 0030): what a token may do on the FHIR façade at /fhir, chosen when it is
-- issued. Scopes narrow what the token's roles allow; they never widen it. Tokens issued before scopes existed keep
-- what they could do: read (system/*.read) — never write, which no token could do before.
alter table api_token
    add column scopes text[] not null default '{system/*.read}' check (cardinality(scopes) > 0);
