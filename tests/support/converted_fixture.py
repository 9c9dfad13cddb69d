"""Build tiny but structurally real converted models (M2M-100-like and OPUS-MT-like) for tests.

A converted model is what ``ct2-transformers-converter`` writes (``model.bin``, ``config.json``,
``shared_vocabulary.json``) plus the family's SentencePiece model(s). The models here are
written with ``ctranslate2.specs.TransformerSpec`` at a few dozen dimensions.

The bilingual one reuses the argos fixture's weights: it emits one fixed sentence.

The multilingual one emits a different sentence for each target-language token, so a wrong
``target_prefix`` shows up as wrong text. How: the decoder input at step 1 is the forced
language token, whose embedding is a one-hot "language" dimension. In the first layer every
position's query points at that dimension, so self-attention looks at the language token from
every later step and copies its language into a second block of dimensions. The feed-forward
block then has one ReLU unit per (step, language) that fires only when both the step's position
one-hot and the copied language are present; it writes into its own dimension, and the output
projection row of the token wanted at that step in that language reads that dimension. The
encoder is all zeros, so any input is accepted and ignored.
"""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

from tests.support.argos_fixture import _corpus, _write_model

MAX_DECODING_STEPS = 1024

VI = "Thành phố sẽ mở nơi sơ tán."
NE = "नगरपालिकाले आश्रयस्थल खोल्नेछ।"
EN = "The city will open evacuation shelters."
PT = "A prefeitura vai abrir abrigos de evacuação."
M2M_OUTPUTS = {"en": EN, "vi": VI, "ne": NE}


def _spm(lines: list[str], symbols: list[str]) -> bytes:
    import sentencepiece

    model = io.BytesIO()
    sentencepiece.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=model,
        vocab_size=400,
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        user_defined_symbols=symbols,
        num_threads=1,
        minloglevel=2,
    )
    return model.getvalue()


def _processor(path: Path) -> Any:
    import sentencepiece

    return sentencepiece.SentencePieceProcessor(model_file=str(path))


def _layer_norm_value(depth: int, ones: int) -> float:
    """LN of a vector with ``ones`` ones and zeros elsewhere, at a one."""
    import numpy as np

    vector = np.zeros(depth)
    vector[:ones] = 1
    return float(((vector - vector.mean()) / vector.std())[0])


def _write_multilingual(
    model_dir: Path, vocabulary: list[str], wanted: dict[str, list[str]]
) -> None:
    """Emit ``wanted[token]`` after the forced language ``token`` (see the module docstring)."""
    import numpy as np
    from ctranslate2.specs import transformer_spec

    tokens = list(wanted)
    languages = len(tokens)
    steps = max(len(sequence) for sequence in wanted.values())
    position, language, copied = 0, steps, steps + languages
    units = copied + languages
    depth = units + steps * languages
    depth += depth % 2
    depth = max(depth, 64)
    heads = 2
    head_depth = depth // heads
    hidden = steps * languages
    spec = transformer_spec.TransformerSpec.from_config(1, heads)

    def zeros(*shape: int) -> np.ndarray:
        return np.zeros(shape, dtype=np.float32)

    def norm(layer: Any) -> None:
        layer.gamma = np.ones(depth, dtype=np.float32)
        layer.beta = zeros(depth)

    def linear(layer: Any, outputs: int, inputs: int) -> None:
        layer.weight = zeros(outputs, inputs)
        layer.bias = zeros(outputs)

    encoder, decoder = spec.encoder, spec.decoder
    for embeddings in encoder.embeddings:
        embeddings.weight = zeros(len(vocabulary), depth)
    norm(encoder.layer_norm)
    for layer in encoder.layer:
        norm(layer.self_attention.layer_norm)
        linear(layer.self_attention.linear[0], 3 * depth, depth)
        linear(layer.self_attention.linear[1], depth, depth)
        norm(layer.ffn.layer_norm)
        linear(layer.ffn.linear_0, hidden, depth)
        linear(layer.ffn.linear_1, depth, hidden)

    index = {piece: number for number, piece in enumerate(vocabulary)}
    decoder.scale_embeddings = False
    embeddings = zeros(len(vocabulary), depth)
    for number, token in enumerate(tokens):
        embeddings[index[token], language + number] = 1.0
    decoder.embeddings.weight = embeddings
    table = zeros(MAX_DECODING_STEPS, depth)
    clamped = np.minimum(np.arange(MAX_DECODING_STEPS), steps - 1)
    table[np.arange(MAX_DECODING_STEPS), position + clamped] = 1
    decoder.position_encodings.encodings = table
    norm(decoder.layer_norm)

    two = _layer_norm_value(depth, 2)
    layer = decoder.layer[0]
    norm(layer.self_attention.layer_norm)
    attention = layer.self_attention.linear
    linear(attention[0], 3 * depth, depth)
    attention[0].bias[0] = 100.0  # every query asks for the language dimension ...
    attention[0].weight[depth, language : language + languages] = 1.0  # ... a language key has
    for number in range(languages):  # values: which language it is
        attention[0].weight[2 * depth + number, language + number] = 1.0
    assert languages <= head_depth
    linear(attention[1], depth, depth)
    for number in range(languages):
        attention[1].weight[copied + number, number] = 1.0 / two
    norm(layer.attention.layer_norm)
    linear(layer.attention.linear[0], depth, depth)
    linear(layer.attention.linear[1], 2 * depth, depth)
    linear(layer.attention.linear[2], depth, depth)

    ffn = layer.ffn
    norm(ffn.layer_norm)
    linear(ffn.linear_0, hidden, depth)
    linear(ffn.linear_1, depth, hidden)
    projection = zeros(len(vocabulary), depth)
    for step in range(steps):
        for number, token in enumerate(tokens):
            unit = step * languages + number
            ffn.linear_0.weight[unit, position + step] = 1.0
            ffn.linear_0.weight[unit, copied + number] = 1.0
            ffn.linear_0.bias[unit] = -1.4 * two
            ffn.linear_1.weight[units + unit, unit] = 10.0
            sequence = wanted[token]
            projection[index[sequence[min(step, len(sequence) - 1)]], units + unit] = 4.0
    decoder.projection.weight = projection
    decoder.projection.bias = zeros(len(vocabulary))

    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize()
    spec.save(str(model_dir))


def _manifest(family: str, name: str, version: str, languages: list[str], license: str) -> str:
    return json.dumps(
        {
            "family": family,
            "name": name,
            "version": version,
            "license": license,
            "languages": languages,
        },
        indent=2,
    )


def build_m2m_model(
    dest: Path,
    outputs: dict[str, str] | None = None,
    *,
    languages: tuple[str, ...] = ("ja", "en", "vi", "ne"),
    name: str = "m2m100-tiny",
    version: str = "1.0",
    manifest: bool = True,
    verify: bool = True,
) -> Path:
    """A folder as ``ct2-transformers-converter --copy_files sentencepiece.bpe.model`` writes
    for M2M-100, plus Kakehashi's manifest: ``outputs[code]`` is emitted for target ``code``."""
    outputs = outputs or M2M_OUTPUTS
    folder = dest / name
    folder.mkdir(parents=True)
    tokens = [f"__{code}__" for code in languages]
    lines = _corpus(" ".join(outputs.values()), None) + list(outputs.values())
    (folder / "sentencepiece.bpe.model").write_bytes(_spm(lines, tokens))
    processor = _processor(folder / "sentencepiece.bpe.model")
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    wanted = {
        f"__{code}__": [f"__{code}__", *processor.encode(text, out_type=str), "</s>"]
        for code, text in outputs.items()
    }
    _write_multilingual(folder, vocabulary, wanted)
    if manifest:
        (folder / "kakehashi-model.json").write_text(
            _manifest("m2m100", name, version, list(languages), "MIT"), encoding="utf-8"
        )
    if verify:
        verify_m2m(folder, outputs)
    return folder


def verify_m2m(folder: Path, outputs: dict[str, str]) -> None:
    """Decode with each language token, in one batch, and insist on each language's text."""
    import ctranslate2

    processor = _processor(folder / "sentencepiece.bpe.model")
    translator = ctranslate2.Translator(str(folder), device="cpu")
    codes = list(outputs)
    source = ["__ja__", *processor.encode("川に近づかないでください。", out_type=str), "</s>"]
    for beam_size in (1, 2):
        results = translator.translate_batch(
            [source] * len(codes),
            target_prefix=[[f"__{code}__"] for code in codes],
            beam_size=beam_size,
            max_decoding_length=256,
        )
        for code, result in zip(codes, results, strict=True):
            decoded = processor.decode_pieces(list(result.hypotheses[0])[1:])
            if decoded != outputs[code]:
                raise AssertionError(f"fixture model decodes {code} to {decoded!r}")


def build_marian_model(
    dest: Path,
    output: str = PT,
    *,
    name: str = "opus-mt-tiny",
    manifest: tuple[str, str] | None = None,
) -> Path:
    """A folder as the converter writes for an OPUS-MT model (``source.spm``, ``target.spm``);
    with ``manifest`` (source, target) Kakehashi's manifest is included."""
    folder = dest / name
    folder.mkdir(parents=True)
    spm = _spm(_corpus(output, None), [])
    (folder / "source.spm").write_bytes(spm)
    (folder / "target.spm").write_bytes(spm)
    processor = _processor(folder / "target.spm")
    vocabulary = [processor.id_to_piece(i) for i in range(processor.get_piece_size())]
    wanted = [*processor.encode(output, out_type=str), "</s>"]
    _write_model(folder, vocabulary, wanted)
    if manifest is not None:
        (folder / "kakehashi-model.json").write_text(
            _manifest("marian", name, "1.0", list(manifest), "CC-BY-4.0"), encoding="utf-8"
        )
    return folder


def archive_folder(folder: Path, dest: Path, fmt: str = "gztar") -> Path:
    """The folder as an archive (``zip`` or ``gztar``) holding it as its one top folder."""
    return Path(shutil.make_archive(str(dest / folder.name), fmt, folder.parent, folder.name))
