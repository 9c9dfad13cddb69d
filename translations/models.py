"""Translation package management, offline first: list, install from a file, plan routes.

``download_packages`` is the only function that goes online, and only when asked to.
The implementations live in small modules; this is the one place the publisher imports.
"""

from __future__ import annotations

from translations.argos_env import configure_argos_environment
from translations.download import download_packages, fetch_index
from translations.errors import PackageDownloadError, PackageInstallError
from translations.installed import InstalledPackage, list_installed
from translations.package_archive import install_package_file
from translations.routes import Route, plan_route, plan_routes

__all__ = [
    "InstalledPackage",
    "PackageDownloadError",
    "PackageInstallError",
    "Route",
    "configure_argos_environment",
    "download_packages",
    "fetch_index",
    "install_package_file",
    "list_installed",
    "plan_route",
    "plan_routes",
]
