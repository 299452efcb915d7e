"""The web workspace and HTTP API: a thin FastAPI face over the store's functions.

`create_app` builds the application over one workspace store; `sanctrace
serve` runs it with uvicorn. Modules: `state` (what is loaded once),
`auth` (users, roles, sessions, CSRF, login rate limit), `limits` (request
body size), `errors` (one sentence per failure), `api` (JSON routes),
`match` (yente-compatible screening), `pages` (Jinja2 pages), `network`
(the party network as SVG).
"""

from sanctrace.web.app import create_app

__all__ = ["create_app"]
