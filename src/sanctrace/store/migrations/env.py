"""Alembic's environment for the store: run on the connection sanctrace hands it.

`sanctrace.store.migrate` calls Alembic with a `Config` whose
`attributes["connection"]` is an open connection, so users need no
alembic.ini and no URL in a file.
"""

from alembic import context

from sanctrace.store import schema, tables

context.configure(
    connection=context.config.attributes["connection"],
    target_metadata=[tables.METADATA, schema.METADATA],
    # SQLite alters tables by copying them: batch mode does that for later revisions.
    render_as_batch=True,
)
with context.begin_transaction():
    context.run_migrations()
