"""The ``dossier`` command line: thin click commands over the library.

Each module here groups the commands of one concern and exports them as
``COMMANDS``; this module registers them on the ``main`` group.
"""

from __future__ import annotations

import logging

import click

from dossier import __version__


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dossier")
@click.option("-v", "--verbose", is_flag=True, help="Log every step to stderr.")
@click.option("-q", "--quiet", is_flag=True, help="Only errors; no progress bars.")
@click.pass_context
def main(ctx: click.Context, verbose: bool, quiet: bool) -> None:
    """Build sanctions-designation dossiers from source documents.

    Reads seeds/, writes FtM entities to entities/ and PDF dossiers to dossiers/.
    Settings come from DOSSIER_* environment variables (see the README).
    """
    level = logging.ERROR if quiet else logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", force=True)
    ctx.ensure_object(dict)
    ctx.obj["quiet"] = quiet


def _register() -> None:
    from dossier.cli import identity, output, pipeline, review, screen, sources

    for module in (pipeline, sources, identity, review, output, screen):
        for command in module.COMMANDS:
            main.add_command(command)


_register()
