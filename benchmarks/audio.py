"""Audio throughput: the six sample bulletins voiced in ten languages, serial vs parallel.

    .venv/bin/python -m benchmarks.audio

Prints seconds of audio made per second of wall time for a serial baseline (one clip at a time,
one engine at a time: :func:`serial_track` per track, a one-worker espeak pool, Open JTalk in
this process, no cache) and for ``render_tracks`` (both cores: espeak pool + Open JTalk/encoding
workers), both from a cold start (new pools, an empty cache folder), and their ratio.  Each
run also prints the CPU seconds it used and how many cores were busy on average: when other
programs load the machine, the parallel run cannot get its second core, which shows there
(``--repeat N`` alternates the runs and compares the fastest of each).

Benchmark input: Japanese is the bulletins' own text, built into speech sentences exactly as
the publisher does (``speech_sentences(localize(...))``).  There are no real translations on
this machine, so every other language uses the fixed sentences in ``BENCHMARK_SENTENCES``
below (realistic bulletin sentences, one or two per Japanese sentence, similar in length, each
numbered so that no two texts are alike); the publisher's token handling still puts each
sentence's phone numbers and URLs back in.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from itertools import count
from pathlib import Path

from audio.assemble import AudioTrack
from audio.cache import ClipCache
from audio.clip import Clip
from audio.engines.espeak_worker import EspeakPool
from audio.errors import SynthesisError
from audio.render import check_speakable, collect_clips, encode_track, japanese_clip, make_track
from audio.speech import SpeechSentence
from audio.tracks import TrackRequest, render_tracks
from audio.voices import available_voices
from audio.workers import AudioWorkers
from publisher.documents import SegmentText, SourceDoc, localize, snapshot
from publisher.speech_text import speech_sentences

BULLETINS = Path(__file__).resolve().parents[1] / "demo" / "bulletins"
LANGUAGES = ("ja", "en", "pt", "es", "vi", "zh", "ko", "id", "ne", "th")
TARGET_WALL_SECONDS = 60.0

BENCHMARK_SENTENCES: dict[str, tuple[str, ...]] = {
    "en": (
        "Evacuation shelters have opened because of the heavy rain warning.",
        "Please do not go near rivers or irrigation canals.",
        "An appointment is required for the health checkup.",
        "There is no parking, so please use public transport.",
        "Please prepare drinking water before the water outage.",
        "You can apply by phone or on the internet, 24 hours a day.",
        "Please bring your identification card and the notice you received.",
        "The festival is free and everyone is welcome.",
    ),
    "pt": (
        "Os abrigos de evacuação foram abertos por causa do alerta de chuva forte.",
        "Não se aproxime de rios nem de canais de irrigação.",
        "É necessário agendar o exame de saúde.",
        "Não há estacionamento, por isso use o transporte público.",
        "Prepare água potável antes da interrupção do abastecimento.",
        "Você pode se inscrever por telefone ou pela internet, 24 horas por dia.",
        "Traga seu documento de identidade e o aviso que recebeu.",
        "O festival é gratuito e todos são bem-vindos.",
    ),
    "es": (
        "Se abrieron refugios de evacuación debido a la alerta por lluvias intensas.",
        "No se acerque a los ríos ni a los canales de riego.",
        "Es necesario hacer una cita para el chequeo médico.",
        "No hay estacionamiento, así que utilice el transporte público.",
        "Prepare agua potable antes del corte de agua.",
        "Puede solicitarlo por teléfono o por internet, las 24 horas del día.",
        "Traiga su documento de identidad y el aviso que recibió.",
        "El festival es gratuito y todos son bienvenidos.",
    ),
    "vi": (
        "Các nơi sơ tán đã được mở do cảnh báo mưa lớn.",
        "Vui lòng không đến gần sông hoặc kênh thủy lợi.",
        "Cần đặt lịch hẹn trước để khám sức khỏe.",
        "Không có bãi đậu xe, vui lòng sử dụng phương tiện công cộng.",
        "Vui lòng chuẩn bị nước uống trước khi cúp nước.",
        "Bạn có thể đăng ký qua điện thoại hoặc trên internet, 24 giờ mỗi ngày.",
        "Vui lòng mang theo giấy tờ tùy thân và thông báo bạn đã nhận được.",
        "Lễ hội miễn phí và mọi người đều được chào đón.",
    ),
    "zh": (
        "由于发布了大雨警报，避难所已经开放。",
        "请不要靠近河流和水渠。",
        "参加健康检查需要提前预约。",
        "没有停车场，请乘坐公共交通工具。",
        "停水前请准备好饮用水。",
        "可以通过电话或网络申请，二十四小时受理。",
        "请携带身份证件和收到的通知书。",
        "节日活动免费，欢迎大家参加。",
    ),
    "ko": (
        "호우 경보 발령에 따라 대피소가 개설되었습니다.",
        "강이나 수로에 가까이 가지 마십시오.",
        "건강 검진을 받으려면 예약이 필요합니다.",
        "주차장이 없으므로 대중교통을 이용해 주십시오.",
        "단수 전에 마실 물을 준비해 주십시오.",
        "전화 또는 인터넷으로 24시간 신청할 수 있습니다.",
        "신분증과 받으신 통지서를 꼭 가져오십시오.",
        "축제는 무료이며 누구나 참가할 수 있습니다.",
    ),
    "id": (
        "Tempat pengungsian telah dibuka karena peringatan hujan lebat.",
        "Jangan mendekati sungai atau saluran irigasi.",
        "Pemeriksaan kesehatan memerlukan perjanjian terlebih dahulu.",
        "Tidak ada tempat parkir, jadi silakan gunakan transportasi umum.",
        "Siapkan air minum sebelum air dimatikan.",
        "Anda dapat mendaftar melalui telepon atau internet, 24 jam sehari.",
        "Harap bawa kartu identitas dan surat pemberitahuan yang Anda terima.",
        "Festival ini gratis dan semua orang dipersilakan datang.",
    ),
    "ne": (
        "भारी वर्षाको चेतावनीका कारण आश्रयस्थलहरू खोलिएका छन्।",
        "कृपया नदी वा सिँचाइ नहर नजिक नजानुहोस्।",
        "स्वास्थ्य जाँचका लागि पहिले नै समय लिनु आवश्यक छ।",
        "पार्किङ छैन, त्यसैले सार्वजनिक यातायात प्रयोग गर्नुहोस्।",
        "पानी बन्द हुनुअघि पिउने पानी तयार राख्नुहोस्।",
        "तपाईं फोन वा इन्टरनेटबाट चौबीसै घण्टा आवेदन दिन सक्नुहुन्छ।",
        "कृपया आफ्नो परिचयपत्र र प्राप्त सूचना पत्र ल्याउनुहोस्।",
        "महोत्सव निःशुल्क छ र सबैलाई स्वागत छ।",
    ),
    "th": (
        "ได้เปิดศูนย์อพยพแล้วเนื่องจากมีการประกาศเตือนฝนตกหนัก",
        "กรุณาอย่าเข้าใกล้แม่น้ำหรือคลองชลประทาน",
        "การตรวจสุขภาพต้องนัดหมายล่วงหน้า",
        "ไม่มีที่จอดรถ กรุณาใช้บริการขนส่งสาธารณะ",
        "กรุณาเตรียมน้ำดื่มไว้ก่อนการหยุดจ่ายน้ำ",
        "สามารถสมัครได้ทางโทรศัพท์หรืออินเทอร์เน็ตตลอด 24 ชั่วโมง",
        "กรุณานำบัตรประจำตัวและหนังสือแจ้งที่ได้รับมาด้วย",
        "งานเทศกาลนี้ไม่เสียค่าใช้จ่ายและยินดีต้อนรับทุกคน",
    ),
}
"""Benchmark input, not translations of the bulletins: stand-ins of realistic length."""

LONG_JAPANESE = 35
"""Japanese sentences at least this long get two stand-in sentences instead of one."""


def sources() -> list[SourceDoc]:
    """The six sample bulletins, snapshotted and segmented as the publisher does."""
    docs = []
    for number, path in enumerate(sorted(BULLETINS.glob("*.json")), start=1):
        data = json.loads(path.read_text(encoding="utf-8"))
        docs.append(
            snapshot(number, 1, data["category"], data["title"], data["body"], data.get("contact"))
        )
    return docs


def speech_for(source: SourceDoc, language: str, picks: count[int]) -> tuple[SpeechSentence, ...]:
    """Speech sentences for one page, through the publisher's own ``speech_sentences``."""
    if language == "ja":
        return speech_sentences(localize(source, "ja", None))
    table = BENCHMARK_SENTENCES[language]
    texts = {}
    for segment in source.segments():
        wanted = 2 if len(segment.text) >= LONG_JAPANESE else 1
        number = next(picks)
        chosen = " ".join(table[(number + i) % len(table)] for i in range(wanted))
        # Numbered, as bulletin items often are; it also makes every text distinct, so that
        # no clip is reused and the serial and parallel runs do the same engine work.
        texts[segment.id] = SegmentText(f"{number}. {chosen}")
    return speech_sentences(localize(source, language, texts))


def requests(languages: tuple[str, ...]) -> list[TrackRequest]:
    voices = available_voices()
    missing = [language for language in languages if language not in voices]
    if missing:
        raise SystemExit(f"no voice installed for {missing}; install espeak-ng")
    picks = count()
    return [
        TrackRequest(speech_for(source, language, picks), voices[language], f"{n}/{language}")
        for n, source in enumerate(sources(), start=1)
        for language in languages
    ]


@dataclass(frozen=True)
class Run:
    name: str
    wall: float
    cpu: float
    """CPU seconds of this process and its (finished) worker processes."""
    results: list[AudioTrack | SynthesisError]

    @property
    def tracks(self) -> list[AudioTrack]:
        return [result for result in self.results if isinstance(result, AudioTrack)]

    @property
    def audio_seconds(self) -> float:
        return sum(track.duration for track in self.tracks)

    @property
    def speed(self) -> float:
        return self.audio_seconds / self.wall

    def line(self) -> str:
        failed = len(self.results) - len(self.tracks)
        clips = sum(track.synthesised for track in self.tracks)
        return (
            f"{self.name:<9} {len(self.tracks):3d} tracks ({failed} failed), {clips} clips  "
            f"{self.audio_seconds:8.1f} s audio  {self.wall:6.1f} s wall  "
            f"{self.speed:6.1f} s audio / s wall  ({self.cpu:5.1f} CPU s, "
            f"{self.cpu / self.wall:.2f} cores busy)"
        )


def timed(name: str, work: Callable[[], list[AudioTrack | SynthesisError]]) -> Run:
    """Wall and CPU time of ``work``; the pools are closed inside it, so their CPU counts."""
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    results = work()
    wall = time.perf_counter() - started
    return Run(name, wall, _cpu_seconds() - cpu_before, results)


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def serial_track(request: TrackRequest, pool: EspeakPool) -> AudioTrack:
    """One track the plain way: every step in this process and one clip at a time.

    The same steps as ``render_tracks`` (``audio.render``), without its threads and worker
    processes: Open JTalk runs here, espeak clips come from ``pool`` one call per track.
    """
    sentences, voice = request.sentences, request.voice
    check_speakable(sentences)

    def synthesise(texts: list[str]) -> list[Clip]:
        if voice.engine == "openjtalk":
            return [japanese_clip(text) for text in texts]
        return pool.synthesize(texts, voice.voice_id)

    clips, synthesised = collect_clips(sentences, voice, None, synthesise)
    encoded = encode_track([clips[s.text] for s in sentences], sentences, voice.language)
    return make_track(encoded, sentences, voice, synthesised)


def serial(todo: list[TrackRequest]) -> list[AudioTrack | SynthesisError]:
    """The baseline: one clip at a time, one engine at a time, no cache."""
    results: list[AudioTrack | SynthesisError] = []
    with EspeakPool(workers=1) as pool:
        for request in todo:
            try:
                results.append(serial_track(request, pool))
            except SynthesisError as error:
                results.append(error)
        print(f"  serial: {pool.stats}")
    return results


def parallel(todo: list[TrackRequest], workers: int) -> list[AudioTrack | SynthesisError]:
    """Kakehashi's way: ``render_tracks`` with fresh pools and an empty cache folder."""
    with (
        tempfile.TemporaryDirectory(prefix="kakehashi-bench-cache-") as folder,
        EspeakPool(workers=workers) as pool,
        AudioWorkers(workers=workers) as cpu,
    ):
        results = render_tracks(todo, cache=ClipCache(Path(folder)), pool=pool, workers=cpu)
        print(f"  parallel: {pool.stats}, audio workers replaced: {cpu.replaced}")
        return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--languages", default=",".join(LANGUAGES))
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--skip-serial", action="store_true", help="only the parallel run")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="alternate serial and parallel runs this often and compare the fastest of each "
        "(steadier on a shared machine)",
    )
    options = parser.parse_args()
    languages = tuple(code.strip() for code in options.languages.split(",") if code.strip())
    todo = requests(languages)
    sentences = sum(len(request.sentences) for request in todo)
    print(
        f"{len(todo)} tracks ({len(todo) // len(languages)} bulletins x {len(languages)} "
        f"languages: {' '.join(languages)}), {sentences} sentences, {os.cpu_count()} CPUs, "
        f"{options.workers} workers per pool"
    )
    serial_runs: list[Run] = []
    parallel_runs: list[Run] = []
    for _ in range(max(1, options.repeat)):
        if not options.skip_serial:
            serial_runs.append(timed("serial", lambda: serial(todo)))
            print(serial_runs[-1].line(), flush=True)
        parallel_runs.append(timed("parallel", lambda: parallel(todo, options.workers)))
        print(parallel_runs[-1].line(), flush=True)
    for run in serial_runs + parallel_runs:
        for request, result in zip(todo, run.results, strict=True):
            if isinstance(result, SynthesisError):
                print(f"  {run.name}: {request.name} failed: {result}")
    best = min(parallel_runs, key=lambda run: run.wall)
    if serial_runs:
        baseline = min(serial_runs, key=lambda run: run.wall)
        label = "fastest runs" if len(parallel_runs) > 1 else "same run"
        print(
            f"parallel / serial ({label}): {best.speed / baseline.speed:.2f}x audio per wall second"
        )
    verdict = "met" if best.wall < TARGET_WALL_SECONDS else "NOT met"
    print(f"whole set in {best.wall:.1f} s wall (target < {TARGET_WALL_SECONDS:g} s: {verdict})")


if __name__ == "__main__":
    main()
