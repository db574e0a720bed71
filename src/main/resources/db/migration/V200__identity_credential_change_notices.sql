-- Every instance keeps a signed-in user's credentials and API tokens in a short cache (ADR 0029). Whatever changes a
-- user, their roles, their organisation or a token tells every instance, on commit, through a notice on the channel
-- cartpath_credentials (NOTIFY is delivered only when the transaction commits, and never if it rolls back). The
-- triggers make it hold for every writer, present and future, not only the services that know about the cache.
-- Payloads: 'user <id>', 'token <prefix>', 'organisation <id>' (every instance then forgets everything).
create function cartpath_credentials_changed() returns trigger
    language plpgsql as
$$
begin
    if tg_table_name = 'api_token' then
        -- writing a token's last use (at most once a minute) changes nothing a request is checked against
        if tg_op = 'UPDATE' and (to_jsonb(old) - 'last_used_at') = (to_jsonb(new) - 'last_used_at') then
            return null;
        end if;
        perform pg_notify('cartpath_credentials', 'token ' || old.token_prefix);
    elsif tg_table_name = 'app_user' then
        perform pg_notify('cartpath_credentials', 'user ' || old.id);
    elsif tg_table_name = 'user_role' then
        if tg_op in ('UPDATE', 'DELETE') then
            perform pg_notify('cartpath_credentials', 'user ' || old.user_id);
        end if;
        if tg_op in ('UPDATE', 'INSERT') then
            perform pg_notify('cartpath_credentials', 'user ' || new.user_id);
        end if;
    else
        perform pg_notify('cartpath_credentials', 'organisation ' || old.id);
    end if;
    return null;
end;
$$;

create trigger api_token_credentials_changed
    after update or delete on api_token
    for each row execute function cartpath_credentials_changed();

create trigger app_user_credentials_changed
    after update or delete on app_user
    for each row execute function cartpath_credentials_changed();

create trigger user_role_credentials_changed
    after insert or update or delete on user_role
    for each row execute function cartpath_credentials_changed();

create trigger organisation_credentials_changed
    after update or delete on organisation
    for each row execute function cartpath_credentials_changed();
