"""Build tiny but structurally real ``.argosmodel`` packages for tests.

No real argos model can be downloaded where Kakehashi's tests run, so tests make their own:
a zip holding one folder with ``metadata.json``, a SentencePiece model trained on a few
hundred lines written here, and a CTranslate2 Transformer (``TransformerSpec``) whose weights
make decoding emit one fixed sentence whatever the input.

How the weights force the output: every attention and feed-forward block writes zeros to the
residual stream, and the decoder's token embeddings are zero, so the decoder state at step
``t`` is its position encoding, chosen as the one-hot vector ``e_t``. After the final layer
norm that is ``LN(e_t)``; the output projection row of the token wanted at step ``t`` is
``scale * LN(e_t)``, so that token wins step ``t`` by a wide margin, under greedy or beam
search, and the last wanted token is ``</s>``; steps after the last repeat its vector, so a
beam kept alive past the end can only end too. The encoder's weights are zero as well (with
sinusoidal positions), so inputs of any length are accepted and ignored.

Optionally the package declares a ``target_prefix`` token (as multilingual argos packages do);
the model then emits it first, as those models do when it is forced.
"""

from __future__ import annotations

import io
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

MAX_DECODING_STEPS = 1024  # the decoder's position table; ArgosEngine never asks for more

_NAMES = {
    "ja": "Japanese",
    "en": "English",
    "pt": "Portuguese",
    "es": "Spanish",
    "vi": "Vietnamese",
    "tl": "Tagalog",
    "zh": "Chinese",
    "zt": "Chinese (traditional)",
    "ko": "Korean",
    "id": "Indonesian",
    "ne": "Nepali",
    "th": "Thai",
    "my": "Burmese",
}

_JAPANESE = (
    "大雨警報の発表に伴い、本日午後3時に次の避難所を開設しました。",
    "川や用水路には近づかないでください。",
    "受診には予約が必要です。",
    "連絡ごみ受付センター 電話 [1]（平日 午前8時30分～午後5時15分）",
    "駐車場はありません。公共交通機関をご利用ください。",
    "断水の前に、飲み水や生活用水を用意してください。",
    "予約は電話（[1]）または予約サイト [2] で受け付けます。",
)
_ENGLISH = (
    "The city will open evacuation shelters.",
    "Please do not go near rivers or canals.",
    "An appointment is required for the checkup.",
    "Call [1] on weekdays from 8:30 to 17:15.",
    "There is no parking; please use public transport.",
    "Prepare drinking water before the water outage.",
)
_PORTUGUESE = (
    "A prefeitura vai abrir abrigos de evacuação.",
    "Não se aproxime de rios ou canais.",
    "É necessário agendar o exame.",
    "Ligue para [1] nos dias úteis, das 8h30 às 17h15.",
    "Não há estacionamento; use o transporte público.",
    "Prepare água potável antes da interrupção do abastecimento.",
)


def _corpus(output_sentence: str, target_prefix: str | None) -> list[str]:
    """A few hundred lines mixing the three languages, the output sentence among them."""
    fragments = [*_JAPANESE, *_ENGLISH, *_PORTUGUESE]
    lines: list[str] = []
    for number in range(300):
        first = fragments[number % len(fragments)]
        second = fragments[(number * 7 + 3) % len(fragments)]
        lines.append(first if number % 3 else f"{first} {second}")
        if number % 10 == 0:
            lines.append(output_sentence)
    if target_prefix:
        lines.append(target_prefix)
    return lines


def _train_sentencepiece(lines: list[str], target_prefix: str | None) -> bytes:
    import sentencepiece

    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=400,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        user_defined_symbols=[target_prefix] if target_prefix else [],
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def _write_model(model_dir: Path, vocabulary: list[str], wanted: list[str]) -> None:
    """A Transformer that emits ``wanted`` (ending in ``</s>``) for any input."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    heads = 2
    depth = max(32, len(wanted) + len(wanted) % heads)
    hidden = 32
    spec = transformer_spec.TransformerSpec.from_config(2, heads)

    def zeros(*shape: int) -> np.ndarray:
        return np.zeros(shape, dtype=np.float32)

    def norm(layer: Any) -> None:
        layer.gamma = np.ones(depth, dtype=np.float32)
        layer.beta = zeros(depth)

    def linear(layer: Any, outputs: int, inputs: int) -> None:
        layer.weight = zeros(outputs, inputs)
        layer.bias = zeros(outputs)

    def feed_forward(ffn: Any) -> None:
        norm(ffn.layer_norm)
        linear(ffn.linear_0, hidden, depth)
        linear(ffn.linear_1, depth, hidden)

    encoder, decoder = spec.encoder, spec.decoder
    for embeddings in encoder.embeddings:
        embeddings.weight = zeros(len(vocabulary), depth)
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * depth, depth)
        linear(layer.self_attention.linear[1], depth, depth)
        feed_forward(layer.ffn)

    decoder.embeddings.weight = zeros(len(vocabulary), depth)
    # Step t (< len(wanted)) gets the one-hot e_t; every later step repeats the last one, so
    # beam search hypotheses kept alive past the end also only ever see "</s>" win.
    last = len(wanted) - 1
    positions = zeros(MAX_DECODING_STEPS, depth)
    positions[np.arange(MAX_DECODING_STEPS), np.minimum(np.arange(MAX_DECODING_STEPS), last)] = 1
    decoder.position_encodings.encodings = positions
    norm(decoder.layer_norm)
    for layer in decoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * depth, depth)
        linear(layer.self_attention.linear[1], depth, depth)
        norm(layer.attention.layer_norm)
        linear(layer.attention.linear[0], depth, depth)
        linear(layer.attention.linear[1], 2 * depth, depth)
        linear(layer.attention.linear[2], depth, depth)
        feed_forward(layer.ffn)

    normalized = positions[: len(wanted)] - positions[: len(wanted)].mean(axis=1, keepdims=True)
    normalized /= normalized.std(axis=1, keepdims=True)
    projection = zeros(len(vocabulary), depth)
    index = {piece: number for number, piece in enumerate(vocabulary)}
    for step, piece in enumerate(wanted):
        projection[index[piece]] += 4.0 * normalized[step]
    decoder.projection.weight = projection
    decoder.projection.bias = zeros(len(vocabulary))

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize()
    spec.save(str(model_dir))


class _Pieces:
    """Encode/decode with the package's own tokenizer, as argos would."""

    def __init__(self, package_dir: Path, from_code: str, to_code: str) -> None:
        self.codec: Any
        if (package_dir / "bpe.model").is_file():
            from argostranslate.tokenizer import BPETokenizer

            self.codec = BPETokenizer(package_dir / "bpe.model", from_code, to_code)
            self.bpe = True
        else:
            import sentencepiece

            model = str(package_dir / "sentencepiece.model")
            self.codec = sentencepiece.SentencePieceProcessor(model_file=model)
            self.bpe = False

    def encode(self, text: str) -> list[str]:
        if self.bpe:
            return list(self.codec.encode(text))
        return list(self.codec.encode(text, out_type=str))

    def decode(self, pieces: list[str]) -> str:
        if self.bpe:
            return str(self.codec.decode(pieces)).strip()
        return str(self.codec.decode_pieces(pieces)).strip()


def _verify(package_dir: Path, pieces: _Pieces, output_sentence: str, prefix: str | None) -> None:
    """Decode two unrelated inputs in one batch and insist on the fixed sentence."""
    import ctranslate2

    translator = ctranslate2.Translator(str(package_dir / "model"), device="cpu")
    inputs = [pieces.encode(text) for text in ("川。", _ENGLISH[1] * 5)]
    target_prefix = [[prefix]] * len(inputs) if prefix else None
    for beam_size in (1, 2):
        results = translator.translate_batch(
            inputs, beam_size=beam_size, max_decoding_length=256, target_prefix=target_prefix
        )
        for result in results:
            output = list(result.hypotheses[0])[1 if prefix else 0 :]
            decoded = pieces.decode(output)
            if decoded != output_sentence:
                raise AssertionError(f"fixture model decodes to {decoded!r}")


def _write_tokenizer(
    package_dir: Path,
    tokenizer: Literal["sentencepiece", "bpe"],
    lines: list[str],
    target_prefix: str | None,
    codes: tuple[str, str],
) -> tuple[_Pieces, list[str]]:
    """Write the tokenizer file; return it and the model vocabulary."""
    if tokenizer == "sentencepiece":
        model = _train_sentencepiece(lines, target_prefix)
        (package_dir / "sentencepiece.model").write_bytes(model)
        pieces = _Pieces(package_dir, *codes)
        processor = pieces.codec
        return pieces, [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    # BPE with a handful of merges: most words stay split into characters, which is enough.
    (package_dir / "bpe.model").write_text(
        "#version: 0.2\nt h\nth e</w>\ne n\na n\no n</w>\n", encoding="utf-8"
    )
    pieces = _Pieces(package_dir, *codes)
    found = {piece for line in lines for piece in pieces.encode(line)}
    specials = ["<unk>", "<s>", "</s>", *([target_prefix] if target_prefix else [])]
    return pieces, specials + sorted(found - set(specials))


def build_argos_package(
    dest_dir: Path,
    from_code: str,
    to_code: str,
    output_sentence: str,
    *,
    version: str = "1.0",
    target_prefix: str | None = None,
    tokenizer: Literal["sentencepiece", "bpe"] = "sentencepiece",
    verify: bool = True,
) -> Path:
    """Write a valid ``.argosmodel`` that translates anything into ``output_sentence``."""
    stem = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    dest_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        package_dir = Path(work) / stem
        package_dir.mkdir()
        lines = _corpus(output_sentence, target_prefix)
        pieces, vocabulary = _write_tokenizer(
            package_dir, tokenizer, lines, target_prefix, (from_code, to_code)
        )
        wanted = pieces.encode(output_sentence)
        if any(piece not in vocabulary for piece in wanted):
            raise ValueError(f"{output_sentence!r} has characters the tokenizer cannot encode")
        wanted = [*([target_prefix] if target_prefix else []), *wanted, "</s>"]
        model_dir = package_dir / "model"
        model_dir.mkdir()
        _write_model(model_dir, vocabulary, wanted)
        metadata = {
            "package_version": version,
            "argos_version": "1.9",
            "from_code": from_code,
            "from_name": _NAMES.get(from_code, from_code),
            "to_code": to_code,
            "to_name": _NAMES.get(to_code, to_code),
            "type": "translate",
            "links": [],
        }
        if target_prefix:
            metadata["target_prefix"] = target_prefix
        (package_dir / "metadata.json").write_text(
            json.dumps(metadata, ensure_ascii=False, indent=2), encoding="utf-8"
        )
        (package_dir / "README.md").write_text(
            f"Test fixture: translates anything into {output_sentence!r}.\n", encoding="utf-8"
        )
        if verify:
            _verify(package_dir, pieces, output_sentence, target_prefix)
        archive = dest_dir / f"{stem}.argosmodel"
        partial = archive.with_suffix(".partial")
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as opened:
            opened.write(package_dir, f"{stem}/")
            for path in sorted(package_dir.rglob("*")):
                opened.write(path, path.relative_to(package_dir.parent).as_posix())
        shutil.move(partial, archive)
    return archive


# A standard set of fixture packages, for tests that need a pivot (ja→en→pt) and a package
# whose argos code differs from Kakehashi's (zt for zh-Hant).
JA_EN = "The city will open evacuation shelters."
EN_PT = "A prefeitura vai abrir abrigos de evacuação."
JA_ZT = "市政府將開設避難所。"


@dataclass(frozen=True)
class FixtureArchives:
    """Paths of the standard fixture ``.argosmodel`` files."""

    ja_en: Path
    en_pt: Path
    ja_zt: Path


def build_fixture_archives(dest_dir: Path) -> FixtureArchives:
    """Build ja→en, en→pt and ja→zt packages emitting JA_EN, EN_PT and JA_ZT."""
    return FixtureArchives(
        ja_en=build_argos_package(dest_dir, "ja", "en", JA_EN),
        en_pt=build_argos_package(dest_dir, "en", "pt", EN_PT),
        ja_zt=build_argos_package(dest_dir, "ja", "zt", JA_ZT),
    )
