"""Translation throughput: argostranslate sentence by sentence vs Kakehashi's pipeline.

Both sides translate the six sample bulletins (title, body and contact, segmented by
Kakehashi) into English (direct), Portuguese and Spanish (through English), with the same
CTranslate2 models, in the same process and run:

(a) baseline, as LibreTranslate drives argos: ``argostranslate.translate`` one sentence per
    call, its default beam size (4), its own per-package translators;
(b) Kakehashi: ``translations.pipeline.translate_documents`` over all six bulletins and all
    three languages at once (length-sorted token batches, the ja→en step shared by the
    pivot languages, repeated sentences once), with Kakehashi's default beam size (2) and,
    for comparison, with the baseline's beam size.

It prints segments/s for each and the ratio b/a, then the time to re-publish after a
one-sentence edit (translation memory) as a fraction of the first publish: for the six
bulletins together, and for the edited bulletin alone. The edit goes through the segmenter
as a real one does (``edit_one_sentence``).

The model is transformer-base shaped (6+6 layers, d_model 512, FFN 2048, 8 heads, 32k
vocabulary) with random weights, int8, built here in a minute, or any ``ja→en`` package given
with ``--model`` (used for every pair). Random weights never choose ``</s>`` (its logit is
pinned low, as are the padding tokens beyond the tokenizer's pieces), so every sentence
decodes exactly to the limit both sides use, relative to its input: ``1.2 × input tokens +
5``, about as long as a real translation (``ArgosEngine(decoding_ratio=, decoding_extra=)``;
the baseline's ``translate_batch`` is given the same limit, else it would decode 256 tokens).

    .venv/bin/python benchmarks/translate.py            # full run, a few minutes
    .venv/bin/python benchmarks/translate.py --quick    # two bulletins, about a minute

With ``--multilingual`` it measures a converted multilingual model instead (M2M-100 layout:
``sentencepiece.bpe.model``, language tokens ``__xx__`` in the vocabulary, installed through
``install_model``), of the same transformer-base shape with random weights and the same
decoding-length rule, in two comparisons:

(c) the nine Hamamatsu languages straight from Japanese, as Kakehashi decodes them (all
    bulletins and languages in length-sorted batches, each sentence with its target token),
    against (d) the same model, same translator, driven one sentence and one language per
    call; prints both in segments/s and the ratio c/d (target >= 4);
(e) for the languages that can go both ways here (pt and es: argos packages ja→en and en→X
    of the same size), direct through the multilingual model against pivoted through English,
    in segments/s.

    .venv/bin/python benchmarks/translate.py --multilingual --quick
"""

from __future__ import annotations

import argparse
import io
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

VOCABULARY = 32_000
D_MODEL, FFN, HEADS, LAYERS = 512, 2048, 8, 6
PAIRS = (("ja", "en"), ("en", "pt"), ("en", "es"))
TARGETS = ("en", "pt", "es")
BASELINE_BEAM = 4  # argostranslate's default (ARGOS_BEAM_SIZE)
# A random model never stops by itself, so the decoding limit is the output length. Real
# translations are about as long as their input: both sides decode input x 1.2 + 5 tokens.
RATIO, EXTRA = 1.2, 5


def _corpus() -> list[str]:
    """Text for SentencePiece: the sample bulletins and generated English/Portuguese lines."""
    lines: list[str] = []
    for path in sorted((REPO / "demo" / "bulletins").glob("*.json")):
        sample = json.loads(path.read_text(encoding="utf-8"))
        for field in ("title", "body", "contact"):
            lines.extend(line for line in str(sample.get(field) or "").splitlines() if line)
    words = [
        *[
            "the",
            "city",
            "will",
            "open",
            "shelters",
            "on",
            "weekdays",
            "please",
            "call",
            "reception",
            "fee",
            "water",
        ],
        *[
            "outage",
            "festival",
            "garbage",
            "collection",
            "health",
            "checkup",
            "card",
            "application",
        ],
        *[
            "a",
            "prefeitura",
            "abrigo",
            "ligue",
            "recepção",
            "taxa",
            "interrupção",
            "água",
            "festa",
            "coleta",
        ],
        *["lixo", "saúde", "exame", "cartão", "[1]", "[2]"],
    ]
    for number in range(3000):
        lines.append(" ".join(words[(number * k) % len(words)] for k in range(1, 12)))
    return lines


def _sentencepiece(folder: Path) -> list[str]:
    import sentencepiece

    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(_corpus()),
        model_writer=model,
        vocab_size=8000,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        num_threads=2,
        minloglevel=2,
    )
    (folder / "sentencepiece.model").write_bytes(model.getvalue())
    processor = sentencepiece.SentencePieceProcessor(model_file=str(folder / "sentencepiece.model"))
    pieces = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    return pieces + [f"▁filler{i}" for i in range(VOCABULARY - len(pieces))]


def _write_model(model_dir: Path, vocabulary: list[str]) -> None:
    """A transformer-base CTranslate2 model with random weights, int8, that never ends early."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(7)
    spec = transformer_spec.TransformerSpec.from_config(LAYERS, HEADS)

    def weight(*shape: int) -> Any:
        return (rng.standard_normal(shape, dtype=np.float32) * 0.05).astype(np.float32)

    def norm(layer: Any) -> None:
        layer.gamma = np.ones(D_MODEL, dtype=np.float32)
        layer.beta = np.zeros(D_MODEL, dtype=np.float32)

    def linear(layer: Any, outputs: int, inputs: int) -> None:
        layer.weight = weight(outputs, inputs)
        layer.bias = np.zeros(outputs, dtype=np.float32)

    def ffn(block: Any) -> None:
        norm(block.layer_norm)
        linear(block.linear_0, FFN, D_MODEL)
        linear(block.linear_1, D_MODEL, FFN)

    for embeddings in spec.encoder.embeddings:
        embeddings.weight = weight(len(vocabulary), D_MODEL)
    norm(spec.encoder.layer_norm)
    for layer in spec.encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        linear(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    spec.decoder.embeddings.weight = weight(len(vocabulary), D_MODEL)
    norm(spec.decoder.layer_norm)
    for layer in spec.decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * D_MODEL, D_MODEL)
        linear(layer.self_attention.linear[1], D_MODEL, D_MODEL)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], D_MODEL, D_MODEL)
        linear(layer.attention.linear[1], 2 * D_MODEL, D_MODEL)
        linear(layer.attention.linear[2], D_MODEL, D_MODEL)
        ffn(layer.ffn)
    spec.decoder.projection.weight = weight(len(vocabulary), D_MODEL)
    bias = np.zeros(len(vocabulary), dtype=np.float32)
    bias[vocabulary.index("</s>")] = -1e4  # decode to the limit: equal work on both sides
    for index, piece in enumerate(vocabulary):
        if piece.startswith("▁filler"):  # emit real pieces, so a pivot re-reads ~ as many
            bias[index] = -1e4
    spec.decoder.projection.bias = bias
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization="int8")
    spec.save(str(model_dir))


def build_model(work: Path) -> Path:
    """A ja→en package folder with the transformer-base model; returns the folder."""
    folder = work / "base"
    (folder / "model").mkdir(parents=True)
    vocabulary = _sentencepiece(folder)
    _write_model(folder / "model", vocabulary)
    return folder


def _unpack(model: Path, work: Path) -> Path:
    if model.is_dir():
        return model
    with zipfile.ZipFile(model) as archive:
        archive.extractall(work / "given")
    (top,) = [path for path in (work / "given").iterdir() if path.is_dir()]
    return top


def install_pairs(base: Path, packages_dir: Path) -> None:
    """One package folder per pair, all sharing the base model and tokenizer files."""
    for source, target in PAIRS:
        folder = packages_dir / f"translate-{source}_{target}-bench"
        folder.mkdir(parents=True)
        (folder / "model").symlink_to(base / "model", target_is_directory=True)
        (folder / "sentencepiece.model").symlink_to(base / "sentencepiece.model")
        metadata = {
            "package_version": "1.0",
            "argos_version": "1.9",
            "from_code": source,
            "to_code": target,
            "from_name": source,
            "to_name": target,
            "type": "translate",
        }
        (folder / "metadata.json").write_text(json.dumps(metadata), encoding="utf-8")


def load_samples(count: int) -> list[Any]:
    from publisher.demo import load_samples as load

    return load(REPO / "demo" / "bulletins")[:count]


def _documents(samples: Sequence[Any]) -> list[Any]:
    """Each sample segmented as a publish job does it (``publisher.documents.snapshot``)."""
    from publisher.documents import snapshot

    return [
        snapshot(number, 1, s.category, s.title, s.body, s.contact)
        for number, s in enumerate(samples, start=1)
    ]


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def baseline(documents: Sequence[Any]) -> tuple[int, float]:
    """(segments, seconds) for argostranslate, one sentence per call, as LibreTranslate."""
    import argostranslate.sbd
    import argostranslate.translate
    import ctranslate2

    from translations.argos_engine import decoding_limit
    from translations.restore import unmask

    class WholeText(argostranslate.sbd.ISentenceBoundaryDetectionModel):
        """Kakehashi already split the sentences; argos' splitter would download a model."""

        def __init__(self, pkg: Any) -> None:
            self.pkg = pkg

        def split_sentences(self, text: str) -> list[str]:
            return [text]

    argostranslate.translate.MiniSBDSentencizer = WholeText  # type: ignore[attr-defined,misc]
    original = ctranslate2.Translator.translate_batch

    def bounded(self: Any, source: Any, *args: Any, **kwargs: Any) -> Any:
        longest = max(len(s) for s in source)
        kwargs.setdefault("max_decoding_length", decoding_limit(longest, RATIO, EXTRA))
        return original(self, source, *args, **kwargs)

    ctranslate2.Translator.translate_batch = bounded  # type: ignore[method-assign]
    languages = {lang.code: lang for lang in argostranslate.translate.get_installed_languages()}
    translations = {t: languages["ja"].get_translation(languages[t]) for t in TARGETS}
    for translation in translations.values():  # load the models before timing
        translation.translate("川。")
    sentences = [unmask(segment) for doc in documents for segment in doc.segments()]

    def run() -> None:
        for target in TARGETS:
            for sentence in sentences:
                translations[target].translate(sentence)

    seconds = _timed(run)
    ctranslate2.Translator.translate_batch = original  # type: ignore[method-assign]
    return len(sentences) * len(TARGETS), seconds


def kakehashi(
    documents: Sequence[Any], packages_dir: Path, beam: int, threads: int
) -> tuple[int, float, Any]:
    """(segments, seconds, engine) for translate_documents over all documents at once."""
    from tests.support.memory import InMemoryTranslationMemory
    from translations.engine import ArgosEngine
    from translations.pipeline import TranslationRequest, translate_documents

    engine = ArgosEngine(
        packages_dir,
        beam_size=beam,
        intra_threads=threads,
        decoding_ratio=RATIO,
        decoding_extra=EXTRA,
    )
    engine.translate_many({target: ["川。"] for target in TARGETS}, "ja")  # load the models
    requests = [TranslationRequest(str(d.bulletin_id), d.segments(), TARGETS) for d in documents]
    seconds = _timed(
        lambda: translate_documents(requests, "ja", engine, memory=InMemoryTranslationMemory())
    )
    return sum(len(d.segments()) for d in documents) * len(TARGETS), seconds, engine


def edit_one_sentence(sample: Any) -> Any:
    """The bulletin with one sentence of its body changed, as staff would edit it.

    The sentence of median length gets "なお、" ("note that") in front: one sentence, whose
    translation must be decoded again; the Markdown goes through the real segmenter.
    """
    from translations.segmenter import segment_markdown

    sentences = [
        segment.text
        for block in segment_markdown(sample.body)
        for segment in block.segments
        if not segment.tokens and segment.text in sample.body
    ]
    sentence = sorted(sentences, key=len)[len(sentences) // 2]
    return sample.model_copy(update={"body": sample.body.replace(sentence, "なお、" + sentence, 1)})


def republish(samples: Sequence[Any], engine: Any) -> list[tuple[str, float, float, int, int]]:
    """Re-publish after a one-sentence edit, as a fraction of the first publish, two ways.

    The first publish translates the documents with an empty translation memory; then one
    sentence of the largest bulletin is edited and everything is translated again with the
    memory. Measured for the six bulletins together (a day's publishing) and for the edited
    bulletin alone. Returns (what, first s, again s, segment-languages decoded, in all).
    """
    from tests.support.memory import InMemoryTranslationMemory
    from translations.pipeline import TranslationRequest, translate_documents

    def requests(chosen: Sequence[Any]) -> list[Any]:
        return [
            TranslationRequest(str(d.bulletin_id), d.segments(), TARGETS)
            for d in _documents(chosen)
        ]

    largest = max(range(len(samples)), key=lambda i: len(_documents([samples[i]])[0].segments()))
    edited = list(samples)
    edited[largest] = edit_one_sentence(samples[largest])
    results = []
    for what, before, after in (
        (f"{len(samples)} bulletins", samples, edited),
        ("the edited bulletin alone", [samples[largest]], [edited[largest]]),
    ):
        memory = InMemoryTranslationMemory()
        first_requests, edit_requests = requests(before), requests(after)
        started = time.perf_counter()
        first = translate_documents(first_requests, "ja", engine)
        first_seconds = time.perf_counter() - started
        for (_, language), items in first.items():
            memory.record(language, items)
        started = time.perf_counter()
        again = translate_documents(edit_requests, "ja", engine, memory=memory)
        again_seconds = time.perf_counter() - started
        decoded = sum(not item.reused for items in again.values() for item in items if item.engine)
        total = sum(len(items) for items in again.values())
        results.append((what, first_seconds, again_seconds, decoded, total))
    return results


HAMAMATSU = ("en", "pt", "tl", "vi", "zh", "es", "ko", "id", "ne")
BOTH_WAYS = ("pt", "es")


def build_multilingual(work: Path, models_dir: Path) -> Any:
    """A transformer-base M2M-100-shaped converted model, installed the way a city does."""
    from translations.families import FAMILIES
    from translations.model_install import install_model

    folder = work / "m2m100-bench"
    folder.mkdir(parents=True)
    vocabulary = _sentencepiece(folder)
    (folder / "sentencepiece.model").rename(folder / "sentencepiece.bpe.model")
    tokens = list(FAMILIES["m2m100"].tokens.values())
    vocabulary = vocabulary[: VOCABULARY - len(tokens)] + tokens
    _write_model(folder, vocabulary)
    return install_model(folder, models_dir, family="m2m100", name="m2m100-bench")


def one_at_a_time(documents: Sequence[Any], engine: Any, model: Any, beam: int) -> float:
    """Seconds to translate every sentence into every language, one sentence per call."""
    from translations.argos_engine import decoding_limit
    from translations.families import END
    from translations.pipeline import engine_input, needs_translation

    loaded = engine._load_converted(model)
    family = model.family
    sentences = [
        engine_input(segment.text)
        for doc in documents
        for segment in doc.segments()
        if needs_translation(segment.text)
    ]

    def run() -> None:
        for target in HAMAMATSU:
            for sentence in sentences:
                pieces = loaded.source_tokenizer.encode(sentence)
                source = [family.language_token("ja"), *pieces, END]
                result = loaded.translator.translate_batch(
                    [source],
                    target_prefix=[[family.language_token(target)]],
                    beam_size=beam,
                    max_decoding_length=decoding_limit(len(source), RATIO, EXTRA),
                    replace_unknowns=True,
                )
                loaded.target_tokenizer.decode(list(result[0].hypotheses[0])[1:])

    return _timed(run)


def multilingual_run(args: Any, work: Path, packages_dir: Path, samples: Sequence[Any]) -> None:
    from tests.support.memory import InMemoryTranslationMemory
    from translations.engine import ArgosEngine
    from translations.pipeline import TranslationRequest, translate_documents
    from translations.statuses import RouteVia

    models_dir = work / "models"
    started = time.perf_counter()
    model = build_multilingual(work, models_dir)
    install_pairs(build_model(work), packages_dir)
    print(f"models ready in {time.perf_counter() - started:.1f} s")
    documents = _documents(samples)

    def engine(pins: dict[str, RouteVia]) -> ArgosEngine:
        made = ArgosEngine(
            packages_dir,
            models_dir=models_dir,
            pins=pins,
            beam_size=args.beam,
            intra_threads=args.threads,
            decoding_ratio=RATIO,
            decoding_extra=EXTRA,
        )
        made.translate_many({target: ["川。"] for target in HAMAMATSU}, "ja")  # load models
        return made

    def pipeline(made: ArgosEngine, targets: Sequence[str]) -> tuple[int, float]:
        requests = [
            TranslationRequest(str(d.bulletin_id), d.segments(), tuple(targets)) for d in documents
        ]
        results: dict[Any, Any] = {}

        def run() -> None:
            results.update(
                translate_documents(requests, "ja", made, memory=InMemoryTranslationMemory())
            )

        seconds = _timed(run)
        decoded = sum(1 for items in results.values() for item in items if item.engine)
        return decoded, seconds

    direct = engine({code: RouteVia.MULTILINGUAL for code in HAMAMATSU})
    routes = direct.routes("ja", HAMAMATSU)
    assert all(r is not None and r.via == RouteVia.MULTILINGUAL for r in routes.values())
    count, batched = pipeline(direct, HAMAMATSU)
    single = one_at_a_time(documents, direct, model, args.beam)
    c, d = count / batched, count / single
    print(f"segments: {count} ({len(documents)} bulletins x {len(HAMAMATSU)} languages, direct)")
    print(f"(c) Kakehashi, all languages batched from Japanese, beam {args.beam}: {c:7.2f} seg/s")
    print(f"(d) same model, one sentence and one language per call:      {d:7.2f} seg/s")
    print(f"ratio c/d = {c / d:.2f}   (target >= 4)")

    pivoted = engine({code: RouteVia.PIVOT for code in BOTH_WAYS})
    assert all(r and r.via == RouteVia.PIVOT for r in pivoted.routes("ja", BOTH_WAYS).values())
    both, direct_seconds = pipeline(direct, BOTH_WAYS)
    _, pivot_seconds = pipeline(pivoted, BOTH_WAYS)
    print(f"(e) {'+'.join(BOTH_WAYS)}, {both} segments, same-size models:")
    print(f"    direct (multilingual):  {both / direct_seconds:7.2f} seg/s")
    print(f"    pivot through English:  {both / pivot_seconds:7.2f} seg/s")
    print(f"    direct / pivot = {pivot_seconds / direct_seconds:.2f}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", type=Path, help="a ja→en .argosmodel or package folder")
    parser.add_argument("--quick", action="store_true", help="two bulletins only")
    parser.add_argument("--beam", type=int, default=2, help="Kakehashi's beam size (default 2)")
    parser.add_argument("--threads", type=int, default=0, help="CTranslate2 threads (0: auto)")
    parser.add_argument(
        "--multilingual", action="store_true", help="measure a converted multilingual model"
    )
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]

    with tempfile.TemporaryDirectory(prefix="kakehashi-bench-") as temp:
        work = Path(temp)
        os.environ.setdefault("ARGOS_COMPUTE_TYPE", "int8")
        os.environ["ARGOS_INTRA_THREADS"] = str(args.threads)
        from translations.models import configure_argos_environment

        packages_dir = configure_argos_environment(work / "argos")
        if args.multilingual:
            multilingual_run(args, work, packages_dir, load_samples(2 if args.quick else 6))
            return
        started = time.perf_counter()
        base = _unpack(args.model, work) if args.model else build_model(work)
        install_pairs(base, packages_dir)
        print(f"model ready in {time.perf_counter() - started:.1f} s ({base})")

        samples = load_samples(2 if args.quick else 6)
        documents = _documents(samples)
        count, kakehashi_seconds, engine = kakehashi(
            documents, packages_dir, args.beam, args.threads
        )
        _, equal_beam_seconds, _ = kakehashi(documents, packages_dir, BASELINE_BEAM, args.threads)
        base_count, base_seconds = baseline(documents)
        assert base_count == count
        a = count / base_seconds
        b = count / kakehashi_seconds
        b_equal = count / equal_beam_seconds
        same = f"beam {BASELINE_BEAM} (as a)"
        print(f"segments: {count} ({len(documents)} bulletins x {len(TARGETS)} languages)")
        print(f"(a) argostranslate, one sentence per call, beam {BASELINE_BEAM}: {a:7.2f} seg/s")
        print(f"(b) Kakehashi pipeline, beam {args.beam}:                      {b:7.2f} seg/s")
        print(f"    Kakehashi pipeline, {same}:               {b_equal:7.2f} seg/s")
        print(f"ratio b/a = {b / a:.2f}   (same beam: {b_equal / a:.2f}; target >= 4)")

        print("re-publish after a one-sentence edit (translation memory), target <= 0.15:")
        for what, first, again, decoded, total in republish(samples, engine):
            print(
                f"  {what}: {again:.3f} s vs first publish {first:.3f} s = {again / first:.3f}"
                f" of the first ({decoded} of {total} segment-languages decoded again)"
            )
        shutil.rmtree(work / "given", ignore_errors=True)


if __name__ == "__main__":
    main()
