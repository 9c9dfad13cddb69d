"""Translate with installed argos packages through CTranslate2, fully offline.

argostranslate's own ``translate`` is not used: it imports torch and stanza, splits sentences
with a model it downloads on first use, and translates one text at a time. Here the package's
CTranslate2 model and tokenizer are loaded once per package (lazily, thread-safely) and every
segment of a document is decoded in one batch.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translations.errors import TranslationFailedError, TranslationUnavailableError
from translations.installed import InstalledPackage, list_installed, read_metadata
from translations.routes import Route, plan_route, plan_routes
from translations.tokenizers import Tokenizer, load_tokenizer

if TYPE_CHECKING:
    import ctranslate2

log = logging.getLogger(__name__)

# Output is bounded by input length (a sentence rarely doubles), so a model that starts
# repeating itself stops soon; the hard cap matches CTranslate2's default input cap.
MAX_DECODING_LENGTH = 1024


@dataclass(frozen=True)
class _Loaded:
    translator: ctranslate2.Translator
    tokenizer: Tokenizer
    target_prefix: str


class ArgosEngine:
    """The real engine: one CTranslate2 translator and tokenizer per installed package."""

    name = "argos"

    def __init__(
        self,
        packages_dir: Path,
        *,
        intra_threads: int = 0,
        inter_threads: int = 1,
        beam_size: int = 2,
        compute_type: str = "int8",
        max_batch_tokens: int = 2048,
    ) -> None:
        self.packages_dir = packages_dir
        self.intra_threads = intra_threads
        self.inter_threads = inter_threads
        self.beam_size = beam_size
        self.compute_type = compute_type
        self.max_batch_tokens = max_batch_tokens
        self._loaded: dict[tuple[Path, str], _Loaded] = {}
        self._lock = threading.Lock()

    @property
    def loaded_packages(self) -> tuple[str, ...]:
        """Names of the packages whose models are in memory."""
        with self._lock:
            return tuple(sorted(path.name for path, _ in self._loaded))

    def routes(self, source: str, targets: Sequence[str]) -> dict[str, Route | None]:
        return plan_routes(list_installed(self.packages_dir), source, targets)

    def _route(self, source: str, target: str) -> Route:
        route = plan_route(list_installed(self.packages_dir), source, target)
        if route is None:
            raise TranslationUnavailableError(
                f"no installed package translates {source} to {target}"
                f" (directly or through English) in {self.packages_dir}"
            )
        return route

    def model_version(self, source: str, target: str) -> str:
        steps = self._route(source, target).steps
        if not steps:
            return "identity"
        return "+".join(f"{s.from_code}-{s.to_code}@{s.version}" for s in steps)

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        route = self._route(source, target)
        outputs = list(texts)
        todo = [index for index, text in enumerate(texts) if text.strip()]
        current = [texts[index] for index in todo]
        for step in route.steps:  # a pivot translates every text to English, then onwards
            current = self._translate_step(step, current)
        for index, text in zip(todo, current, strict=True):
            outputs[index] = text
        return outputs

    def _load(self, package: InstalledPackage) -> _Loaded:
        key = (package.path, package.version)
        with self._lock:
            loaded = self._loaded.get(key)
            if loaded is None:
                loaded = self._loaded[key] = self._open(package)
            return loaded

    def _open(self, package: InstalledPackage) -> _Loaded:
        try:
            import ctranslate2

            compute_type = self.compute_type
            supported = {"auto", "default", *ctranslate2.get_supported_compute_types("cpu")}
            if compute_type not in supported:
                log.warning("compute type %s not supported on this CPU, using auto", compute_type)
                compute_type = "auto"
            translator = ctranslate2.Translator(
                str(package.path / "model"),
                device="cpu",
                compute_type=compute_type,
                inter_threads=self.inter_threads,
                intra_threads=self.intra_threads,
            )
            tokenizer = load_tokenizer(package.path)
            prefix = str(read_metadata(package.path).get("target_prefix") or "")
        except Exception as error:
            raise TranslationFailedError(f"cannot load package {package.name}: {error}") from error
        return _Loaded(translator, tokenizer, prefix)

    def _translate_step(self, package: InstalledPackage, texts: list[str]) -> list[str]:
        if not texts:
            return []
        loaded = self._load(package)
        batch = [loaded.tokenizer.encode(text) for text in texts]
        longest = max(len(pieces) for pieces in batch)
        options: dict[str, Any] = {}
        if loaded.target_prefix:
            options["target_prefix"] = [[loaded.target_prefix]] * len(batch)
        try:
            results = loaded.translator.translate_batch(
                batch,
                max_batch_size=self.max_batch_tokens,
                batch_type="tokens",
                beam_size=self.beam_size,
                max_decoding_length=min(2 * longest + 10, MAX_DECODING_LENGTH),
                replace_unknowns=True,
                **options,
            )
        except Exception as error:  # CTranslate2 raises RuntimeError for bad inputs/models
            raise TranslationFailedError(f"{package.name} failed: {error}") from error
        outputs: list[str] = []
        for result in results:
            pieces = list(result.hypotheses[0])
            if loaded.target_prefix and pieces[:1] == [loaded.target_prefix]:
                pieces = pieces[1:]
            outputs.append(loaded.tokenizer.decode(pieces))
        return outputs
