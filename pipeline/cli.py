"""Thin command line: parse arguments, call one library function, map failures to exit codes.

Exit status: 0 when every input came out, 1 when some failed (see errors.jsonl), 2 on a usage error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from .config import Options

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    help="Quotes, speakers and numeric claims from English news articles.",
)


ANNOTATION_FORMATS = ("label-studio", "prodigy")


def usage_error(message: str) -> NoReturn:
    """One line on stderr and exit status 2: the command line asks for something that is not there."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def extract(
    inputs: Annotated[
        list[Path],
        typer.Argument(help="Articles: .txt, .html and .jsonl files, folders of them, or - for stdin."),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder for one <stem>.json per article.")] = Path("outputs"),
    n_process: Annotated[int, typer.Option("--n-process", help="Worker processes (local engine).")] = 1,
    engine: Annotated[str, typer.Option(help="local, or dask to run on a Dask cluster.")] = "local",
    scheduler: Annotated[
        str | None, typer.Option(help="Address of a running Dask scheduler (default: start a LocalCluster).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo articles whose output is up to date.")] = False,
    batch_size: Annotated[int, typer.Option(help="Articles parsed together.")] = 16,
    max_chars: Annotated[int, typer.Option(help="Refuse longer articles with a clear error.")] = 1_000_000,
    month_first: Annotated[bool, typer.Option(help="Read 06/22/2022-style bylines month first.")] = False,
) -> None:
    """Extract quotes, speakers and numeric claims: one OUT/<stem>.json per article, tables beside them.

    Articles whose output is up to date (same text, same pipeline version) are skipped unless --force.
    """
    from .progress import progress_reporter
    from .run import UsageError, input_files
    from .run import extract as run_extract

    if engine not in ("local", "dask") or n_process < 1 or batch_size < 1:
        usage_error("--engine is local or dask; --n-process and --batch-size are at least 1")
    options = Options(
        batch_size=batch_size,
        max_chars=max_chars,
        day_first=not month_first,
        n_process=n_process,
        engine=engine,
        scheduler=scheduler,
        force=force,
    )
    try:
        files = input_files(inputs)  # expanded once: the count sizes the progress bar
        with progress_reporter(len(files)) as advance:
            summary = run_extract(files, out, options, on_article=advance)
    except UsageError as err:
        usage_error(str(err))
    typer.echo(
        f"{len(summary.written)} written, {len(summary.skipped)} unchanged and skipped, "
        f"{len(summary.failed)} failed, in {out}" + (f" (see {out / 'errors.jsonl'})" if summary.failed else ""),
        err=True,
    )
    raise typer.Exit(summary.exit_code)


@app.command("eval")
def evaluate(
    gold: Annotated[
        list[Path],
        typer.Argument(help="Gold files: shared/gold *.json, PolNeAR *.jsonl or NewsQuant *.json (a list)."),
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder of outputs to score against shared/gold files.")] = Path(
        "outputs"
    ),
    limit: Annotated[int | None, typer.Option(help="Score only the first N PolNeAR articles.")] = None,
) -> None:
    """Score against gold: quotes by kind, speakers, numeric claims (P/R/F1).

    shared/gold files score the outputs in --out; PolNeAR and NewsQuant sets are run through the
    pipeline in memory and scored there.
    """
    from .eval import report_gold
    from .evalsets import detect_format, score_newsquant, score_polnear

    missing = [str(p) for p in gold if not p.exists()]
    if missing:
        usage_error(f"no such file: {', '.join(missing)}")
    nlp = None
    for path in gold:
        kind = detect_format(path)
        if kind == "gold":
            try:
                typer.echo(report_gold([path], out))
            except FileNotFoundError as err:
                usage_error(str(err))
            continue
        if nlp is None:
            from .nlp import build_nlp

            nlp = build_nlp(Options())
        typer.echo(f"== {path.name} ({kind})")
        scores = score_polnear(path, nlp, limit) if kind == "polnear" else score_newsquant(path, nlp)
        typer.echo(scores.report())


@app.command()
def review(
    out: Annotated[Path, typer.Argument(help="Folder of outputs (from extract).")] = Path("outputs"),
) -> None:
    """Write a static review site (OUT/review/index.html): articles, highlighted quotes, speakers, corpus chart."""
    from .review import build_review

    if not out.is_dir():
        usage_error(f"no such folder: {out}")
    typer.echo(f"review site: {build_review(out)}", err=True)


@app.command("export")
def export_tasks(
    out: Annotated[Path, typer.Argument(help="Folder of outputs (from extract).")],
    to: Annotated[Path, typer.Option("--to", help="File to write: .json for Label Studio, .jsonl for Prodigy.")],
    fmt: Annotated[str, typer.Option("--format", help="label-studio or prodigy.")] = "label-studio",
) -> None:
    """Export outputs as pre-annotations for Label Studio (JSON) or Prodigy (JSONL)."""
    from .corrections import LABEL_STUDIO_CONFIG, export

    if fmt not in ANNOTATION_FORMATS or not out.is_dir():
        usage_error("--format is label-studio or prodigy, and OUT must be a folder of outputs")
    count = export(out, to, fmt)
    typer.echo(f"{count} article(s) exported to {to}", err=True)
    if fmt == "label-studio":
        typer.echo(f"Label Studio labelling config:\n{LABEL_STUDIO_CONFIG}", err=True)


@app.command("import")
def import_corrections(
    source: Annotated[Path, typer.Argument(help="Label Studio export (.json) or Prodigy annotations (.jsonl).")],
    gold_dir: Annotated[Path, typer.Option("--gold-dir", help="Folder for the gold files.")],
    fmt: Annotated[str, typer.Option("--format", help="label-studio or prodigy.")] = "label-studio",
) -> None:
    """Import corrected annotations as gold files (shared/gold format), to score with `eval`."""
    from .corrections import import_gold

    if fmt not in ANNOTATION_FORMATS or not source.is_file():
        usage_error("--format is label-studio or prodigy, and SOURCE must be a file")
    written = import_gold(source, gold_dir, fmt)
    typer.echo(f"{len(written)} gold file(s) written to {gold_dir}", err=True)


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option("--out", help="Write the JSON Schema here instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of the output files."""
    import json

    from .output import write_atomic
    from .schema import json_schema

    text = json.dumps(json_schema(), indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(out, text)


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status; no traceback reaches the user."""
    try:
        app(args=argv if argv is not None else sys.argv[1:], prog_name="python -m pipeline", standalone_mode=True)
    except SystemExit as exit_:
        return int(exit_.code or 0) if not isinstance(exit_.code, str) else 2
    except KeyboardInterrupt:
        typer.echo("interrupted: finished articles are kept; run again to finish the rest", err=True)
        return 130
    except Exception as err:  # noqa: BLE001 - the user gets one line, not a traceback
        typer.echo(f"error: {type(err).__name__}: {err}", err=True)
        return 1
    return 0
