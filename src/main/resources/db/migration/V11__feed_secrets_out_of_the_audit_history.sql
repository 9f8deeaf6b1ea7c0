-- Feed pulls used to store their request path, /feeds/<token>, as the event's resource_path: every
-- reader of the history could read live feed secrets. From now on the portal stores /feeds/<feed id>.
-- The events already stored are rewritten the same way, and since the path is part of what each
-- event's hash covers, every chain that had such an event is re-chained from its first rewritten
-- event on. The re-chaining is itself recorded, as a platform event, so an auditor sees when and why
-- the hashes changed. The hash is the one HashChain computes in Java (audit_event_hash below is the
-- same canonical form; AuditRedactionTest checks both agree).

-- ISO-8601 instant as java.time.format.DateTimeFormatter.ISO_INSTANT prints it (fraction in groups of 3)
CREATE FUNCTION audit_iso_instant(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS')
           || CASE WHEN us = 0 THEN ''
                   WHEN us % 1000 = 0 THEN '.' || lpad((us / 1000)::text, 3, '0')
                   ELSE '.' || lpad(us::text, 6, '0') END
           || 'Z'
    FROM (SELECT (extract(microseconds FROM t)::bigint % 1000000) AS us) f
$$;

-- An event's hash: SHA-256 of the previous hash and each field, separated by U+001F, NULL as U+2400
CREATE FUNCTION audit_event_hash(prev text, e audit_event) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(prev
        || chr(31) || e.id::text
        || chr(31) || coalesce(e.partner_id, chr(9216))
        || chr(31) || audit_iso_instant(e.occurred_at)
        || chr(31) || coalesce(e.actor_subject, chr(9216))
        || chr(31) || coalesce(e.actor_name, chr(9216))
        || chr(31) || coalesce(e.client, chr(9216))
        || chr(31) || coalesce(e.ip_address, chr(9216))
        || chr(31) || coalesce(e.operation, chr(9216))
        || chr(31) || coalesce(e.resource_type, chr(9216))
        || chr(31) || coalesce(e.resource_id, chr(9216))
        || chr(31) || coalesce(e.resource_path, chr(9216))
        || chr(31) || coalesce(e.customer_id::text, chr(9216))
        || chr(31) || coalesce(e.summary, chr(9216))
        || chr(31) || coalesce(e.details, chr(9216)), 'UTF8')), 'hex')
$$;

-- Rewrites the path of every feed event that still carries a token and re-chains what follows it.
-- Returns the number of events rewritten. Runs as the table's owner, with the append-only trigger
-- lifted for the duration of its own transaction only.
CREATE FUNCTION audit_redact_feed_paths() RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    rewritten bigint;
    affected  record;
    ev        audit_event;
    prev      text;
    chains    text[] := '{}';
BEGIN
    ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only;
    CREATE TEMP TABLE redacted ON COMMIT DROP AS
        SELECT id, partner_id FROM audit_event
        WHERE resource_path LIKE '/feeds/%' AND resource_path !~ '^/feeds/[0-9]*$';
    SELECT count(*) INTO rewritten FROM redacted;
    UPDATE audit_event e SET resource_path = '/feeds/' || coalesce(e.resource_id, '')
        FROM redacted r WHERE e.id = r.id;
    FOR affected IN SELECT partner_id, min(id) AS first_id FROM redacted GROUP BY partner_id LOOP
        SELECT hash INTO prev FROM audit_event
            WHERE partner_id IS NOT DISTINCT FROM affected.partner_id AND id < affected.first_id
            ORDER BY id DESC LIMIT 1;
        prev := coalesce(prev, repeat('0', 64));
        FOR ev IN SELECT * FROM audit_event
                  WHERE partner_id IS NOT DISTINCT FROM affected.partner_id AND id >= affected.first_id
                  ORDER BY id LOOP
            ev.prev_hash := prev;
            prev := audit_event_hash(prev, ev);
            UPDATE audit_event SET prev_hash = ev.prev_hash, hash = prev WHERE id = ev.id;
        END LOOP;
        UPDATE audit_chain SET last_hash = prev WHERE chain = coalesce(affected.partner_id, '~platform');
        chains := chains || coalesce(affected.partner_id, '~platform');
    END LOOP;
    ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only;
    IF rewritten > 0 THEN
        PERFORM audit_append_platform_event('ACTION', 'audit', 'Audit history re-chained: feed secrets removed from '
            || rewritten || ' feed events', jsonb_build_object('rewritten', rewritten, 'chains', to_jsonb(chains),
            'reason', 'resource paths of feed pulls held the feed token; they now name the feed id')::text);
    END IF;
    RETURN rewritten;
END;
$$;

-- Appends one event to the platform's chain from SQL (migrations that must say what they did)
CREATE FUNCTION audit_append_platform_event(op text, rtype text, summ text, det text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    head audit_chain;
    ev   audit_event;
BEGIN
    INSERT INTO audit_chain (chain, last_id, last_hash, event_count) VALUES ('~platform', 0, repeat('0', 64), 0)
        ON CONFLICT (chain) DO NOTHING;
    SELECT * INTO head FROM audit_chain WHERE chain = '~platform' FOR UPDATE;
    ev.id := nextval('audit_event_id_seq');
    ev.partner_id := NULL;
    ev.occurred_at := date_trunc('microseconds', clock_timestamp());
    ev.actor_subject := 'system';
    ev.actor_name := 'System';
    ev.client := 'system';
    ev.operation := op;
    ev.resource_type := rtype;
    ev.summary := summ;
    ev.details := det;
    ev.prev_hash := head.last_hash;
    ev.hash := audit_event_hash(head.last_hash, ev);
    -- columns named: a later migration may add derived ones (V12's chain)
    INSERT INTO audit_event (id, partner_id, occurred_at, actor_subject, actor_name, client, operation, resource_type,
            summary, details, prev_hash, hash)
        VALUES (ev.id, NULL, ev.occurred_at, ev.actor_subject, ev.actor_name, ev.client, ev.operation, ev.resource_type,
            ev.summary, ev.details, ev.prev_hash, ev.hash);
    UPDATE audit_chain SET last_id = ev.id, last_hash = ev.hash, event_count = event_count + 1
        WHERE chain = '~platform';
END;
$$;

SELECT audit_redact_feed_paths();
