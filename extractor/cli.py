"""The command line: click wiring only; the work is in the modules it calls."""
from __future__ import annotations

import json
import os
import sys

import click

from . import config
from . import evaluate as evaluation
from . import export as exporting
from . import pipeline, serving
from .readers import READERS
from .readers.common import get_zone


@click.group()
@click.version_option(package_name="chat-kb-extractor")
def cli():
    "Extract a question-and-answer knowledge base from exported group chats."


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--db", "db_path", default="kb.db", show_default=True, type=click.Path(dir_okay=False), help="SQLite file to build or update")
@click.option("--group", default=None, help="Group name for every file whose format does not name its chat (default: the name of each file's folder)")
@click.option("--timezone", default=None, metavar="ZONE",
              help="Zone for formats that record absolute instants (Telegram date_unixtime, Slack ts, Discord "
                   "timestamps): an IANA name such as Asia/Shanghai or an offset such as +08:00. Default: UTC. "
                   "Formats with local times keep what the file says.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON")
@click.option("--strict", is_flag=True, help="Exit with status 3 on any warning too, not only on skipped files")
@click.option("--redact", is_flag=True, default=None,
              help="Mask mainland mobile numbers, e-mail addresses, ID-card and bank-card numbers in everything stored")
@click.option("--pseudonymize", is_flag=True, default=None,
              help="Replace member names by stable pseudonyms (needs pseudonym_key in the config, or EXTRACTOR_PSEUDONYM_KEY)")
@click.option("--config", "config_path", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Settings file (TOML, [build] table); default: extractor.toml in the current folder, if any")
def build(paths, db_path, group, timezone, as_json, strict, redact, pseudonymize, config_path):
    """Read chat logs (files and folders, recursively) into the knowledge base.

    Files that cannot be read are skipped with a line that says why; everything
    else is stored. Exit status: 0 when every file was read, 3 when some were
    skipped (with --strict: also when any file has a warning).

    \b
    extractor build ../shared/corpus ../shared/seeds --db kb.db
    """
    progress = None
    if sys.stderr.isatty() and not as_json:
        def progress(files):
            with click.progressbar(files, label="Reading", file=sys.stderr, show_pos=True,
                                   item_show_func=lambda f: f.rel if f else "") as bar:
                yield from bar
    try:
        get_zone(timezone)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--timezone")
    try:
        settings = config.load(config_path)
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--config")
    redact = settings.get("redact", False) if redact is None else redact
    pseudonymize = settings.get("pseudonymize", False) if pseudonymize is None else pseudonymize
    key = None
    if pseudonymize:
        key = os.environ.get("EXTRACTOR_PSEUDONYM_KEY") or settings.get("pseudonym_key")
        if not key:
            raise click.UsageError("--pseudonymize needs a key: pseudonym_key in the [build] table of the config, "
                                   "or the EXTRACTOR_PSEUDONYM_KEY environment variable (keep it secret: it is not stored)")
    summary = pipeline.build(paths, db_path, group=group, progress=progress, timezone=timezone,
                             redact=redact, pseudonym_key=key)
    if as_json:
        click.echo(json.dumps(summary.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_summary(summary, db_path)
    warnings = [p for p in summary.problems if p.severity == "warning"]
    if summary.skipped or (strict and warnings):
        sys.exit(3)


def print_summary(s: pipeline.Summary, db_path: str) -> None:
    t = s.totals
    aux = f", {len(s.auxiliary)} auxiliary" if s.auxiliary else ""
    click.echo(f"{s.files} files: {s.stored} read, {s.unchanged} unchanged, {len(s.removed)} removed, {len(s.skipped)} skipped{aux}")
    for path in s.replaced:
        click.echo(f"  replaced: {path}")
    for path in s.removed:
        click.echo(f"  removed: {path}")
    for p in s.skipped:
        click.echo(f"  skipped: {p}", err=True)
    for p in s.problems:
        click.echo(f"  {'note' if p.severity == 'notice' else 'warning'}: {p}", err=True)
    click.echo(
        f"{db_path}: {t['sources']} sources, {t['messages']} messages, {t['members']} members, "
        f"{t['questions']} questions ({t['answered']} answered, {t['published']} published), {t['answers']} answers"
    )


@cli.command()
@click.option("--db", "db_path", default="kb.db", show_default=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-", help="File to write (default: standard output)")
@click.option("--all", "all_questions", is_flag=True, help="Include unpublished questions (logistics, banter)")
def export(db_path, fmt, output, all_questions):
    """Write questions with their ranked answers, one JSON line each, in the gold format."""
    import sqlite_utils

    db = sqlite_utils.Database(db_path)
    exporting.write_jsonl(db, output, published_only=not all_questions)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--corpus", required=True, type=click.Path(exists=True, file_okay=False), help="Folder the gold's file paths are relative to")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as JSON")
@click.option("--errors", "show_errors", is_flag=True, help="List false questions, missed questions and wrong top answers")
@click.option("--split", type=click.Choice(["tune", "held"]), default=None, help="Only list errors of this split of the days")
@click.option("--db", "db_path", default=None, type=click.Path(dir_okay=False), help="Keep the evaluation database here")
def eval_(gold, corpus, as_json, show_errors, split, db_path):
    """Build the gold's days into a temporary database and score it against the gold."""
    result = evaluation.evaluate(gold, corpus, db_path=db_path)
    if show_errors:
        click.echo(evaluation.errors(result, split=split))
        click.echo("")
    if as_json:
        click.echo(json.dumps({k: v for k, v in result.items() if not k.startswith("_")}, indent=2))
    else:
        click.echo(evaluation.table(result))


@cli.command()
def formats():
    """List the chat export formats this tool reads, and how each is recognised."""
    for r in READERS:
        click.echo(f"{r.NAME:16} {r.DESCRIPTION}")
        click.echo(f"{'':16} reply links: {r.REPLY_LINKS}")


@cli.command()
@click.argument("db_path", default="kb.db", type=click.Path(exists=True, dir_okay=False))
@click.option("-h", "--host", default="127.0.0.1", show_default=True)
@click.option("-p", "--port", default=8001, show_default=True, type=int)
@click.option("--metadata", default=None, type=click.Path(exists=True, dir_okay=False),
              help="metadata.yml (default: the one beside the database, else in the current folder, else the project's)")
def serve(db_path, host, port, metadata):
    """Serve a knowledge base with Datasette, read-only, with its metadata and the plugin."""
    args = serving.datasette_args(db_path, host, port, metadata)
    os.execv(args[0], args)


if __name__ == "__main__":
    cli()
