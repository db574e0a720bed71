-- QA's acceptance of a lot did not close QA's task "Check and accept the released lot (QA)", so it stayed open through
-- the infusion and the worklist named QA acceptance as an infused child's next step. Acceptance closes it from now on
-- (ManufacturingManagement.accept); this closes the tasks whose acceptance is already recorded, at the time of it.
update case_task t
set closed_at = accepted.decided_at,
    closed_by = accepted.decided_by_name
from (select distinct on (l.case_id) l.case_id, d.decided_at, coalesce(u.display_name, 'QA') as decided_by_name
      from product_lot_decision d
               join product_lot l on l.id = d.lot_id
               left join app_user u on u.id = d.decided_by
      where d.kind = 'QA_ACCEPTANCE'
      order by l.case_id, d.decided_at desc) accepted
where t.case_id = accepted.case_id
  and t.title = 'Check and accept the released lot (QA)'
  and t.closed_at is null
  and t.opened_at <= accepted.decided_at;
