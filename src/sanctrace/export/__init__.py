"""Output formats of an `Analysis`: the JSON contract, followthemoney entities,
terminal tables and the HTML report.

Each format lives in its own submodule (`contract`, `ftm`, `table`, `html`)
and is imported only when asked for, so that choosing one format never pays
for loading the others.
"""
