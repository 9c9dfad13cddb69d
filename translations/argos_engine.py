"""Translate with installed argos packages and converted models through CTranslate2, offline.

argostranslate's own ``translate`` is not used: it imports torch and stanza, splits sentences
with a model it downloads on first use, and translates one text at a time. Here the package's
CTranslate2 model and tokenizer are loaded once per package (lazily, thread-safely) and kept
for the life of the engine (one per worker process). ``translate_many`` takes every language's
sentences at once: each package decodes each distinct text once, so ``ja→en`` runs once even
when English is also the pivot to Portuguese and Spanish, and the English step's output goes
to the next package sentence for sentence (nothing is re-split). Within a package, sentences
are sorted by length and decoded in token-sized batches, each batch with a decoding limit
relative to its own longest input, so a model that starts repeating itself stops soon. All of
a package's batches are queued at once; by default each translator has one single-threaded
worker per core, so batches (and packages) decode side by side (``thread_layout``).

Converted models (``translations.converted``: M2M-100, NLLB-200, OPUS-MT) are driven the same
way. A multilingual model gets every language it serves at a stage in one go: each sentence
carries its source-language token and its target-language ``target_prefix``, and sentences of
all languages are length-batched together, so a bulletin in nine languages is decoded by one
``translate_batch`` call per length band, not one per language.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from translations.converted import ConvertedModel, ModelStep, list_converted
from translations.errors import TranslationFailedError, TranslationUnavailableError
from translations.families import END
from translations.installed import InstalledPackage, list_installed, read_metadata
from translations.languages import get_language
from translations.routes import Route, Step, plan_route, plan_routes
from translations.statuses import RouteVia
from translations.tokenizers import Tokenizer, load_tokenizer

if TYPE_CHECKING:
    import ctranslate2

log = logging.getLogger(__name__)

# Output is bounded by input length (a sentence rarely doubles), so a model that starts
# repeating itself stops soon; the hard cap matches CTranslate2's default input cap.
MAX_DECODING_LENGTH = 1024
# Sentences in one batch differ in length by at most this factor (plus a little), so a short
# sentence is never given a long sentence's decoding limit.
_LENGTH_SPREAD = 1.5
# CTranslate2's own cap on its default thread count.
_MAX_AUTO_WORKERS = 4


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def thread_layout(intra_threads: int, inter_threads: int) -> tuple[int, int]:
    """(inter, intra) threads for each translator; 0 means automatic.

    Automatic: one single-threaded worker per core (at most four), sharing the weights. A
    decoding step of a few sentences is too small to split across cores (the threads of one
    step wait for each other, and for any other work on the machine: a one-sentence edit
    decoded slower on two cores than on one), so cores are used by decoding different batches,
    and different packages, side by side instead.
    """
    if intra_threads == 0 and inter_threads == 0:
        return min(_cpu_count(), _MAX_AUTO_WORKERS), 1
    return max(inter_threads, 1), intra_threads


def decoding_limit(input_length: int, ratio: float = 2.0, extra: int = 10) -> int:
    """The most target tokens a sentence of ``input_length`` source tokens may produce."""
    return min(int(ratio * input_length) + extra, MAX_DECODING_LENGTH)


def length_batches(lengths: Sequence[int], max_tokens: int) -> list[list[int]]:
    """Indices grouped into batches of similar length, each at most ``max_tokens`` tokens."""
    order = sorted(range(len(lengths)), key=lambda index: lengths[index])
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        if current:
            shortest = lengths[current[0]]
            longest = lengths[index]  # sorted: the newest is the longest
            too_long = longest > _LENGTH_SPREAD * shortest + 4
            too_many = longest * (len(current) + 1) > max_tokens
            if too_long or too_many:
                batches.append(current)
                current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


@dataclass(frozen=True)
class _Loaded:
    translator: ctranslate2.Translator
    tokenizer: Tokenizer
    target_prefix: str


@dataclass(frozen=True)
class _LoadedConverted:
    translator: ctranslate2.Translator
    source_tokenizer: Tokenizer
    target_tokenizer: Tokenizer


class ArgosEngine:
    """The real engine: one CTranslate2 translator and tokenizer per installed model.

    ``packages_dir`` holds argos packages, ``models_dir`` converted models; ``pins`` fixes
    the kind of route for some languages (a city's choice, see ``translations.routes``).
    """

    name = "argos"

    def __init__(
        self,
        packages_dir: Path,
        *,
        intra_threads: int = 0,
        inter_threads: int = 0,
        beam_size: int = 2,
        compute_type: str = "int8",
        max_batch_tokens: int = 2048,
        decoding_ratio: float = 2.0,
        decoding_extra: int = 10,
        parallel_packages: bool = True,
        models_dir: Path | None = None,
        pins: Mapping[str, RouteVia] | None = None,
    ) -> None:
        self.packages_dir = packages_dir
        self.models_dir = models_dir
        self.pins = dict(pins or {})
        self.intra_threads = intra_threads
        self.inter_threads = inter_threads
        self.beam_size = beam_size
        self.compute_type = compute_type
        self.max_batch_tokens = max_batch_tokens
        self.decoding_ratio = decoding_ratio
        self.decoding_extra = decoding_extra
        self.parallel_packages = parallel_packages
        self._loaded: dict[tuple[Path, str], _Loaded] = {}
        self._converted: dict[tuple[Path, str], _LoadedConverted] = {}
        self._lock = threading.Lock()

    @property
    def loaded_packages(self) -> tuple[str, ...]:
        """Names of the packages whose models are in memory."""
        with self._lock:
            return tuple(sorted(path.name for path, _ in [*self._loaded, *self._converted]))

    def routes(self, source: str, targets: Sequence[str]) -> dict[str, Route | None]:
        return plan_routes(
            list_installed(self.packages_dir),
            source,
            targets,
            converted=list_converted(self.models_dir),
            pins=self.pins,
        )

    def _route(self, source: str, target: str) -> Route:
        route = plan_route(
            list_installed(self.packages_dir),
            source,
            target,
            converted=list_converted(self.models_dir),
            pin=self.pins.get(get_language(target).code),
        )
        if route is None:
            pinned = self.pins.get(get_language(target).code)
            raise TranslationUnavailableError(
                f"no installed model translates {source} to {target}"
                + (f" by a {pinned} route, as configured" if pinned else "")
                + f" (argos packages in {self.packages_dir}, converted models in"
                f" {self.models_dir})"
            )
        return route

    def model_version(self, source: str, target: str) -> str:
        steps = self._route(source, target).steps
        if not steps:
            return "identity"
        return "+".join(step.trace for step in steps)

    def translate(self, texts: Sequence[str], source: str, target: str) -> list[str]:
        return self.translate_many({target: texts}, source)[target]

    def translate_many(
        self, texts_by_target: Mapping[str, Sequence[str]], source: str
    ) -> dict[str, list[str]]:
        routes = {target: self._route(source, target) for target in texts_by_target}
        current = {target: list(texts) for target, texts in texts_by_target.items()}
        depth = max((len(route.steps) for route in routes.values()), default=0)
        for stage in range(depth):
            # Every text that goes through the same package at this stage, each once.
            wanted: dict[Step, dict[str, None]] = {}
            for target, route in routes.items():
                if stage < len(route.steps):
                    texts = wanted.setdefault(route.steps[stage], {})
                    texts.update((text, None) for text in current[target] if text.strip())
            done = self._run_stage({package: list(unique) for package, unique in wanted.items()})
            for target, route in routes.items():
                if stage < len(route.steps):
                    table = done[route.steps[stage]]
                    current[target] = [table.get(text, text) for text in current[target]]
        return current

    def _run_stage(self, work: Mapping[Step, list[str]]) -> dict[Step, dict[str, str]]:
        """Decode each model's texts; different models run side by side (each translator
        is its own model, and CTranslate2 releases the GIL while decoding). All pairs a
        converted model serves at this stage go to it together."""
        groups: dict[InstalledPackage | ConvertedModel, list[Step]] = {}
        for step in work:
            groups.setdefault(step.model if isinstance(step, ModelStep) else step, []).append(step)

        def run(key: InstalledPackage | ConvertedModel) -> dict[Step, dict[str, str]]:
            if isinstance(key, ConvertedModel):
                steps = [step for step in groups[key] if isinstance(step, ModelStep)]
                return self._translate_converted(key, {step: work[step] for step in steps})
            inputs = work[key]
            return {key: dict(zip(inputs, self._translate_step(key, inputs), strict=True))}

        results: dict[Step, dict[str, str]] = {}
        if len(groups) <= 1 or not self.parallel_packages:
            for key in groups:
                results.update(run(key))
            return results
        with ThreadPoolExecutor(max_workers=len(groups)) as pool:
            futures = [pool.submit(run, key) for key in groups]
            for future in futures:
                results.update(future.result())
        return results

    def _load(self, package: InstalledPackage) -> _Loaded:
        key = (package.path, package.version)
        with self._lock:
            loaded = self._loaded.get(key)
            if loaded is None:
                loaded = self._loaded[key] = self._open(package)
            return loaded

    def _translator(self, model_dir: Path) -> ctranslate2.Translator:
        import ctranslate2

        compute_type = self.compute_type
        supported = {"auto", "default", *ctranslate2.get_supported_compute_types("cpu")}
        if compute_type not in supported:
            log.warning("compute type %s not supported on this CPU, using auto", compute_type)
            compute_type = "auto"
        inter_threads, intra_threads = thread_layout(self.intra_threads, self.inter_threads)
        return ctranslate2.Translator(
            str(model_dir),
            device="cpu",
            compute_type=compute_type,
            inter_threads=inter_threads,
            intra_threads=intra_threads,
        )

    def _open(self, package: InstalledPackage) -> _Loaded:
        try:
            translator = self._translator(package.path / "model")
            tokenizer = load_tokenizer(package.path)
            prefix = str(read_metadata(package.path).get("target_prefix") or "")
        except Exception as error:
            raise TranslationFailedError(f"cannot load package {package.name}: {error}") from error
        return _Loaded(translator, tokenizer, prefix)

    def _translate_step(self, package: InstalledPackage, texts: list[str]) -> list[str]:
        if not texts:
            return []
        loaded = self._load(package)
        encoded = [loaded.tokenizer.encode(text) for text in texts]
        outputs = [""] * len(texts)
        batches = length_batches([len(pieces) for pieces in encoded], self.max_batch_tokens)
        # Every batch is queued at once: with several workers (inter_threads) they decode side
        # by side, each on its own core; with one, in order.
        pending = [
            (
                indices,
                self._submit(
                    package.name,
                    loaded.translator,
                    [encoded[index] for index in indices],
                    [[loaded.target_prefix]] * len(indices) if loaded.target_prefix else None,
                ),
            )
            for indices in batches
        ]
        for indices, results in pending:
            for index, text in zip(indices, self._collect(package, loaded, results), strict=True):
                outputs[index] = text
        return outputs

    def _load_converted(self, model: ConvertedModel) -> _LoadedConverted:
        key = (model.path, model.version)
        with self._lock:
            loaded = self._converted.get(key)
            if loaded is None:
                loaded = self._converted[key] = self._open_converted(model)
            return loaded

    def _open_converted(self, model: ConvertedModel) -> _LoadedConverted:
        from translations.tokenizers import SentencePieceTokenizer

        family = model.family
        try:
            translator = self._translator(model.path)
            source = SentencePieceTokenizer(model.path / family.source_spm)
            target = (
                source
                if family.target_spm == family.source_spm
                else SentencePieceTokenizer(model.path / family.target_spm)
            )
        except Exception as error:
            raise TranslationFailedError(f"cannot load model {model.name}: {error}") from error
        return _LoadedConverted(translator, source, target)

    def _translate_converted(
        self, model: ConvertedModel, work: Mapping[ModelStep, list[str]]
    ) -> dict[Step, dict[str, str]]:
        """Every pair this model serves, length-batched together, each sentence with its
        own language tokens."""
        loaded = self._load_converted(model)
        family = model.family
        items = [(step, text) for step, texts in work.items() for text in texts]
        if not items:
            return {step: {} for step in work}
        encoded: list[list[str]] = []
        prefixes: list[list[str]] = []
        for step, text in items:
            pieces = loaded.source_tokenizer.encode(text)
            if family.multilingual:
                encoded.append([family.language_token(step.from_code), *pieces, END])
                prefixes.append([family.language_token(step.to_code)])
            else:
                encoded.append([*pieces, END])
        outputs = [""] * len(items)
        batches = length_batches([len(pieces) for pieces in encoded], self.max_batch_tokens)
        pending = [
            (
                indices,
                self._submit(
                    model.name,
                    loaded.translator,
                    [encoded[index] for index in indices],
                    [prefixes[index] for index in indices] if prefixes else None,
                ),
            )
            for indices in batches
        ]
        for indices, results in pending:
            for index, hypothesis in zip(
                indices, self._hypotheses(model.name, results), strict=True
            ):
                if prefixes and hypothesis[:1] == prefixes[index]:
                    hypothesis = hypothesis[1:]
                outputs[index] = loaded.target_tokenizer.decode(hypothesis)
        done: dict[Step, dict[str, str]] = {step: {} for step in work}
        for (step, text), output in zip(items, outputs, strict=True):
            done[step][text] = output
        return done

    def _submit(
        self,
        name: str,
        translator: ctranslate2.Translator,
        batch: list[list[str]],
        target_prefix: list[list[str]] | None,
    ) -> Any:
        """Queue one batch on a translator; ``_hypotheses`` waits for it."""
        options: dict[str, Any] = {}
        if target_prefix:
            options["target_prefix"] = target_prefix
        try:
            return translator.translate_batch(
                batch,
                max_batch_size=self.max_batch_tokens,
                batch_type="tokens",
                beam_size=self.beam_size,
                max_decoding_length=decoding_limit(
                    max(len(pieces) for pieces in batch), self.decoding_ratio, self.decoding_extra
                ),
                replace_unknowns=True,
                asynchronous=True,
                **options,
            )
        except Exception as error:  # CTranslate2 raises RuntimeError for bad inputs/models
            raise TranslationFailedError(f"{name} failed: {error}") from error

    def _hypotheses(self, name: str, pending: Any) -> list[list[str]]:
        hypotheses: list[list[str]] = []
        for item in pending:
            try:
                result = item.result()
            except Exception as error:  # CTranslate2 raises RuntimeError for bad inputs/models
                raise TranslationFailedError(f"{name} failed: {error}") from error
            hypotheses.append(list(result.hypotheses[0]))
        return hypotheses

    def _collect(self, package: InstalledPackage, loaded: _Loaded, pending: Any) -> list[str]:
        outputs: list[str] = []
        for pieces in self._hypotheses(package.name, pending):
            if loaded.target_prefix and pieces[:1] == [loaded.target_prefix]:
                pieces = pieces[1:]
            outputs.append(loaded.tokenizer.decode(pieces))
        return outputs
