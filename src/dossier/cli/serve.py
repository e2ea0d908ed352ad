"""``dossier serve``: the local review screen in the browser."""

from __future__ import annotations

import click

from dossier.settings import Settings, SettingsError


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535))
@click.option(
    "--token",
    default=None,
    help="Secret token to require (default: a new random one when not on loopback).",
)
def serve(host: str, port: int, token: str | None) -> None:
    """Review evidence per target in the browser.

    Starts a local web application and prints its address: the targets list,
    each target's evidence in its source paragraph with accept / reject /
    correct / note (keyboard: j k a r c p n), the identity queue, the source
    viewer and "rebuild dossier". It reads entities/ and writes the same
    decision files as `dossier review`, `dossier merge` and the others.

    It listens on 127.0.0.1 only, unless --host says otherwise; then every
    request needs the secret token it prints (open the printed address once).
    Stop it with Ctrl-C.
    """
    import uvicorn

    from dossier.web.app import create_app
    from dossier.web.security import is_loopback, new_token

    try:
        settings = Settings.from_env()
    except SettingsError as exc:
        raise click.ClickException(str(exc)) from exc
    loopback = is_loopback(host)
    if not loopback and token is None:
        token = new_token()
    # On loopback the Host header must name this machine; elsewhere the token guards.
    hosts = ["127.0.0.1", "localhost", "::1"] if loopback else None
    try:
        app = create_app(settings, hosts=hosts, token=token)
    except OSError as exc:
        raise click.ClickException(f"cannot read the web templates: {exc}") from exc
    from dossier.web.workspace import NotBuiltError

    click.echo("Reading entities/ and the sources (cached)…", err=True)
    try:
        app.state.web.workspace.snapshot()  # the first page then opens at once
    except NotBuiltError as exc:
        click.echo(f"Nothing built yet: {exc}", err=True)
    shown = "127.0.0.1" if loopback and host != "localhost" else host
    url = f"http://{shown}:{port}/targets"
    if token is not None:
        url += f"?token={token}"
        click.echo(f"Secret token: {token}")
    click.echo(f"Review screen: {url}")
    click.echo("Press Ctrl-C to stop.")
    uvicorn.run(app, host=host, port=port, log_level="warning")


COMMANDS: list[click.Command] = [serve]
