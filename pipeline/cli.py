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
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)

# Typer prints an argument's Python type beside its metavar ("INPUT <list[Path]>"). Our metavars
# already say what to give, so arguments show only the metavar, as options do.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None  # type: ignore[method-assign]

ANNOTATION_FORMATS = ("label-studio", "prodigy")
IMPORT_FORMATS = (*ANNOTATION_FORMATS, "review")  # review: the corrections file of the review site


def usage_error(message: str) -> NoReturn:
    """One line on stderr and exit status 2: the command line asks for something that is not there."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command()
def extract(
    inputs: Annotated[
        list[Path],
        typer.Argument(
            metavar="INPUT",
            help="Articles: .txt, .html and .jsonl files, folders of them, or - for standard input.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder for one <stem>.json per article.")] = Path(
        "outputs"
    ),
    n_process: Annotated[int, typer.Option("--n-process", metavar="N", help="Worker processes (local engine).")] = 1,
    engine: Annotated[
        str, typer.Option(metavar="local|dask", help="local, or dask to run on a Dask cluster.")
    ] = "local",
    scheduler: Annotated[
        str | None,
        typer.Option(metavar="ADDRESS", help="Address of a running Dask scheduler (default: start a LocalCluster)."),
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Redo articles whose output is up to date.")] = False,
    batch_size: Annotated[int, typer.Option(metavar="N", help="Articles parsed together.")] = 16,
    max_chars: Annotated[int, typer.Option(metavar="N", help="Refuse longer articles with a clear error.")] = 1_000_000,
    month_first: Annotated[bool, typer.Option(help="Read 06/22/2022-style bylines month first.")] = False,
    timeout: Annotated[
        float, typer.Option(metavar="SECONDS", help="Give up an article after this long (0: no limit).")
    ] = 120.0,
) -> None:
    """Extract quotes, speakers and numeric claims from articles.

    One DIR/<stem>.json per article, and the corpus tables beside them.

    Articles whose output is up to date (same text and metadata, same pipeline version) are
    skipped unless --force.
    """
    from .engines.cluster import ClusterUnusable
    from .engines.core import OutputUnusable
    from .engines.progress import progress_reporter
    from .engines.run import UsageError, article_count, input_files
    from .engines.run import extract as run_extract

    if engine not in ("local", "dask"):
        usage_error(f"unknown --engine {engine!r}: use local or dask")
    if n_process < 1 or batch_size < 1:
        usage_error("--n-process and --batch-size are at least 1")
    options = Options(
        batch_size=batch_size,
        max_chars=max_chars,
        day_first=not month_first,
        n_process=n_process,
        engine=engine,
        scheduler=scheduler,
        force=force,
        article_seconds=timeout,
    )
    try:
        files = input_files(inputs, out)  # expanded once: its articles size the progress bar
        with progress_reporter(article_count(files)) as advance:
            summary = run_extract(files, out, options, on_article=advance)
    except UsageError as err:
        usage_error(str(err))
    except ClusterUnusable as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1) from None
    except OutputUnusable as err:
        typer.echo(f"error: {err}; finished articles are kept, run again when there is room", err=True)
        raise typer.Exit(1) from None
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
        typer.Argument(
            metavar="GOLD",
            help="Gold files: *.json in the seed's gold format, PolNeAR *.jsonl, NewsQuant-style *.json lists.",
        ),
    ],
    out: Annotated[Path, typer.Option("--out", metavar="DIR", help="Outputs to score gold files against.")] = Path(
        "outputs"
    ),
    limit: Annotated[int | None, typer.Option(metavar="N", help="Score only the first N PolNeAR articles.")] = None,
) -> None:
    """Score against gold annotations (precision, recall, F1).

    A gold file is scored against its article's output in --out when that output is for the same
    text; otherwise the article beside the gold file is run in memory. PolNeAR and NewsQuant sets
    are run through the pipeline in memory.
    """
    from .measure.devsets import detect_format, score_gold_files, score_newsquant, score_polnear, score_textacy_baseline
    from .measure.scoring import report_baseline, report_gold_set
    from .nlp import default_nlp as nlp  # loaded once, and only when something has to be run

    missing = [str(p) for p in gold if not p.exists()]
    if missing:
        usage_error(f"no such file: {', '.join(missing)}")
    # Gold files are reported by folder: each folder is one set (the seed's, news-dev, your corrections).
    by_folder: dict[Path, list[Path]] = {}
    for path in gold:
        kind = detect_format(path)
        if kind == "gold":
            by_folder.setdefault(path.parent, []).append(path)
        elif kind == "other":
            typer.echo(f"skipped {path}: not a gold file (a seed-format object with a source, a JSON list, or .jsonl)")
    for folder, gold_files in by_folder.items():
        try:
            typer.echo(report_gold_set(score_gold_files(gold_files, out, nlp), folder.name))
            try:
                typer.echo(report_baseline(score_textacy_baseline(gold_files, nlp)))
            except ImportError:  # textacy is the `eval` extra: pip install "pipeline[eval]"
                typer.echo("textacy baseline skipped: textacy is not installed (pip install 'pipeline[eval]')")
        except FileNotFoundError as err:
            usage_error(str(err))
    for path in gold:
        kind = detect_format(path)
        if kind in ("polnear", "newsquant"):
            typer.echo(f"== {path.name} ({kind})")
            scores = score_polnear(path, nlp(), limit) if kind == "polnear" else score_newsquant(path, nlp())
            typer.echo(scores.report())


@app.command()
def review(
    out: Annotated[Path, typer.Argument(metavar="DIR", help="Folder of outputs (from extract).")] = Path("outputs"),
    shot: Annotated[
        Path | None,
        typer.Option(
            "--screenshot", metavar="FILE", help="Also save a PNG of the first article page (needs chromium)."
        ),
    ] = None,
) -> None:
    """Write a static review site for a folder of outputs.

    DIR/review/index.html lists the articles; each article page shows its quotes, speakers and
    numbers; corpus.html shows who is quoted most.
    """
    from .io.files import FolderUnsafe, folder_lock
    from .tools.review import build_review, chromium, screenshot

    if not out.is_dir():
        usage_error(f"no such folder: {out}")
    try:
        with folder_lock(out):
            index, left_out = build_review(out)
    except FolderUnsafe as err:
        usage_error(str(err))
    for line in left_out:
        typer.echo(f"skipped {line}", err=True)
    typer.echo(f"review site: {index}", err=True)
    if shot is not None:
        browser, pages = chromium(), sorted((index.parent / "articles").glob("*.html"))
        if browser is None or not pages:
            usage_error("--screenshot needs Debian's chromium and at least one article")
        screenshot(pages[0], shot, browser)
        typer.echo(f"screenshot: {shot}", err=True)


def annotation_format(fmt: str | None, path: Path, allowed: tuple[str, ...] = ANNOTATION_FORMATS) -> str:
    from .tools.annotation import format_of

    try:
        return format_of(fmt, path, allowed)
    except ValueError as err:
        usage_error(str(err))


FORMAT_HELP = "label-studio or prodigy (default: from the file's extension, .json or .jsonl)."
IMPORT_FORMAT_HELP = (
    "label-studio, prodigy or review (the review site's corrections file). Default: from the file's"
    " extension, .json or .jsonl, and a corrections file by what it says it is."
)


@app.command()
def explain(
    article: Annotated[Path, typer.Argument(metavar="ARTICLE", help="An article: .txt, .html, .jsonl, or -.")],
) -> None:
    """Show why each quote, speaker and number came out as it did: the rule behind each evidence and
    speaker_evidence with its measured confidence, and each number passed over with its reason."""
    from .io.ingest import Failure, read_articles
    from .nlp import default_nlp
    from .tools.explain import explain_articles

    found = list(read_articles(article, Options()))
    for failure in (f for f in found if isinstance(f, Failure)):
        typer.echo(f"error: {failure.source}: {failure.message}", err=True)
    articles = [a for a in found if not isinstance(a, Failure)]
    for line in explain_articles(articles, default_nlp()):
        typer.echo(line)
    if len(articles) < len(found):
        raise typer.Exit(1)


@app.command("export")
def export_tasks(
    out: Annotated[Path, typer.Argument(metavar="DIR", help="Folder of outputs (from extract).")],
    to: Annotated[
        Path, typer.Option("--to", metavar="FILE", help="File to write: .json for Label Studio, .jsonl for Prodigy.")
    ],
    fmt: Annotated[str | None, typer.Option("--format", metavar="FORMAT", help=FORMAT_HELP)] = None,
) -> None:
    """Export outputs as pre-annotations for Label Studio or Prodigy."""
    from .tools.annotation import LABEL_STUDIO_CONFIG, export

    fmt = annotation_format(fmt, to)
    if not out.is_dir():
        usage_error(f"no such folder of outputs: {out}")
    count, left_out = export(out, to, fmt)
    for line in left_out:
        typer.echo(f"skipped {line}", err=True)
    typer.echo(f"{count} article(s) exported to {to}", err=True)
    if fmt == "label-studio":
        typer.echo(f"Label Studio labelling config:\n{LABEL_STUDIO_CONFIG}", err=True)


@app.command("import")
def import_corrections(
    source: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="Label Studio export (.json), Prodigy annotations (.jsonl) or review corrections (.json).",
        ),
    ],
    gold_dir: Annotated[Path, typer.Option("--gold-dir", metavar="DIR", help="Folder for the gold files.")],
    fmt: Annotated[str | None, typer.Option("--format", metavar="FORMAT", help=IMPORT_FORMAT_HELP)] = None,
) -> None:
    """Import corrections as gold files, to score with eval.

    From Label Studio, Prodigy, or the review site's corrections file (--format review).
    """
    from .tools.annotation import CorrectionsError, import_gold

    fmt = annotation_format(fmt, source, IMPORT_FORMATS)
    if not source.is_file():
        usage_error(f"no such file: {source}")
    try:
        written, skipped = import_gold(source, gold_dir, fmt)
    except CorrectionsError as err:
        typer.echo(f"error: nothing imported:\n{err}", err=True)
        raise typer.Exit(1) from None
    left = f"; {skipped} task(s) or article(s) nobody reviewed left out" if skipped else ""
    typer.echo(f"{len(written)} gold file(s) written to {gold_dir}{left}", err=True)


@app.command("tables")
def corpus_tables(
    out: Annotated[Path, typer.Argument(metavar="DIR", help="Folder of outputs (from extract).")] = Path("outputs"),
    compact: Annotated[
        bool, typer.Option("--compact", help="Fold each table's Parquet parts into one, and write the CSV files anew.")
    ] = False,
) -> None:
    """Update the corpus tables (CSV, Parquet) of a folder of outputs.

    extract keeps them current itself; this is for outputs copied, edited or deleted by hand.
    """
    from .io.files import FolderUnsafe
    from .io.table_store import stored_rows
    from .io.tables import TABLES, compact_tables, update_tables

    if not out.is_dir():
        usage_error(f"no such folder: {out}")
    try:
        changes = compact_tables(out) if compact else update_tables(out)
    except FolderUnsafe as err:
        usage_error(str(err))
    if changes.rebuilt:
        typer.echo(f"rebuilt every table from the outputs ({changes.rebuilt})", err=True)
    for name, problem in changes.invalid:
        typer.echo(f"left out {out / name}: {problem}", err=True)
    counts = {name: len(stored_rows(out, name)) for name in TABLES}
    typer.echo(", ".join(f"{counts[name]} rows in {name}" for name in TABLES), err=True)
    raise typer.Exit(1 if changes.invalid else 0)


@app.command()
def schema(
    out: Annotated[
        Path | None, typer.Option("--out", metavar="FILE", help="Write the JSON Schema here instead of stdout.")
    ] = None,
) -> None:
    """Print the JSON Schema of the output files."""
    import json

    from .io.files import write_atomic
    from .io.schema import json_schema

    text = json.dumps(json_schema(), indent=2) + "\n"
    if out is None:
        typer.echo(text, nl=False)
    else:
        write_atomic(out, text)


INTERRUPTED = 130  # the shell's status for a run stopped by Ctrl-C
INTERRUPTED_MESSAGE = "interrupted: finished articles are kept; run again to finish the rest"


def main(argv: list[str] | None = None) -> int:
    """Run the CLI and return its exit status; no traceback reaches the user."""
    try:
        app(args=argv if argv is not None else sys.argv[1:], prog_name="python -m pipeline", standalone_mode=True)
    except SystemExit as exit_:
        code = int(exit_.code or 0) if not isinstance(exit_.code, str) else 2
        if code == INTERRUPTED:  # click turns Ctrl-C into exit status 130 before we see it
            typer.echo(INTERRUPTED_MESSAGE, err=True)
        return code
    except KeyboardInterrupt:
        typer.echo(INTERRUPTED_MESSAGE, err=True)
        return INTERRUPTED
    except Exception as err:  # noqa: BLE001 - the user gets one line, not a traceback
        typer.echo(f"error: {type(err).__name__}: {err}", err=True)
        return 1
    return 0
