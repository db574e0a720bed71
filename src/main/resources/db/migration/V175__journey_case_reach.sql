-- Which organisations reach which cases, as parties, at the case's current stage: the SQL form of
-- journey.PartyRole's reach (ADR 0019). Every query that lists cases for an actor as a party reads this view through
-- shared.DataScope#reachesCase, so the rule lives in one place; CaseReachIT checks it agrees with PartyRole for every
-- role and stage. The national panel reaches a case until it has gone past its decision.
create view case_reach as
select p.case_id, p.organisation_id, p.role
from case_party p
join therapy_case c on c.id = p.case_id
where p.role <> 'NATIONAL_PANEL'
   or c.stage in ('REFERRED', 'TRIAGED', 'ELIGIBILITY_ASSESSED', 'PANEL_APPROVED', 'DECLINED');
