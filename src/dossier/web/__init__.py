"""``dossier serve``: the local review screen.

It reads the same ``entities/`` and writes the same decision files as the CLI.

| module | concept |
|---|---|
| ``app`` | the Starlette application: templates, middleware, routes |
| ``workspace`` | what the pages read: the exported entities and the assessment behind them |
| ``security`` | response headers (Content-Security-Policy …), host check, access token |
| ``csrf`` | the CSRF token every form carries |
| ``decisions`` | browser decisions through the CLI's own library functions, refused when stale |
| ``passages`` | a passage inside its paragraph, a document with its names marked |
| ``rebuild`` | the "rebuild dossier" job, run in a child process with progress |
| ``routes/`` | one module per page: targets, target, identity, sources, rebuild, assets |
"""
