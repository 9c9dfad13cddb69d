"""Translation model management, offline first: list, install from a file, plan routes.

Two kinds of installed model: argos packages and converted models (M2M-100, NLLB-200,
OPUS-MT). ``download_packages`` and ``download_model`` are the only functions that go online,
and only when asked to.
The implementations live in small modules; this is the one place the publisher imports.
"""

from __future__ import annotations

from translations.argos_env import configure_argos_environment
from translations.converted import ConvertedModel, ModelStep, list_converted, model_info
from translations.download import download_packages, fetch_index
from translations.errors import PackageDownloadError, PackageInstallError
from translations.installed import InstalledPackage, list_installed
from translations.model_download import RECOMMENDED, download_model
from translations.model_install import install_model
from translations.package_archive import install_package_file
from translations.routes import Route, plan_route, plan_routes
from translations.statuses import RouteVia

__all__ = [
    "RECOMMENDED",
    "ConvertedModel",
    "InstalledPackage",
    "ModelStep",
    "PackageDownloadError",
    "PackageInstallError",
    "Route",
    "RouteVia",
    "configure_argos_environment",
    "download_model",
    "download_packages",
    "fetch_index",
    "install_model",
    "install_package_file",
    "list_converted",
    "list_installed",
    "model_info",
    "plan_route",
    "plan_routes",
]
