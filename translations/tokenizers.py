"""Turn text into the subword pieces a package's model reads, and back.

Argos packages ship either a SentencePiece model or a BPE codes file (with Moses
tokenization). argostranslate's own SentencePiece decoder turns every ``_`` into a space,
which would corrupt output, so SentencePiece is driven directly here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol


class Tokenizer(Protocol):
    """What the engine needs from a tokenizer."""

    def encode(self, text: str) -> list[str]: ...

    def decode(self, pieces: list[str]) -> str: ...


class SentencePieceTokenizer:
    """SentencePiece pieces in and out, exactly as the model was trained."""

    def __init__(self, model_file: Path) -> None:
        import sentencepiece

        self._processor = sentencepiece.SentencePieceProcessor(model_file=str(model_file))

    def encode(self, text: str) -> list[str]:
        pieces: list[str] = self._processor.encode(text, out_type=str)
        return pieces

    def decode(self, pieces: list[str]) -> str:
        text: str = self._processor.decode_pieces(pieces)
        return text.replace("▁", " ").strip()


class BpeTokenizer:
    """Moses tokenization plus BPE codes, through argostranslate's implementation."""

    def __init__(self, codes_file: Path, from_code: str, to_code: str) -> None:
        try:
            from argostranslate.tokenizer import BPETokenizer
        except ImportError as error:  # sacremoses is an optional dependency of argostranslate
            raise RuntimeError(f"BPE packages need sacremoses: {error}") from error
        self._tokenizer: Any = BPETokenizer(codes_file, from_code, to_code)

    def encode(self, text: str) -> list[str]:
        return list(self._tokenizer.encode(text))

    def decode(self, pieces: list[str]) -> str:
        return str(self._tokenizer.decode(pieces)).strip()


def load_tokenizer(package_dir: Path) -> Tokenizer:
    """The tokenizer of an installed (or staged) package folder."""
    sentencepiece_model = package_dir / "sentencepiece.model"
    if sentencepiece_model.is_file():
        return SentencePieceTokenizer(sentencepiece_model)
    bpe_model = package_dir / "bpe.model"
    if bpe_model.is_file():
        from translations.installed import read_metadata

        metadata = read_metadata(package_dir)
        return BpeTokenizer(bpe_model, metadata["from_code"], metadata["to_code"])
    raise FileNotFoundError(f"{package_dir} has neither sentencepiece.model nor bpe.model")
