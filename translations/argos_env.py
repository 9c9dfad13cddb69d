"""Point argostranslate at Kakehashi's data folder before it is imported.

argostranslate reads its folders from the environment when ``argostranslate.settings`` is
first imported (and creates them under ``$HOME`` otherwise), so this must run first.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def configure_argos_environment(data_dir: Path) -> Path:
    """Set argostranslate's folders under ``data_dir`` and CPU decoding; return packages dir."""
    data_dir = data_dir.resolve()
    packages_dir = data_dir / "argos-packages"
    folders = {
        "ARGOS_PACKAGES_DIR": packages_dir,
        "XDG_DATA_HOME": data_dir / "xdg-data",
        "XDG_CACHE_HOME": data_dir / "xdg-cache",
        "XDG_CONFIG_HOME": data_dir / "xdg-config",
    }
    for name, folder in folders.items():
        folder.mkdir(parents=True, exist_ok=True)
        os.environ[name] = str(folder)
    os.environ["ARGOS_DEVICE_TYPE"] = "cpu"
    settings = sys.modules.get("argostranslate.settings")
    current = getattr(settings, "package_data_dir", None)
    if current is not None and Path(current).resolve() != packages_dir:
        log.warning(
            "argostranslate was imported before configure_argos_environment and keeps using %s;"
            " Kakehashi's own functions take the packages folder explicitly and are unaffected",
            current,
        )
    return packages_dir
