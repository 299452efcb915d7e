"""One event from many reports: cross-document merging, event certainty, party identity.

Pure functions over plain records; `sanctrace.store` reads the records from
the store and writes the results back.
"""
