"""The tenant isolation attack: as the application's role, with tenant A set, every path to
tenant B's rows is tried, and each one that works is a leak with its path and its fix.

Paths tried (each in a transaction that is rolled back):
- read: every table and view the role may SELECT, with tenant A set: a row of another tenant
  is a leak (a table without RLS, a permissive policy OR-ed onto the tenant's, a view that
  runs as its owner without security_invoker);
- read with no tenant set, in both states an application session can be in: never set (a
  fresh session: current_setting(name, true) is NULL) and empty (a transaction-local setting
  has ended, as under transaction pooling: the setting reads ''); the role must see nothing or
  fail, never everything;
- insert a row for tenant B; move a row of A to B; update and delete B's rows;
- structure: the role owns a table (owners skip RLS unless FORCE) or has BYPASSRLS; a table
  with tenant rows whose RLS is off while the role has a privilege on it, or not forced while
  the role owns it; a SECURITY DEFINER function the role may call, owned by a role that sees
  every tenant (a superuser, BYPASSRLS, or the owner of a tenant table that is not forced);
  a policy whose USING or WITH CHECK is `true`.

Tenant tables are those with a `tenant_id` column (or the prompt's `tenant_tables`). pgdojo's
catalog reads run as the superuser with search_path pg_catalog; so does the read of the two
tenant ids from the `tenants` table when it is a plain table (a design may force RLS on it,
which hides the other tenants from the owner too; a superuser's read of a plain table bypasses
RLS and runs none of the candidate's code). The attack itself runs as the application's role,
so it has exactly the rights the design gave it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import psycopg
from psycopg import sql

from pgdojo.content.design import DesignPrompt
from pgdojo.tracks.design.results import Leak


def _tenant_relations(
    admin: psycopg.Connection[Any], prompt: DesignPrompt
) -> list[tuple[str, str, str]]:
    """(schema, name, relkind) of every table and view with a tenant column."""
    rows = admin.execute(
        "SELECT n.nspname, c.relname, c.relkind FROM pg_catalog.pg_class c"
        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relkind IN ('r', 'p', 'v', 'm') AND n.nspname NOT IN"
        " ('pg_catalog', 'information_schema', 'pg_toast')"
        " AND (EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid"
        " AND a.attname = 'tenant_id' AND NOT a.attisdropped) OR c.relname = ANY(%s))"
        " ORDER BY 1, 2",
        (list(prompt.meta.tenant_tables),),
    ).fetchall()
    return [(r[0], r[1], r[2]) for r in rows]


def _two_tenants(owner: psycopg.Connection[Any], admin: psycopg.Connection[Any]) -> list[str]:
    """The two smallest ids of `tenants`: as the superuser when it is a plain table (no RLS,
    no candidate code: no casts, the type's default ordering), else as the owner."""
    found = admin.execute(
        "SELECT n.nspname FROM pg_catalog.pg_class c"
        " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
        " WHERE c.relname = 'tenants' AND c.relkind IN ('r', 'p')"
        " ORDER BY n.nspname = 'public' DESC, n.nspname LIMIT 1"
    ).fetchone()
    if found is not None:
        with contextlib.suppress(psycopg.Error):
            rows = admin.execute(
                sql.SQL("SELECT id FROM {} ORDER BY id LIMIT 2").format(
                    sql.Identifier(found[0], "tenants")
                )
            ).fetchall()
            return [str(r[0]) for r in rows]
    return [str(r[0]) for r in owner.execute("SELECT id FROM tenants ORDER BY id LIMIT 2")]


@contextlib.contextmanager
def _rolled_back(conn: psycopg.Connection[Any]) -> Iterator[psycopg.Connection[Any]]:
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.execute("ROLLBACK")


def _q(schema: str, name: str) -> str:
    """A qualified name, each part quoted (embedded double quotes doubled)."""
    return ".".join('"' + part.replace('"', '""') + '"' for part in (schema, name))


def tenant_attack(
    prompt: DesignPrompt,
    connect: Callable[[], psycopg.Connection[Any]],
    owner: psycopg.Connection[Any],
    admin: psycopg.Connection[Any],
    app_role: str,
) -> list[Leak]:
    setting = prompt.meta.tenant_setting
    assert setting is not None
    leaks: list[Leak] = []
    tenants = _two_tenants(owner, admin)
    if len(tenants) < 2:
        return [Leak("setup", "the attack needs two tenants in the data")]
    a, b = tenants
    relations = _tenant_relations(admin, prompt)
    leaks.extend(_structure(admin, relations, app_role))
    with connect() as conn, connect() as fresh:
        for schema, name, kind in relations:
            target = _q(schema, name)
            can_read = admin.execute(
                "SELECT pg_catalog.has_table_privilege(%s, %s, 'SELECT')", (app_role, target)
            ).fetchone()
            if not (can_read and can_read[0]):
                continue
            with _rolled_back(conn):
                conn.execute("SELECT pg_catalog.set_config(%s, %s, true)", (setting, a))
                try:
                    row = conn.execute(
                        f"SELECT count(*) FROM {target} WHERE tenant_id::text <> %s", (a,)
                    ).fetchone()
                except psycopg.Error:
                    row = (0,)
                if row and row[0]:
                    what = "view" if kind == "v" else "table"
                    leaks.append(
                        Leak(
                            f"read {what} {name}",
                            f"with tenant {a} set, {row[0]} rows of other tenants are visible: "
                            + (
                                "a view runs as its owner; create it WITH (security_invoker = true)"
                                if kind == "v"
                                else "enable and force row-level security with a policy on "
                                "tenant_id = current_setting(...), and no permissive policy "
                                "that is always true"
                            ),
                        )
                    )
            # `fresh` never sets the tenant (NULL); `conn` has, so after its transactions the
            # setting is empty (''), as on a pooled connection once SET LOCAL has ended.
            for session, state in ((fresh, "never set"), (conn, "empty")):
                with _rolled_back(session):
                    if session is conn:
                        conn.execute("SELECT pg_catalog.set_config(%s, '', true)", (setting,))
                    try:
                        row = session.execute(f"SELECT count(*) FROM {target}").fetchone()
                    except psycopg.Error:
                        row = (0,)
                if row and row[0]:
                    leaks.append(
                        Leak(
                            f"read {name} with no tenant set ({state})",
                            f"{row[0]} rows visible without a tenant: the policy must compare "
                            "with current_setting(name, true) and see nothing when it is unset "
                            "(NULL) or empty",
                        )
                    )
                    break
            if kind != "r":
                continue
            leaks.extend(_writes(conn, setting, target, name, a, b, admin, app_role))
    return leaks


def _writes(
    conn: psycopg.Connection[Any],
    setting: str,
    target: str,
    name: str,
    a: str,
    b: str,
    admin: psycopg.Connection[Any],
    app_role: str,
) -> list[Leak]:
    leaks: list[Leak] = []

    def attempt(statement: str, params: tuple[Any, ...]) -> int:
        with _rolled_back(conn):
            conn.execute("SELECT pg_catalog.set_config(%s, %s, true)", (setting, a))
            conn.execute("SAVEPOINT attack")
            try:
                return conn.execute(statement, params).rowcount or 0
            except psycopg.Error:
                conn.execute("ROLLBACK TO SAVEPOINT attack")
                return 0

    privilege = admin.execute(
        "SELECT pg_catalog.has_table_privilege(%s, %s, 'INSERT'),"
        " pg_catalog.has_table_privilege(%s, %s, 'UPDATE'),"
        " pg_catalog.has_table_privilege(%s, %s, 'DELETE')",
        (app_role, target, app_role, target, app_role, target),
    ).fetchone()
    can_insert, can_update, can_delete = privilege or (False, False, False)
    if can_insert:
        # One of A's rows, copied with tenant B and a fresh id, inserted under A's session.
        moved = attempt(
            f"INSERT INTO {target} SELECT (pg_catalog.jsonb_populate_record(NULL::{target},"
            f" pg_catalog.to_jsonb(t) || pg_catalog.jsonb_build_object('tenant_id', %s,"
            f" 'id', (SELECT coalesce(max(id), 0) + 1000000 FROM {target})))).*"
            f" FROM {target} t LIMIT 1",
            (int(b),),
        )
        if moved:
            leaks.append(
                Leak(
                    f"insert into {name} for another tenant",
                    f"tenant {a} inserted a row for tenant {b}: give the policy a WITH CHECK "
                    "on the tenant (not WITH CHECK (true))",
                )
            )
    if can_update:
        if attempt(
            f"UPDATE {target} SET tenant_id = %s WHERE id = (SELECT min(id) FROM {target})",
            (int(b),),
        ):
            leaks.append(
                Leak(
                    f"move a row of {name} to another tenant",
                    f"tenant {a} moved its row to tenant {b}: WITH CHECK must hold the new row "
                    "to the current tenant",
                )
            )
        if attempt(f"UPDATE {target} SET tenant_id = tenant_id WHERE tenant_id = %s", (int(b),)):
            leaks.append(
                Leak(
                    f"update another tenant's rows in {name}",
                    f"tenant {a} updated rows of tenant {b}: the policy's USING must hold",
                )
            )
    if can_delete and attempt(f"DELETE FROM {target} WHERE tenant_id = %s", (int(b),)):
        leaks.append(
            Leak(
                f"delete another tenant's rows in {name}",
                f"tenant {a} deleted rows of tenant {b}: the policy's USING must hold",
            )
        )
    return leaks


def _structure(
    admin: psycopg.Connection[Any], relations: list[tuple[str, str, str]], app_role: str
) -> list[Leak]:
    leaks: list[Leak] = []
    role = admin.execute(
        "SELECT rolbypassrls, rolsuper FROM pg_catalog.pg_roles WHERE rolname = %s", (app_role,)
    ).fetchone()
    if role and (role[0] or role[1]):
        leaks.append(Leak(f"role {app_role}", "the application's role bypasses RLS: NOBYPASSRLS"))
    for schema, name, kind in relations:
        if kind not in ("r", "p"):
            continue
        row = admin.execute(
            "SELECT c.relrowsecurity, c.relforcerowsecurity, pg_catalog.pg_get_userbyid(c.relowner)"
            " FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %s AND c.relname = %s",
            (schema, name),
        ).fetchone()
        if row is None:
            continue
        enabled, forced, owner = row
        if not enabled:
            granted = admin.execute(
                "SELECT pg_catalog.has_table_privilege(%s, %s, 'SELECT, INSERT, UPDATE, DELETE')",
                (app_role, _q(schema, name)),
            ).fetchone()
            if granted and granted[0]:
                leaks.append(
                    Leak(
                        f"row-level security off on {name}",
                        f"{app_role} may use {name}, whose rows carry tenant_id, and no policy "
                        "holds it to its tenant: ENABLE and FORCE ROW LEVEL SECURITY with a "
                        "policy on tenant_id",
                    )
                )
        if owner == app_role:
            leaks.append(
                Leak(
                    f"{app_role} owns {name}",
                    "a table's owner skips its policies unless FORCE ROW LEVEL SECURITY: let "
                    "another role own the tables" + ("" if forced else " (and it is not forced)"),
                )
            )
        for using, check in admin.execute(
            "SELECT pg_catalog.pg_get_expr(p.polqual, p.polrelid),"
            " pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid)"
            " FROM pg_catalog.pg_policy p JOIN pg_catalog.pg_class c ON c.oid = p.polrelid"
            " JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname = %s AND c.relname = %s AND p.polpermissive",
            (schema, name),
        ).fetchall():
            if (using or "").strip() == "true":
                leaks.append(
                    Leak(
                        f"policy USING (true) on {name}",
                        "permissive policies are OR-ed: one that is always true opens the table "
                        "to every tenant; make it RESTRICTIVE or drop it",
                    )
                )
            if (check or "").strip() == "true":
                leaks.append(
                    Leak(
                        f"policy WITH CHECK (true) on {name}",
                        "a write may then carry any tenant_id: check it against the tenant",
                    )
                )
    # A SECURITY DEFINER function runs as its owner: a leak when that owner sees every tenant
    # (a superuser, BYPASSRLS, or the owner of a tenant table whose RLS is off or not forced).
    # An owner held to the policies by FORCE ROW LEVEL SECURITY sees only the caller's tenant.
    tables = [_q(schema, name) for schema, name, kind in relations if kind in ("r", "p")]
    for function, owner in admin.execute(
        "SELECT p.oid::pg_catalog.regprocedure::text, pg_catalog.pg_get_userbyid(p.proowner)"
        " FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace"
        " JOIN pg_catalog.pg_roles r ON r.oid = p.proowner"
        " WHERE p.prosecdef AND n.nspname NOT IN ('pg_catalog', 'information_schema')"
        " AND pg_catalog.has_function_privilege(%s, p.oid, 'EXECUTE')"
        " AND (r.rolsuper OR r.rolbypassrls OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
        " WHERE c.oid = ANY(%s::pg_catalog.regclass[]) AND c.relowner = p.proowner"
        " AND NOT (c.relrowsecurity AND c.relforcerowsecurity)))",
        (app_role, tables),
    ).fetchall():
        leaks.append(
            Leak(
                f"SECURITY DEFINER function {function}",
                f"runs as {owner}, who is not held to the tenant policies: make it SECURITY "
                "INVOKER, or check the tenant inside it",
            )
        )
    return leaks
