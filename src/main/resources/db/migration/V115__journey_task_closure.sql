-- How a task was closed (no task is "done" before its event). DONE: its work was done (the case left
-- the task's stage, or someone closed it); REPLACED: a more precise task took its place (a booking's dated
-- collection task replaces the stage's default one, a reschedule replaces the old day's); CANCELLED: its work will
-- not happen (the booking was cancelled, the case ended). Rows closed before this column existed read as DONE.
alter table case_task add column closed_as text check (closed_as in ('DONE', 'REPLACED', 'CANCELLED'));
alter table case_task add constraint case_task_closed_as_only_when_closed check (closed_as is null or closed_at is not null);
