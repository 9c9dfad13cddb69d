"""Command line: serve, demo, build, keys and models."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session, select

from publisher.settings import Settings

app = typer.Typer(
    help="Kakehashi: Japanese bulletins published in residents' languages, with audio.",
    no_args_is_help=True,
    add_completion=False,
)
keys_app = typer.Typer(help="API keys for PR staff.", no_args_is_help=True)
models_app = typer.Typer(help="Offline translation models (argos packages).", no_args_is_help=True)
app.add_typer(keys_app, name="keys")
app.add_typer(models_app, name="models")

DEMO_BULLETINS = Path(__file__).resolve().parents[1] / "demo" / "bulletins"


def _settings() -> Settings:
    try:
        return Settings()
    except ValueError as error:
        typer.secho(f"configuration error: {error}", fg="red", err=True)
        raise typer.Exit(2) from error


def _services(settings: Settings | None = None):  # type: ignore[no-untyped-def]
    from publisher.services import Services

    return Services.create(settings or _settings())


@app.command()
def serve(
    demo: Annotated[
        bool, typer.Option(help="Seed and publish the sample bulletins if the database is empty.")
    ] = False,
    host: Annotated[str | None, typer.Option(help="Default: KAKEHASHI_HOST.")] = None,
    port: Annotated[int | None, typer.Option(help="Default: KAKEHASHI_PORT.")] = None,
) -> None:
    """Run the API, the background worker and the published site in one process."""
    import uvicorn

    from publisher.api.app import create_app
    from publisher.queue import JobQueue, make_huey

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = _settings()
    services = _services(settings)
    queue = JobQueue(services, make_huey(services))
    consumer = queue.huey.create_consumer(
        workers=settings.worker_threads, worker_type="thread", periodic=False
    )
    consumer.start()
    resumed = queue.resume_interrupted()
    if resumed:
        typer.echo(f"resumed {resumed} interrupted job(s)")
    if demo:
        from publisher.demo import ensure_demo_key, seed_demo

        jobs = seed_demo(services, queue, DEMO_BULLETINS)
        typer.echo(f"demo: {len(jobs)} sample bulletin(s) queued for publishing")
        secret = ensure_demo_key(services)
        if secret:
            typer.echo(f"demo: admin API key (shown once): {secret}")
    url = f"http://{host or settings.host}:{port or settings.port}/"
    typer.echo(f"site: {url}   API docs: {url}api/v1/docs")
    try:
        uvicorn.run(
            create_app(services, queue),
            host=host or settings.host,
            port=port or settings.port,
            log_level="info",
        )
    finally:
        consumer.stop(graceful=True)
        services.close()


@app.command()
def worker() -> None:
    """Run only the background worker (for a separate process, e.g. with Redis)."""
    from publisher.queue import JobQueue, make_huey

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    settings = _settings()
    services = _services(settings)
    queue = JobQueue(services, make_huey(services))
    queue.resume_interrupted()
    try:
        queue.huey.create_consumer(
            workers=settings.worker_threads, worker_type="thread", periodic=False
        ).run()
    finally:
        services.close()


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
def build() -> None:
    """Rebuild the whole static site from the database (atomic swap)."""
    from publisher.site.build import build_site

    services = _services()
    try:
        folder = build_site(services)
    finally:
        services.close()
    typer.echo(f"built {sum(1 for p in folder.rglob('*') if p.is_file())} files into {folder}")


@keys_app.command("create")
def keys_create(
    name: Annotated[str, typer.Option(help="Who the key belongs to.")],
    role: Annotated[str, typer.Option(help="editor, approver or admin.")],
) -> None:
    """Create an API key; the secret is printed once and only its hash is stored."""
    from publisher.keys import create_key
    from publisher.workflow import Role

    try:
        chosen = Role(role)
    except ValueError as error:
        typer.secho("role must be editor, approver or admin", fg="red", err=True)
        raise typer.Exit(2) from error
    services = _services()
    try:
        with Session(services.db) as session:
            key, secret = create_key(session, name, chosen)
            session.commit()
            typer.echo(f"created key {key.prefix}… for {name} ({chosen}); it is shown only once:")
            typer.echo(secret)
    finally:
        services.close()


@keys_app.command("list")
def keys_list() -> None:
    """List keys without their secrets."""
    from publisher.tables import ApiKey

    services = _services()
    try:
        with Session(services.db) as session:
            for key in session.exec(select(ApiKey)).all():
                state = "revoked" if key.revoked_at else "active"
                typer.echo(f"{key.prefix}…  {key.name}  {key.role}  {state}")
    finally:
        services.close()


@models_app.command("list")
def models_list(
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
) -> None:
    """Installed packages, and how each configured language is reached."""
    from translations.models import configure_argos_environment, list_installed, plan_routes

    settings = _settings()
    configure_argos_environment(settings.argos_dir)
    installed = list_installed(settings.argos_dir / "argos-packages")
    routes = plan_routes(installed, settings.source_language, settings.target_languages)
    if as_json:
        payload = {
            "installed": [
                {"from": p.from_code, "to": p.to_code, "version": p.version} for p in installed
            ],
            "routes": {code: route.kind if route else None for code, route in routes.items()},
        }
        typer.echo(json.dumps(payload, indent=2))
        return
    typer.echo(f"installed packages ({len(installed)}):")
    for package in installed:
        typer.echo(f"  {package.from_code} -> {package.to_code}  version {package.version}")
    typer.echo("configured languages:")
    for code, route in routes.items():
        if route is None:
            typer.echo(f"  {code:8} not reachable: install a ja->{code} or en->{code} package")
        else:
            path = " -> ".join([route.source, *(step.to_code for step in route.steps)])
            typer.echo(f"  {code:8} {route.kind:6} {path}")


@models_app.command("install")
def models_install(
    files: Annotated[list[Path], typer.Argument(help=".argosmodel files", exists=True)],
) -> None:
    """Install packages from files (offline). A bad file is refused and nothing changes."""
    from translations.models import (
        PackageInstallError,
        configure_argos_environment,
        install_package_file,
    )

    settings = _settings()
    configure_argos_environment(settings.argos_dir)
    failed = False
    for file in files:
        try:
            package = install_package_file(file, settings.argos_dir / "argos-packages")
        except PackageInstallError as error:
            typer.secho(f"{file}: not installed: {error}", fg="red", err=True)
            failed = True
            continue
        typer.echo(f"installed {package.from_code} -> {package.to_code} ({package.version})")
    if failed:
        raise typer.Exit(1)


@models_app.command("download")
def models_download(
    languages: Annotated[list[str], typer.Argument(help="Target language codes, e.g. en pt")],
) -> None:
    """Download packages from the argos index (needs the internet)."""
    from tqdm import tqdm
    from translations.models import (
        PackageDownloadError,
        configure_argos_environment,
        download_packages,
    )

    settings = _settings()
    configure_argos_environment(settings.argos_dir)
    bar = tqdm(total=100, unit="%", desc="download")

    def progress(name: str, fraction: float) -> None:
        bar.set_description(name)
        bar.n = round(fraction * 100)
        bar.refresh()

    try:
        installed = download_packages(languages, settings.argos_dir / "argos-packages", progress)
    except PackageDownloadError as error:
        bar.close()
        typer.secho(f"download failed: {error}", fg="red", err=True)
        raise typer.Exit(1) from error
    bar.close()
    for package in installed:
        typer.echo(f"installed {package.from_code} -> {package.to_code} ({package.version})")
