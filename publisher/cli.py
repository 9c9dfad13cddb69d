"""Command line: serve, demo, build, keys, models and db (schema migrations)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Literal, NoReturn

import typer
from sqlmodel import Session, select

from publisher.settings import Settings
from publisher.workspace.users_cli import users_app

app = typer.Typer(
    help="Kakehashi: Japanese bulletins published in residents' languages, with audio.",
    no_args_is_help=True,
    add_completion=False,
)
keys_app = typer.Typer(help="API keys for PR staff.", no_args_is_help=True)
models_app = typer.Typer(help="Offline translation models (argos packages).", no_args_is_help=True)
db_app = typer.Typer(
    help="The database schema: where it stands, upgrades, new revisions.", no_args_is_help=True
)
app.add_typer(keys_app, name="keys")
app.add_typer(models_app, name="models")
app.add_typer(db_app, name="db")
app.add_typer(users_app, name="users")

DEMO_BULLETINS = Path(__file__).resolve().parents[1] / "demo" / "bulletins"


def _settings() -> Settings:
    try:
        return Settings()
    except ValueError as error:
        typer.secho(f"configuration error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error


def _services(settings: Settings | None = None):  # type: ignore[no-untyped-def]
    """Services on an up-to-date schema (SQLite upgraded after a backup), or exit saying why."""
    from publisher.migrations import SchemaError
    from publisher.services import Services

    try:
        return Services.create(settings or _settings())
    except SchemaError as error:
        _refuse(error)


def _refuse(error: Exception) -> NoReturn:
    typer.secho(f"cannot start: {error}", fg="red", err=True)
    raise typer.Exit(1)


def _prepare_database(settings: Settings) -> None:
    """Create, check or upgrade the schema once, before the server and worker processes start.

    Each of those processes checks again, but finds the schema up to date: two processes never
    race to upgrade, and the server never starts on a schema it cannot use.
    """
    from publisher.database import make_engine, prepare_schema
    from publisher.migrations import SchemaError

    settings.resolved_data_dir.mkdir(parents=True, exist_ok=True)
    engine = make_engine(settings.resolved_database_url)
    try:
        prepare_schema(engine, backup_dir=settings.resolved_data_dir / "backups")
    except SchemaError as error:
        _refuse(error)
    finally:
        engine.dispose()


@app.command()
def serve(
    demo: Annotated[
        bool, typer.Option(help="Seed and publish the sample bulletins if the database is empty.")
    ] = False,
    host: Annotated[str | None, typer.Option(help="Default: KAKEHASHI_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Default: KAKEHASHI_PORT.")] = None,
    workers: Annotated[
        int | None,
        typer.Option(min=1, max=16, help="Server processes (default: KAKEHASHI_WORKERS)."),
    ] = None,
    worker: Annotated[
        bool,
        typer.Option(
            "--worker/--no-worker",
            help="Run the background worker beside the API (--no-worker: workers run on other "
            "machines, sharing the Redis queue).",
        ),
    ] = True,
) -> None:
    """Run the API and the published site, with the background worker beside them."""
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = _settings()
    _prepare_database(settings)
    if demo:
        from publisher.demo import ensure_demo_key, ensure_first_admin, seed_demo
        from publisher.queue import JobQueue, make_huey

        services = _services(settings)
        try:
            jobs = seed_demo(services, JobQueue(services, make_huey(services)), DEMO_BULLETINS)
            typer.echo(f"demo: {len(jobs)} sample bulletin(s) queued for publishing")
            secret = ensure_demo_key(services)
            if secret:
                typer.echo(f"demo: admin API key (shown once): {secret}")
            first = ensure_first_admin(services)
            if first:
                typer.echo(
                    f"demo: workspace account {first[0]} with the one-time password {first[1]} "
                    "(shown once; choose your own at the first sign-in)"
                )
        finally:
            services.close()
    host, port = host or settings.host, port or settings.port
    typer.echo(
        f"site: http://{host}:{port}/   API docs: http://{host}:{port}/api/v1/docs   "
        f"staff workspace: http://{host}:{port}/staff/"
    )
    # Jobs run in their own process, so translating and voicing never hold up the API.
    worker_process = (
        subprocess.Popen([sys.executable, "-m", "publisher", "worker", "--exit-with-parent"])
        if worker
        else None
    )
    try:
        uvicorn.run(
            "publisher.api.app:app_from_environment",
            factory=True,
            host=host,
            port=port,
            workers=workers or settings.workers,
            log_level="info",
        )
    finally:
        if worker_process is not None:
            worker_process.terminate()
            try:
                worker_process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                worker_process.kill()


@app.command()
def worker(
    priority: Annotated[
        int, typer.Option(min=0, max=19, help="Niceness: how much the worker yields the CPU.")
    ] = 10,
    exit_with_parent: Annotated[
        bool, typer.Option(help="Stop when the process that started this one ends.", hidden=True)
    ] = False,
) -> None:
    """Run the background worker that publishes (``serve`` starts one itself)."""
    from publisher.queue import JobQueue, make_huey
    from publisher.scheduling import ScheduleWatch

    # Translating and voicing can wait a moment; staff using the API should not.
    os.nice(priority)
    if exit_with_parent:
        _stop_when_orphaned()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = _settings()
    services = _services(settings)
    queue = JobQueue(services, make_huey(services))
    queue.resume_interrupted()
    # Scheduled publishes and expiries that came due while no worker ran are acted on now.
    schedule = ScheduleWatch(services, queue.enqueue, settings.schedule_check_seconds)
    schedule.start()
    threading.Thread(target=_warm_search, args=(settings,), name="search-warm", daemon=True).start()
    try:
        queue.huey.create_consumer(
            workers=settings.worker_threads, worker_type="thread", periodic=False
        ).run()
    finally:
        schedule.stop()
        services.close()


def _warm_search(settings: Settings) -> None:
    """Start the search service now, so that the first publish finds it ready (~3 s)."""
    import tempfile

    from publisher.site.search_service import warm

    scratch = settings.resolved_data_dir / "cache"
    scratch.mkdir(parents=True, exist_ok=True)
    try:
        with tempfile.TemporaryDirectory(prefix="search-warm-", dir=scratch) as folder:
            warm(Path(folder))
    except Exception:
        logging.getLogger(__name__).exception("the search service did not start")


def _stop_when_orphaned() -> None:
    """Ask this process to stop (as Ctrl-C would) once its parent, ``serve``, has gone.

    The web server may end by re-raising its signal, which skips any clean-up code, so the
    worker watches for itself rather than trusting to be told.
    """
    import signal
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


@app.command()
def readability(
    folder: Annotated[
        Path, typer.Argument(help="A folder of bulletins as JSON, as the API takes them.")
    ] = DEMO_BULLETINS,
    findings: Annotated[
        bool, typer.Option(help="Also list every finding with its sentence and hint.")
    ] = False,
    hints: Annotated[str, typer.Option(help="Language of the hints: en or ja.")] = "en",
) -> None:
    """Compare the original and the easy-Japanese text of each bulletin: jreadability score
    and band (higher is easier), and the sentences that break the guideline's rules."""
    from publisher.demo import load_samples
    from publisher.readability import comparison_table, text_readability
    from publisher.schemas import ReadabilityPublic
    from publisher.statuses import TextVersion

    if hints not in ("en", "ja"):
        typer.secho("--hints must be en or ja", fg="red", err=True)
        raise typer.Exit(2)
    language: Literal["en", "ja"] = "ja" if hints == "ja" else "en"
    reports = []
    for path, sample in zip(sorted(folder.glob("*.json")), load_samples(folder), strict=True):
        easy = None
        if sample.easy_body is not None:
            easy = text_readability(sample.easy_title or sample.title, sample.easy_body, language)
        report = ReadabilityPublic(
            bulletin_id=0,
            revision=1,
            translation_source=TextVersion(sample.translation_source),
            original=text_readability(sample.title, sample.body, language),
            easy=easy,
        )
        reports.append((path.stem, report))
    for line in comparison_table(reports):
        typer.echo(line)
    if not findings:
        return
    for name, report in reports:
        for label, text in (("original", report.original), ("easy", report.easy)):
            for finding in text.findings if text else []:
                typer.echo(
                    f"{name} {label} #{finding.sentence} {finding.rule} [{finding.match}] "
                    f"{finding.text} -- {finding.hint}"
                )


@app.command()
def demo() -> None:
    """Seed the sample bulletins, publish them, build the site, and say where it is."""
    from publisher.demo import run_demo

    logging.basicConfig(level=logging.WARNING)
    settings = _settings()
    services = _services(settings)
    try:
        report = run_demo(services, DEMO_BULLETINS)
    finally:
        services.close()
    for line in report:
        typer.echo(line)
    typer.echo(f"site: {settings.resolved_site_dir / 'index.html'}")


@app.command()
def build(
    full: Annotated[
        bool, typer.Option("--full", help="Render every page again into a fresh folder.")
    ] = False,
    search: Annotated[bool, typer.Option(help="Remake the search index.")] = True,
) -> None:
    """Bring the static site up to date: only what changed, or everything with --full."""
    from tqdm import tqdm

    from publisher.site.build import update_site

    services = _services()
    bar = tqdm(total=0, unit="step", desc="full build" if full else "build", leave=False)

    def progress(done: int, total: int) -> None:
        bar.total = total
        bar.n = done
        bar.refresh()

    try:
        report = update_site(services, full=full, search=search, progress=progress)
    finally:
        bar.close()
        services.close()
    how = "full build" if report.full else "update"
    processes = ""
    if report.processes > 1:
        processes = f" on {report.processes} processes"
    typer.echo(
        f"{how}: {len(report.written)} files written ({report.pages} pages), "
        f"{len(report.removed)} removed in {report.seconds.get('total', 0):.1f} s"
        f"{processes} -> {report.folder}"
    )


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError as error:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from error


@app.command()
def edition(
    start: Annotated[
        str, typer.Option("--from", help="First publication day (YYYY-MM-DD, city time).")
    ],
    end: Annotated[str, typer.Option("--to", help="Last publication day (YYYY-MM-DD).")],
    language: Annotated[
        list[str] | None,
        typer.Option("--language", help="A language to make (repeatable; default: all)."),
    ] = None,
    output: Annotated[
        Path | None, typer.Option(help="Folder for the books (default: <data>/editions).")
    ] = None,
) -> None:
    """Make the talking-book editions of a period: EPUB 3 with Media Overlays and DAISY 2.02.

    The notices published in the period, by section as in a printed issue, with the text,
    audio and sentence timings the site published (nothing is translated or voiced again).
    Books made in the default folder are then offered on each language's talking-books page.
    """
    from publisher.editions.build import build_editions
    from publisher.site.build import update_site

    first, last = _day(start), _day(end)
    services = _services()
    try:
        made = build_editions(services, first, last, language or (), folder=output)
        if output is None:
            update_site(services)
    except ValueError as error:
        typer.secho(f"cannot make the edition: {error}", fg="red", err=True)
        raise typer.Exit(2) from error
    finally:
        services.close()
    if not made:
        typer.echo(f"no notice was published from {first} to {last}: no edition made")
        return
    for files in made:
        daisy = f", {files.daisy}" if files.daisy else " (no DAISY book: no audio)"
        typer.echo(
            f"{files.language}: {files.notices} notices ({files.voiced} with audio) "
            f"-> {files.epub}{daisy}"
        )


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who the key belongs to.")],
    role: Annotated[str, typer.Option(help="editor, approver or admin.")],
    expires_days: Annotated[
        int | None, typer.Option(help="Days until the key stops working (default: never).")
    ] = None,
) -> None:
    """Create an API key; the secret is printed once and only its hash is stored."""
    from publisher import audit
    from publisher.keys import StaffConflictError, create_key
    from publisher.workflow import Role

    try:
        chosen = Role(role)
    except ValueError as error:
        typer.secho("role must be editor, approver or admin", fg="red", err=True)
        raise typer.Exit(2) from error
    services = _services()
    try:
        with Session(services.db) as session:
            expires_at = datetime.now(UTC) + timedelta(days=expires_days) if expires_days else None
            try:
                key, secret = create_key(
                    session, name, chosen, expires_at=expires_at, created_by="command line"
                )
            except StaffConflictError as error:
                typer.secho(str(error), fg="red", err=True)
                raise typer.Exit(2) from error
            audit.record(
                session,
                actor="command line",
                role="admin",
                action="key.create",
                target=f"key:{key.id}",
                after={"name": name, "role": chosen.value, "expires_at": expires_at},
            )
            session.commit()
            typer.echo(f"created key {key.prefix}… for {name} ({chosen}); it is shown only once:")
            typer.echo(secret)
    finally:
        services.close()


@keys_app.command("list")
def keys_list() -> None:
    """List keys without their secrets."""
    from publisher.tables import ApiKey, StaffMember

    services = _services()
    try:
        with Session(services.db) as session:
            rows = session.exec(
                select(ApiKey, StaffMember).join(
                    StaffMember,
                    StaffMember.id == ApiKey.staff_id,  # type: ignore[arg-type]
                )
            ).all()
            for key, person in rows:
                state = "revoked" if key.revoked_at else "active"
                typer.echo(f"{key.prefix}…  {key.name}  {person.role}  {state}")
    finally:
        services.close()


@models_app.command("list")
def models_list(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Installed models, and how each configured language is reached (and why)."""
    from translations.models import (
        configure_argos_environment,
        list_converted,
        list_installed,
        model_info,
        plan_routes,
    )

    settings = _settings()
    configure_argos_environment(settings.argos_dir)
    installed = list_installed(settings.argos_dir / "argos-packages")
    converted = list_converted(settings.models_dir)
    pins = settings.translation_routes
    routes = plan_routes(
        installed,
        settings.source_language,
        settings.target_languages,
        converted=converted,
        pins=pins,
    )
    if as_json:
        payload = {
            "installed": [
                {"from": p.from_code, "to": p.to_code, "version": p.version} for p in installed
            ],
            "converted": [
                {
                    "family": m.family_key,
                    "name": m.name,
                    "version": m.version,
                    "license": m.license,
                    "languages": list(m.languages),
                }
                for m in converted
            ],
            "routes": {
                code: {
                    "via": route.via.value if route.via else None,
                    "path": route.description,
                    "pinned": code in pins,
                    "models": [dict(model_info(step)) for step in route.steps],
                }
                if route
                else None
                for code, route in routes.items()
            },
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    typer.echo(f"argos packages ({len(installed)}):")
    for package in installed:
        typer.echo(f"  {package.from_code} -> {package.to_code}  version {package.version}")
    typer.echo(f"converted models ({len(converted)}):")
    for model in converted:
        typer.echo(f"  {model.describe()}: {', '.join(model.languages)}")
    typer.echo("configured languages:")
    for code, route in routes.items():
        pinned = f" (pinned to {pins[code]})" if code in pins else ""
        if route is None:
            hint = f"install a ja->{code} or en->{code} model, or one that holds {code}"
            typer.echo(f"  {code:8} not reachable{pinned}: {hint}")
            continue
        why = {
            "bilingual": "direct, a model for this pair",
            "multilingual": "direct, a multilingual model",
            "pivot": "pivot through English",
        }[route.via.value if route.via else "bilingual"]
        typer.echo(f"  {code:8} {route.description:10} {why}{pinned}: {route.models}")


@models_app.command("install")
def models_install(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help=".argosmodel files, or converted models (folders, .zip or .tar.gz)", exists=True
        ),
    ],
    family: Annotated[
        str | None,
        typer.Option(
            help="For a converted model without kakehashi-model.json: m2m100, nllb or marian."
        ),
    ] = None,
    name: Annotated[str | None, typer.Option(help="Name for a converted model.")] = None,
    version: Annotated[str, typer.Option(help="Version for a converted model.")] = "1.0",
    languages: Annotated[
        str | None,
        typer.Option(help="Comma-separated languages; for marian: source,target (e.g. ja,vi)."),
    ] = None,
    license: Annotated[str | None, typer.Option(help="Licence, if not the family's.")] = None,
) -> None:
    """Install models from files or folders (offline). A bad one is refused; nothing changes."""
    from translations.models import (
        PackageInstallError,
        configure_argos_environment,
        install_model,
        install_package_file,
    )

    settings = _settings()
    configure_argos_environment(settings.argos_dir)
    codes = tuple(code.strip() for code in languages.split(",")) if languages else None
    failed = False
    for path in paths:
        try:
            if path.suffix == ".argosmodel":
                package = install_package_file(path, settings.argos_dir / "argos-packages")
                typer.echo(
                    f"installed {package.from_code} -> {package.to_code} ({package.version})"
                )
                continue
            model = install_model(
                path,
                settings.models_dir,
                family=family,
                name=name,
                version=version,
                languages=codes,
                license=license,
            )
        except PackageInstallError as error:
            typer.secho(f"{path}: not installed: {error}", fg="red", err=True)
            failed = True
            continue
        typer.echo(f"installed {model.describe()}: {', '.join(model.languages)}")
    if failed:
        raise typer.Exit(1)


@models_app.command("download")
def models_download(
    languages: Annotated[
        list[str] | None, typer.Argument(help="Target language codes, e.g. en pt")
    ] = None,
    model: Annotated[
        list[str] | None,
        typer.Option(help="A recommended converted model, e.g. m2m100_418m (repeatable)."),
    ] = None,
) -> None:
    """Download argos packages for languages, or recommended converted models (needs the
    internet, or a mirror: KAKEHASHI_MODEL_MIRROR_URL)."""
    from tqdm import tqdm

    from translations.models import (
        PackageDownloadError,
        configure_argos_environment,
        download_model,
        download_packages,
    )

    if not languages and not model:
        typer.secho("name languages, or a model with --model", fg="red", err=True)
        raise typer.Exit(2)
    settings = _settings()
    configure_argos_environment(settings.argos_dir)
    bar = tqdm(total=100, unit="%", desc="download")

    def progress(name: str, fraction: float) -> None:
        bar.set_description(name)
        bar.n = round(fraction * 100)
        bar.refresh()

    try:
        for name in model or ():
            bar.reset()
            installed_model = download_model(
                name, settings.models_dir, progress, mirror=settings.model_mirror_url
            )
            bar.write(f"installed {installed_model.describe()}")
        installed = (
            download_packages(languages, settings.argos_dir / "argos-packages", progress)
            if languages
            else ()
        )
    except PackageDownloadError as error:
        bar.close()
        typer.secho(f"download failed: {error}", fg="red", err=True)
        raise typer.Exit(1) from error
    bar.close()
    for package in installed:
        typer.echo(f"installed {package.from_code} -> {package.to_code} ({package.version})")


@keys_app.command("revoke")
def keys_revoke(
    prefix: Annotated[str, typer.Argument(help="The key's prefix as `keys list` shows it.")],
) -> None:
    """Revoke a key at once; it stays listed, marked revoked."""
    from publisher import audit
    from publisher.keys import revoke_key
    from publisher.tables import ApiKey

    services = _services()
    try:
        with Session(services.db) as session:
            key = session.exec(select(ApiKey).where(ApiKey.prefix == prefix)).first()
            if key is None:
                typer.secho(f"no key with prefix {prefix}", fg="red", err=True)
                raise typer.Exit(1)
            revoke_key(session, key)
            audit.record(
                session,
                actor="command line",
                role="admin",
                action="key.revoke",
                target=f"key:{key.id}",
                after={"name": key.name, "staff_id": key.staff_id, "revoked": True},
            )
            session.commit()
            typer.echo(f"revoked {key.prefix}… ({key.name})")
    finally:
        services.close()


@app.command("audit-export")
def audit_export(
    output: Annotated[Path | None, typer.Option(help="File to write; default: stdout.")] = None,
) -> None:
    """Export the whole audit trail as JSON lines."""
    from publisher.audit import export_lines

    services = _services()
    try:
        with Session(services.db) as session:
            if output is None:
                for line in export_lines(session):
                    typer.echo(line, nl=False)
                return
            with output.open("w", encoding="utf-8") as handle:
                handle.writelines(export_lines(session))
    finally:
        services.close()


@app.command("backup")
def backup_command(
    destination: Annotated[Path, typer.Argument(help="A new, empty folder for the backup.")],
    models: Annotated[bool, typer.Option(help="Also copy the installed models.")] = False,
) -> None:
    """Take a consistent copy of the database and media while Kakehashi keeps running."""
    from publisher.backup import BackupError, backup

    try:
        summary = backup(_settings(), destination, include_models=models)
    except BackupError as error:
        typer.secho(f"backup failed: {error}", fg="red", err=True)
        raise typer.Exit(1) from error
    typer.echo(f"backed up {summary.files} files ({summary.bytes:,} bytes) to {summary.folder}")


@app.command("restore")
def restore_command(
    source: Annotated[Path, typer.Argument(help="A folder written by `backup`.")],
    force: Annotated[bool, typer.Option(help="Replace an existing database.")] = False,
) -> None:
    """Verify a backup, put it in place, and rebuild the site from it (stop the server first)."""
    from publisher.backup import BackupError, restore
    from publisher.site.build import build_site

    settings = _settings()
    try:
        count = restore(settings, source, force=force)
    except BackupError as error:
        typer.secho(f"restore failed: {error}", fg="red", err=True)
        raise typer.Exit(1) from error
    services = _services(settings)
    try:
        build_site(services)
    finally:
        services.close()
    typer.echo(f"restored {count} files from {source}; site rebuilt")


def _database(settings: Settings):  # type: ignore[no-untyped-def]
    from publisher.database import make_engine

    settings.resolved_data_dir.mkdir(parents=True, exist_ok=True)
    return make_engine(settings.resolved_database_url)


@db_app.command("status")
def db_status() -> None:
    """Say which revision the database is at and whether it is up to date (exit 1 if not)."""
    from publisher import migrations

    engine = _database(_settings())
    try:
        found = migrations.status(engine)
    finally:
        engine.dispose()
    typer.echo(found.describe())
    if found.state not in ("current", "empty"):
        raise typer.Exit(1)


@db_app.command("current")
def db_current() -> None:
    """Print the database's revision ("none" before migrations), and the latest one."""
    from publisher import migrations

    engine = _database(_settings())
    try:
        found = migrations.status(engine)
    finally:
        engine.dispose()
    latest = " (latest)" if found.up_to_date else f" (latest: {found.head})"
    typer.echo(f"{found.current or 'none'}{latest}")


@db_app.command("upgrade")
def db_upgrade(
    revision: Annotated[str, typer.Option(help="Revision to upgrade to.")] = "head",
) -> None:
    """Create or upgrade the database schema; a SQLite file is first copied to <data>/backups."""
    from alembic.util import CommandError

    from publisher import migrations

    settings = _settings()
    engine = _database(settings)
    try:
        outcome = migrations.migrate(
            engine, backup_dir=settings.resolved_data_dir / "backups", target=revision
        )
    except (migrations.SchemaError, CommandError) as error:
        typer.secho(f"upgrade failed: {error}", fg="red", err=True)
        raise typer.Exit(1) from error
    finally:
        engine.dispose()
    if outcome.before.state == "empty":
        typer.echo(f"created the database schema at revision {outcome.after}")
    elif not outcome.changed:
        typer.echo(f"database schema is at revision {outcome.after}: nothing to do")
    else:
        typer.echo(
            f"upgraded the database schema from {outcome.before.current or 'before migrations'}"
            f" to {outcome.after}"
        )
        if outcome.backup:
            typer.echo(f"the database as it was is kept at {outcome.backup}")


@db_app.command("history")
def db_history() -> None:
    """List the revisions, newest first."""
    from publisher import migrations

    for script in migrations.script_directory().walk_revisions():
        title = (script.doc or "").splitlines()[0] if script.doc else ""
        typer.echo(f"{script.revision}  {title}")


@db_app.command("revision")
def db_revision(
    message: Annotated[str, typer.Option("-m", "--message", help="What the change is for.")],
    empty: Annotated[
        bool, typer.Option("--empty", help="Write an empty revision (e.g. to move data).")
    ] = False,
) -> None:
    """Write the next revision from the difference between the models and the latest one.

    Run in a source checkout: the file goes into publisher/migrations/versions/; review it.
    """
    from publisher import migrations

    path = migrations.new_revision(message, autogenerate=not empty)
    typer.echo(f"wrote {path}: review it, then run the migration tests")
