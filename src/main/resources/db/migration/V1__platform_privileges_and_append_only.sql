-- The application connects as its own role (${appRole}). It may read and write ordinary tables; tables
-- that are append-only by law or by design (audit trail, signatures, custody events…) are made so with
-- cartpath_make_append_only, which both revokes the privileges and adds triggers that refuse the change
-- for every role, so that even an application that connects as the owner cannot rewrite history.

grant usage on schema public to ${appRole};
alter default privileges in schema public grant select, insert, update, delete on tables to ${appRole};
alter default privileges in schema public grant usage, select on sequences to ${appRole};

create function cartpath_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception '% is append-only: % is not allowed', tg_table_name, tg_op
        using errcode = 'insufficient_privilege';
end
$$;

create procedure cartpath_make_append_only(target regclass, app_role text)
    language plpgsql as
$$
begin
    execute format('revoke update, delete, truncate on %s from %I', target, app_role);
    execute format('create trigger %I before update or delete on %s for each row execute function cartpath_refuse_change()',
                   target::text || '_append_only', target);
    execute format('create trigger %I before truncate on %s for each statement execute function cartpath_refuse_change()',
                   target::text || '_no_truncate', target);
end
$$;
