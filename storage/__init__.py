"""Storage: SQLModel tables, the engine, migrations and the queries the rest of newswatch uses."""
