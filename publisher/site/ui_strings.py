"""User-interface strings of the public Kakehashi site, in every published language.

Residents read these labels verbatim, often with limited literacy or through a screen reader,
and some are spoken in the audio version of each notice. They are therefore written by hand
for each language rather than machine-translated at build time like the notices themselves.
Every language defines every key of :data:`KEYS` with the same ``{placeholders}`` as English,
and has a date format (``tests/publisher/site/test_ui_strings.py`` checks both).
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Final

FALLBACK_LANGUAGE: Final = "en"

KEYS: Final = (
    "site_name",
    "skip_to_content",
    "language_switcher_label",
    "choose_language_heading",
    "choose_language_intro",
    "latest_notices",
    "no_notices",
    "published_on",
    "updated_on",
    "category",
    "contact",
    "machine_translation_notice",
    "read_original",
    "may_contain_errors",
    "listen_heading",
    "audio_player_label",
    "download_audio",
    "audio_not_supported",
    "audio_unavailable",
    "audio_substitute_voice",
    "captions_link",
    "playback_speed",
    "breadcrumb_label",
    "home",
    "back_to_index",
    "footer_accessibility",
    "footer_note",
    "not_found_heading",
    "not_found_text",
    "accessibility_heading",
    "accessibility_text",
    "category_garbage",
    "category_health",
    "category_disaster",
    "category_procedures",
    "category_water",
    "category_event",
    "category_other",
    "next_page",
    "previous_page",
    "seconds_unit",
    "show_furigana",
    "hide_furigana",
    "contact_prefix_spoken",
    "search",
    "search_label",
    "search_button",
    "search_needs_js",
    "search_results",
    "search_no_results",
    "search_loading",
    "search_error",
    "all_notices",
    "categories_heading",
    "subscribe_heading",
    "atom_feed",
    "podcast_feed",
    "subscribe_help",
    "podcast_description",
    "audio_available",
    "previous_sentence",
    "next_sentence",
    "readalong_hint",
    "pagination_label",
    "archive_heading",
    "page_n",
    "moved_heading",
    "accessibility_features_heading",
    "accessibility_feature_audio",
    "accessibility_feature_languages",
    "accessibility_feature_furigana",
    "accessibility_feature_no_js",
    "accessibility_limitations_heading",
    "accessibility_limitations",
)

UI_STRINGS: Final[Mapping[str, Mapping[str, str]]] = {
    "ja": {
        "site_name": "{city}からのお知らせ",
        "skip_to_content": "本文へ移動",
        "language_switcher_label": "このページをほかの言語で読む",
        "choose_language_heading": "言語を選んでください",
        "choose_language_intro": "{city}の公式のお知らせを、あなたの言語と音声でお届けします。",
        "latest_notices": "最新のお知らせ",
        "no_notices": "現在、お知らせはありません。",
        "published_on": "掲載日：{date}",
        "updated_on": "更新日：{date}",
        "category": "分類",
        "contact": "お問い合わせ",
        "machine_translation_notice": (
            "このページは機械翻訳で自動的に翻訳しています。"
            "誤りを含む場合があります。日本語の原文が正式な内容です。"
        ),
        "read_original": "日本語の原文を読む",
        "may_contain_errors": (
            "このページの一部の文は、自動チェックで確認が必要とされたため、"
            "誤りを含む可能性があります。日本語の原文をご確認ください。"
        ),
        "listen_heading": "このお知らせを音声で聞く",
        "audio_player_label": "このお知らせの{language}の音声",
        "download_audio": "音声をダウンロード（MP3、{duration}）",
        "audio_not_supported": (
            "お使いのブラウザーではこの音声を再生できません。ダウンロードしてお聞きください。"
        ),
        "audio_unavailable": "この言語の音声は、まだありません。",
        "audio_substitute_voice": "{language}の音声がないため、{voice}の音声で読み上げています。",
        "captions_link": "時間つきの文字起こし（WebVTT）",
        "playback_speed": "再生速度",
        "breadcrumb_label": "現在の位置",
        "home": "ホーム",
        "back_to_index": "お知らせの一覧に戻る",
        "footer_accessibility": "アクセシビリティ",
        "footer_note": "かけはしは、{city}のお知らせを多くの言語で、音声とともにお届けしています。",
        "not_found_heading": "ページが見つかりません",
        "not_found_text": (
            "このページは存在しないか、削除されました。現在のお知らせを見るには、"
            "言語を選んでください。"
        ),
        "accessibility_heading": "ウェブアクセシビリティ方針",
        "accessibility_text": (
            "{city}は、WCAG 2.2 のレベルAA（JIS X 8341-3）に対応することを目標としています。"
            "すべてのお知らせに音声版があり、スクリーンリーダーで読むことができます。"
            "使いにくいところがありましたら、お問い合わせください。"
        ),
        "category_garbage": "ごみ・リサイクル",
        "category_health": "健康",
        "category_disaster": "災害・緊急",
        "category_procedures": "手続き",
        "category_water": "水道",
        "category_event": "イベント",
        "category_other": "その他のお知らせ",
        "next_page": "次のページ",
        "previous_page": "前のページ",
        "seconds_unit": "{minutes}分{seconds}秒",
        "show_furigana": "ふりがなを表示する",
        "hide_furigana": "ふりがなを消す",
        "contact_prefix_spoken": "お問い合わせ先：",
        "search": "検索",
        "search_label": "お知らせを検索",
        "search_button": "検索する",
        "search_needs_js": (
            "検索にはJavaScriptが必要です。JavaScriptを使わない場合は、"
            "お知らせの一覧や分類から探せます。"
        ),
        "search_results": "{count}件のお知らせが見つかりました。",
        "search_no_results": "お知らせは見つかりませんでした。",
        "search_loading": "検索しています…",
        "search_error": "現在、検索を利用できません。お知らせの一覧からお探しください。",
        "all_notices": "すべてのお知らせ",
        "categories_heading": "分類から探す",
        "subscribe_heading": "更新情報を受け取る",
        "atom_feed": "更新情報（Atomフィード）",
        "podcast_feed": "ポッドキャスト（お知らせの音声）",
        "subscribe_help": (
            "フィードのリンクをフィードリーダーやポッドキャストアプリに登録すると、"
            "新しいお知らせが自動で届きます。"
        ),
        "podcast_description": "{city}の公式のお知らせを、この言語の音声でお届けします。",
        "audio_available": "音声あり",
        "previous_sentence": "前の文",
        "next_sentence": "次の文",
        "readalong_hint": "読み上げ中の文に色がつきます。文を選ぶと、そこから再生します。",
        "pagination_label": "ページ",
        "archive_heading": "月別のお知らせ",
        "page_n": "{page}ページ目",
        "moved_heading": "この一覧は移動しました",
        "accessibility_features_heading": "このサイトの取り組み",
        "accessibility_feature_audio": (
            "すべてのお知らせに音声版があり、再生、MP3でのダウンロード、"
            "ポッドキャストでの受け取りができます。"
        ),
        "accessibility_feature_languages": (
            "お知らせを多くの言語で掲載しています。機械翻訳のページにはその旨を表示し、"
            "日本語の原文へのリンクを付けています。"
        ),
        "accessibility_feature_furigana": "日本語のページは、ふりがな付きで表示できます。",
        "accessibility_feature_no_js": (
            "すべてのページは、JavaScriptなしでも、小さな画面でも、"
            "文字を200%に拡大しても利用できます。"
        ),
        "accessibility_limitations_heading": "既知の制限",
        "accessibility_limitations": (
            "機械翻訳と自動で付けたふりがなには、誤りが含まれる場合があります。"
            "日本語の原文が正式な内容です。"
        ),
    },
    "en": {
        "site_name": "{city} public information",
        "skip_to_content": "Skip to main content",
        "language_switcher_label": "Read this page in another language",
        "choose_language_heading": "Choose your language",
        "choose_language_intro": "Official notices from {city}, in your language, with audio.",
        "latest_notices": "Latest notices",
        "no_notices": "There are no notices at the moment.",
        "published_on": "Published {date}",
        "updated_on": "Updated {date}",
        "category": "Category",
        "contact": "Contact",
        "machine_translation_notice": (
            "This page was translated automatically by machine translation. "
            "It may contain errors. The Japanese original is the official version."
        ),
        "read_original": "Read the Japanese original",
        "may_contain_errors": (
            "Some sentences on this page were flagged by an automatic check and may contain "
            "errors. Please check the Japanese original."
        ),
        "listen_heading": "Listen to this notice",
        "audio_player_label": "Audio of this notice in {language}",
        "download_audio": "Download the audio (MP3, {duration})",
        "audio_not_supported": "Your browser cannot play this audio. Download it instead.",
        "audio_unavailable": "An audio version is not available in this language yet.",
        "audio_substitute_voice": (
            "This audio is read by the {voice} voice, because no {language} voice is available."
        ),
        "captions_link": "Transcript with timings (WebVTT)",
        "playback_speed": "Playback speed",
        "breadcrumb_label": "You are here",
        "home": "Home",
        "back_to_index": "Back to all notices",
        "footer_accessibility": "Accessibility",
        "footer_note": "Kakehashi publishes {city}'s notices in many languages, with audio.",
        "not_found_heading": "Page not found",
        "not_found_text": (
            "This page does not exist or has been removed. "
            "Please choose your language to see current notices."
        ),
        "accessibility_heading": "Accessibility statement",
        "accessibility_text": (
            "{city} aims to meet WCAG 2.2 level AA (JIS X 8341-3). "
            "Every notice has an audio version and can be read with a screen reader. "
            "If something is hard to use, please contact us."
        ),
        "category_garbage": "Garbage and recycling",
        "category_health": "Health",
        "category_disaster": "Disaster and emergency",
        "category_procedures": "Procedures",
        "category_water": "Water",
        "category_event": "Events",
        "category_other": "Other notices",
        "next_page": "Next page",
        "previous_page": "Previous page",
        "seconds_unit": "{minutes} min {seconds} s",
        "show_furigana": "Show furigana (reading aids)",
        "hide_furigana": "Hide furigana",
        "contact_prefix_spoken": "Contact:",
        "search": "Search",
        "search_label": "Search the notices",
        "search_button": "Search",
        "search_needs_js": (
            "The search box needs JavaScript. Without it, you can browse all notices or a category:"
        ),
        "search_results": "{count} notices found.",
        "search_no_results": "No notices found.",
        "search_loading": "Searching…",
        "search_error": "Search is not available right now. Please browse the notices instead.",
        "all_notices": "All notices",
        "categories_heading": "Categories",
        "subscribe_heading": "Subscribe",
        "atom_feed": "News feed (Atom)",
        "podcast_feed": "Podcast (audio of every notice)",
        "subscribe_help": (
            "Copy a feed's link into a feed reader or podcast app to get new notices automatically."
        ),
        "podcast_description": (
            "Audio versions of {city}'s official notices, read aloud in this language."
        ),
        "audio_available": "With audio",
        "previous_sentence": "Previous sentence",
        "next_sentence": "Next sentence",
        "readalong_hint": (
            "The sentence being read is highlighted. Select a sentence to play from there."
        ),
        "pagination_label": "Pages",
        "archive_heading": "Notices by month",
        "page_n": "Page {page}",
        "moved_heading": "This list has moved",
        "accessibility_features_heading": "What this site offers",
        "accessibility_feature_audio": (
            "Every notice has an audio version that you can play, download as MP3, or receive as a "
            "podcast."
        ),
        "accessibility_feature_languages": (
            "Notices are published in many languages. Machine translations are marked and link to "
            "the Japanese original."
        ),
        "accessibility_feature_furigana": (
            "Japanese pages can be shown with furigana (readings of kanji)."
        ),
        "accessibility_feature_no_js": (
            "Every page works without JavaScript, on small screens, and with text enlarged to 200%."
        ),
        "accessibility_limitations_heading": "Known limitations",
        "accessibility_limitations": (
            "Machine translations and automatic furigana may contain errors. The Japanese original "
            "is the official text."
        ),
    },
    "pt": {
        "site_name": "Informações públicas de {city}",
        "skip_to_content": "Pular para o conteúdo principal",
        "language_switcher_label": "Ler esta página em outro idioma",
        "choose_language_heading": "Escolha o seu idioma",
        "choose_language_intro": "Avisos oficiais de {city}, no seu idioma, com áudio.",
        "latest_notices": "Últimos avisos",
        "no_notices": "No momento, não há avisos.",
        "published_on": "Publicado em {date}",
        "updated_on": "Atualizado em {date}",
        "category": "Categoria",
        "contact": "Contato",
        "machine_translation_notice": (
            "Esta página foi traduzida por um sistema de tradução automática. "
            "Ela pode conter erros. A versão oficial é o texto original em japonês."
        ),
        "read_original": "Ler o original em japonês",
        "may_contain_errors": (
            "Algumas frases desta página foram marcadas por uma verificação automática e podem "
            "conter erros. Por favor, confira o original em japonês."
        ),
        "listen_heading": "Ouça este aviso",
        "audio_player_label": "Áudio deste aviso em {language}",
        "download_audio": "Baixar o áudio (MP3, {duration})",
        "audio_not_supported": (
            "Seu navegador não consegue reproduzir este áudio. Baixe o arquivo para ouvir."
        ),
        "audio_unavailable": "Ainda não há versão em áudio neste idioma.",
        "audio_substitute_voice": (
            "Este áudio é lido pela voz {voice}, porque ainda não há uma voz para {language}."
        ),
        "captions_link": "Transcrição com marcação de tempo (WebVTT)",
        "playback_speed": "Velocidade de reprodução",
        "breadcrumb_label": "Você está aqui",
        "home": "Início",
        "back_to_index": "Voltar para todos os avisos",
        "footer_accessibility": "Acessibilidade",
        "footer_note": "O Kakehashi publica os avisos de {city} em vários idiomas, com áudio.",
        "not_found_heading": "Página não encontrada",
        "not_found_text": (
            "Esta página não existe ou foi removida. Escolha o seu idioma para ver os avisos "
            "atuais."
        ),
        "accessibility_heading": "Declaração de acessibilidade",
        "accessibility_text": (
            "{city} busca atender ao nível AA da WCAG 2.2 (JIS X 8341-3). "
            "Todos os avisos têm versão em áudio e podem ser lidos com um leitor de tela. "
            "Se algo estiver difícil de usar, entre em contato conosco."
        ),
        "category_garbage": "Lixo e reciclagem",
        "category_health": "Saúde",
        "category_disaster": "Desastres e emergências",
        "category_procedures": "Procedimentos",
        "category_water": "Água",
        "category_event": "Eventos",
        "category_other": "Outros avisos",
        "next_page": "Próxima página",
        "previous_page": "Página anterior",
        "seconds_unit": "{minutes} min {seconds} s",
        "show_furigana": "Mostrar furigana (leitura dos kanji)",
        "hide_furigana": "Ocultar furigana",
        "contact_prefix_spoken": "Contato:",
        "search": "Buscar",
        "search_label": "Buscar nos avisos",
        "search_button": "Buscar",
        "search_needs_js": (
            "A busca precisa de JavaScript. Sem ele, você pode ver todos os avisos ou procurar por "
            "categoria:"
        ),
        "search_results": "{count} avisos encontrados.",
        "search_no_results": "Nenhum aviso encontrado.",
        "search_loading": "Buscando…",
        "search_error": "A busca não está disponível no momento. Veja a lista de avisos.",
        "all_notices": "Todos os avisos",
        "categories_heading": "Categorias",
        "subscribe_heading": "Assinar",
        "atom_feed": "Feed de notícias (Atom)",
        "podcast_feed": "Podcast (áudio de todos os avisos)",
        "subscribe_help": (
            "Copie o link de um feed em um leitor de feeds ou aplicativo de podcast para receber "
            "os novos avisos automaticamente."
        ),
        "podcast_description": (
            "Versões em áudio dos avisos oficiais de {city}, lidas neste idioma."
        ),
        "audio_available": "Com áudio",
        "previous_sentence": "Frase anterior",
        "next_sentence": "Próxima frase",
        "readalong_hint": (
            "A frase que está sendo lida fica destacada. Selecione uma frase para ouvir a partir "
            "dela."
        ),
        "pagination_label": "Páginas",
        "archive_heading": "Avisos por mês",
        "page_n": "Página {page}",
        "moved_heading": "Esta lista mudou de endereço",
        "accessibility_features_heading": "O que este site oferece",
        "accessibility_feature_audio": (
            "Todos os avisos têm versão em áudio, que você pode ouvir, baixar em MP3 ou receber "
            "como podcast."
        ),
        "accessibility_feature_languages": (
            "Os avisos são publicados em vários idiomas. As traduções automáticas são indicadas e "
            "têm link para o original em japonês."
        ),
        "accessibility_feature_furigana": (
            "As páginas em japonês podem ser exibidas com furigana (a leitura dos kanji)."
        ),
        "accessibility_feature_no_js": (
            "Todas as páginas funcionam sem JavaScript, em telas pequenas e com o texto ampliado "
            "em 200%."
        ),
        "accessibility_limitations_heading": "Limitações conhecidas",
        "accessibility_limitations": (
            "As traduções automáticas e o furigana automático podem conter erros. O texto oficial "
            "é o original em japonês."
        ),
    },
    "es": {
        "site_name": "Información pública de {city}",
        "skip_to_content": "Ir al contenido principal",
        "language_switcher_label": "Leer esta página en otro idioma",
        "choose_language_heading": "Elija su idioma",
        "choose_language_intro": "Avisos oficiales de {city} en su idioma, con audio.",
        "latest_notices": "Últimos avisos",
        "no_notices": "Por el momento no hay avisos.",
        "published_on": "Publicado el {date}",
        "updated_on": "Actualizado el {date}",
        "category": "Categoría",
        "contact": "Contacto",
        "machine_translation_notice": (
            "Esta página fue traducida por un sistema de traducción automática. "
            "Puede contener errores. La versión oficial es el texto original en japonés."
        ),
        "read_original": "Leer el original en japonés",
        "may_contain_errors": (
            "Algunas frases de esta página fueron señaladas por una revisión automática y pueden "
            "contener errores. Consulte el original en japonés."
        ),
        "listen_heading": "Escuchar este aviso",
        "audio_player_label": "Audio de este aviso en {language}",
        "download_audio": "Descargar el audio (MP3, {duration})",
        "audio_not_supported": (
            "Su navegador no puede reproducir este audio. Descárguelo para escucharlo."
        ),
        "audio_unavailable": "Todavía no hay versión en audio en este idioma.",
        "audio_substitute_voice": (
            "Este audio lo lee la voz {voice}, porque todavía no hay una voz para {language}."
        ),
        "captions_link": "Transcripción con marcas de tiempo (WebVTT)",
        "playback_speed": "Velocidad de reproducción",
        "breadcrumb_label": "Usted está aquí",
        "home": "Inicio",
        "back_to_index": "Volver a todos los avisos",
        "footer_accessibility": "Accesibilidad",
        "footer_note": "Kakehashi publica los avisos de {city} en muchos idiomas, con audio.",
        "not_found_heading": "Página no encontrada",
        "not_found_text": (
            "Esta página no existe o fue eliminada. Elija su idioma para ver los avisos actuales."
        ),
        "accessibility_heading": "Declaración de accesibilidad",
        "accessibility_text": (
            "{city} tiene como objetivo cumplir el nivel AA de las WCAG 2.2 (JIS X 8341-3). "
            "Todos los avisos tienen versión en audio y se pueden leer con un lector de pantalla. "
            "Si algo le resulta difícil de usar, comuníquese con nosotros."
        ),
        "category_garbage": "Basura y reciclaje",
        "category_health": "Salud",
        "category_disaster": "Desastres y emergencias",
        "category_procedures": "Trámites",
        "category_water": "Agua",
        "category_event": "Eventos",
        "category_other": "Otros avisos",
        "next_page": "Página siguiente",
        "previous_page": "Página anterior",
        "seconds_unit": "{minutes} min {seconds} s",
        "show_furigana": "Mostrar furigana (lectura de los kanji)",
        "hide_furigana": "Ocultar furigana",
        "contact_prefix_spoken": "Contacto:",
        "search": "Buscar",
        "search_label": "Buscar en los avisos",
        "search_button": "Buscar",
        "search_needs_js": (
            "La búsqueda necesita JavaScript. Sin él, puede ver todos los avisos o buscar por "
            "categoría:"
        ),
        "search_results": "Se encontraron {count} avisos.",
        "search_no_results": "No se encontró ningún aviso.",
        "search_loading": "Buscando…",
        "search_error": (
            "La búsqueda no está disponible en este momento. Consulte la lista de avisos."
        ),
        "all_notices": "Todos los avisos",
        "categories_heading": "Categorías",
        "subscribe_heading": "Suscribirse",
        "atom_feed": "Canal de noticias (Atom)",
        "podcast_feed": "Pódcast (audio de todos los avisos)",
        "subscribe_help": (
            "Copie el enlace de un canal en un lector de noticias o una aplicación de pódcast para "
            "recibir los nuevos avisos automáticamente."
        ),
        "podcast_description": (
            "Versiones en audio de los avisos oficiales de {city}, leídas en este idioma."
        ),
        "audio_available": "Con audio",
        "previous_sentence": "Frase anterior",
        "next_sentence": "Frase siguiente",
        "readalong_hint": (
            "La frase que se está leyendo aparece resaltada. Seleccione una frase para escuchar "
            "desde ahí."
        ),
        "pagination_label": "Páginas",
        "archive_heading": "Avisos por mes",
        "page_n": "Página {page}",
        "moved_heading": "Esta lista se ha trasladado",
        "accessibility_features_heading": "Lo que ofrece este sitio",
        "accessibility_feature_audio": (
            "Todos los avisos tienen una versión en audio que puede escuchar, descargar en MP3 o "
            "recibir como pódcast."
        ),
        "accessibility_feature_languages": (
            "Los avisos se publican en muchos idiomas. Las traducciones automáticas están "
            "señaladas y enlazan al original en japonés."
        ),
        "accessibility_feature_furigana": (
            "Las páginas en japonés se pueden mostrar con furigana (la lectura de los kanji)."
        ),
        "accessibility_feature_no_js": (
            "Todas las páginas funcionan sin JavaScript, en pantallas pequeñas y con el texto "
            "ampliado al 200 %."
        ),
        "accessibility_limitations_heading": "Limitaciones conocidas",
        "accessibility_limitations": (
            "Las traducciones automáticas y el furigana automático pueden contener errores. El "
            "texto oficial es el original en japonés."
        ),
    },
    "vi": {
        "site_name": "Thông tin công cộng của {city}",
        "skip_to_content": "Chuyển đến nội dung chính",
        "language_switcher_label": "Đọc trang này bằng ngôn ngữ khác",
        "choose_language_heading": "Chọn ngôn ngữ của bạn",
        "choose_language_intro": (
            "Thông báo chính thức của {city} bằng ngôn ngữ của bạn, có kèm bản âm thanh."
        ),
        "latest_notices": "Thông báo mới nhất",
        "no_notices": "Hiện tại chưa có thông báo nào.",
        "published_on": "Đăng ngày {date}",
        "updated_on": "Cập nhật ngày {date}",
        "category": "Danh mục",
        "contact": "Liên hệ",
        "machine_translation_notice": (
            "Trang này được dịch tự động bằng máy. Bản dịch có thể có lỗi. "
            "Bản gốc tiếng Nhật là bản chính thức."
        ),
        "read_original": "Đọc bản gốc tiếng Nhật",
        "may_contain_errors": (
            "Một số câu trên trang này đã được hệ thống kiểm tra tự động đánh dấu và có thể có "
            "lỗi. Vui lòng xem bản gốc tiếng Nhật."
        ),
        "listen_heading": "Nghe thông báo này",
        "audio_player_label": "Âm thanh của thông báo này bằng {language}",
        "download_audio": "Tải tệp âm thanh xuống (MP3, {duration})",
        "audio_not_supported": (
            "Trình duyệt của bạn không phát được âm thanh này. Vui lòng tải xuống để nghe."
        ),
        "audio_unavailable": "Hiện chưa có bản âm thanh bằng ngôn ngữ này.",
        "audio_substitute_voice": (
            "Âm thanh này được đọc bằng giọng {voice} vì chưa có giọng đọc {language}."
        ),
        "captions_link": "Văn bản lời đọc kèm mốc thời gian (WebVTT)",
        "playback_speed": "Tốc độ phát",
        "breadcrumb_label": "Bạn đang ở đây",
        "home": "Trang chủ",
        "back_to_index": "Quay lại danh sách thông báo",
        "footer_accessibility": "Khả năng tiếp cận",
        "footer_note": (
            "Kakehashi đăng tải thông báo của {city} bằng nhiều ngôn ngữ, có kèm âm thanh."
        ),
        "not_found_heading": "Không tìm thấy trang",
        "not_found_text": (
            "Trang này không tồn tại hoặc đã bị xóa. Vui lòng chọn ngôn ngữ để xem các thông báo "
            "hiện tại."
        ),
        "accessibility_heading": "Tuyên bố về khả năng tiếp cận",
        "accessibility_text": (
            "{city} hướng tới việc đáp ứng tiêu chuẩn WCAG 2.2 mức AA (JIS X 8341-3). "
            "Mọi thông báo đều có bản âm thanh và có thể đọc bằng trình đọc màn hình. "
            "Nếu có phần nào khó sử dụng, vui lòng liên hệ với chúng tôi."
        ),
        "category_garbage": "Rác và tái chế",
        "category_health": "Sức khỏe",
        "category_disaster": "Thiên tai và tình trạng khẩn cấp",
        "category_procedures": "Thủ tục",
        "category_water": "Nước sinh hoạt",
        "category_event": "Sự kiện",
        "category_other": "Thông báo khác",
        "next_page": "Trang sau",
        "previous_page": "Trang trước",
        "seconds_unit": "{minutes} phút {seconds} giây",
        "show_furigana": "Hiện furigana (cách đọc chữ Hán)",
        "hide_furigana": "Ẩn furigana",
        "contact_prefix_spoken": "Liên hệ:",
        "search": "Tìm kiếm",
        "search_label": "Tìm kiếm thông báo",
        "search_button": "Tìm",
        "search_needs_js": (
            "Chức năng tìm kiếm cần JavaScript. Nếu không có JavaScript, bạn có thể xem tất cả "
            "thông báo hoặc tìm theo danh mục:"
        ),
        "search_results": "Tìm thấy {count} thông báo.",
        "search_no_results": "Không tìm thấy thông báo nào.",
        "search_loading": "Đang tìm…",
        "search_error": "Hiện không thể tìm kiếm. Vui lòng xem danh sách thông báo.",
        "all_notices": "Tất cả thông báo",
        "categories_heading": "Danh mục",
        "subscribe_heading": "Đăng ký nhận tin",
        "atom_feed": "Nguồn tin (Atom)",
        "podcast_feed": "Podcast (âm thanh của mọi thông báo)",
        "subscribe_help": (
            "Sao chép đường dẫn của nguồn tin vào ứng dụng đọc tin hoặc ứng dụng podcast để tự "
            "động nhận thông báo mới."
        ),
        "podcast_description": (
            "Bản âm thanh các thông báo chính thức của {city}, được đọc bằng ngôn ngữ này."
        ),
        "audio_available": "Có âm thanh",
        "previous_sentence": "Câu trước",
        "next_sentence": "Câu tiếp theo",
        "readalong_hint": "Câu đang được đọc sẽ được tô sáng. Chọn một câu để nghe từ câu đó.",
        "pagination_label": "Các trang",
        "archive_heading": "Thông báo theo tháng",
        "page_n": "Trang {page}",
        "moved_heading": "Danh sách này đã được chuyển",
        "accessibility_features_heading": "Những gì trang web này cung cấp",
        "accessibility_feature_audio": (
            "Mọi thông báo đều có bản âm thanh để nghe, tải về dạng MP3 hoặc nhận qua podcast."
        ),
        "accessibility_feature_languages": (
            "Thông báo được đăng bằng nhiều ngôn ngữ. Bản dịch máy được ghi chú rõ và có đường dẫn "
            "đến bản gốc tiếng Nhật."
        ),
        "accessibility_feature_furigana": (
            "Các trang tiếng Nhật có thể hiển thị kèm furigana (cách đọc chữ Hán)."
        ),
        "accessibility_feature_no_js": (
            "Mọi trang đều dùng được khi không có JavaScript, trên màn hình nhỏ và khi phóng to "
            "chữ lên 200%."
        ),
        "accessibility_limitations_heading": "Những hạn chế đã biết",
        "accessibility_limitations": (
            "Bản dịch máy và furigana tự động có thể có lỗi. Bản gốc tiếng Nhật là nội dung chính "
            "thức."
        ),
    },
    "tl": {
        "site_name": "Pampublikong impormasyon ng {city}",
        "skip_to_content": "Lumaktaw sa pangunahing nilalaman",
        "language_switcher_label": "Basahin ang pahinang ito sa ibang wika",
        "choose_language_heading": "Piliin ang iyong wika",
        "choose_language_intro": (
            "Mga opisyal na abiso mula sa {city}, sa iyong wika, na may audio."
        ),
        "latest_notices": "Mga pinakabagong abiso",
        "no_notices": "Walang abiso sa ngayon.",
        "published_on": "Inilathala noong {date}",
        "updated_on": "In-update noong {date}",
        "category": "Kategorya",
        "contact": "Makipag-ugnayan",
        "machine_translation_notice": (
            "Awtomatikong isinalin ang pahinang ito gamit ang machine translation. "
            "Maaaring may mga mali ito. Ang orihinal na nasa wikang Hapon ang opisyal na bersyon."
        ),
        "read_original": "Basahin ang orihinal sa wikang Hapon",
        "may_contain_errors": (
            "May ilang pangungusap sa pahinang ito na minarkahan ng awtomatikong pagsusuri at "
            "maaaring may mali. Pakitingnan ang orihinal sa wikang Hapon."
        ),
        "listen_heading": "Pakinggan ang abisong ito",
        "audio_player_label": "Audio ng abisong ito sa {language}",
        "download_audio": "I-download ang audio (MP3, {duration})",
        "audio_not_supported": (
            "Hindi ma-play ng iyong browser ang audio na ito. I-download na lang ito."
        ),
        "audio_unavailable": "Wala pang audio sa wikang ito.",
        "audio_substitute_voice": (
            "Ang audio na ito ay binabasa ng boses na {voice}, dahil wala pang available na boses "
            "para sa {language}."
        ),
        "captions_link": "Transcript na may mga oras (WebVTT)",
        "playback_speed": "Bilis ng pag-play",
        "breadcrumb_label": "Narito ka",
        "home": "Home",
        "back_to_index": "Bumalik sa lahat ng abiso",
        "footer_accessibility": "Accessibility",
        "footer_note": (
            "Inilalathala ng Kakehashi ang mga abiso ng {city} sa maraming wika, na may audio."
        ),
        "not_found_heading": "Hindi nakita ang pahina",
        "not_found_text": (
            "Hindi umiiral ang pahinang ito o tinanggal na ito. "
            "Pakipili ang iyong wika para makita ang mga kasalukuyang abiso."
        ),
        "accessibility_heading": "Pahayag tungkol sa accessibility",
        "accessibility_text": (
            "Layunin ng {city} na matugunan ang WCAG 2.2 level AA (JIS X 8341-3). "
            "May bersyong audio ang bawat abiso at mababasa ito gamit ang screen reader. "
            "Kung may bahaging mahirap gamitin, mangyaring makipag-ugnayan sa amin."
        ),
        "category_garbage": "Basura at recycling",
        "category_health": "Kalusugan",
        "category_disaster": "Sakuna at emergency",
        "category_procedures": "Mga proseso",
        "category_water": "Tubig",
        "category_event": "Mga kaganapan",
        "category_other": "Iba pang abiso",
        "next_page": "Susunod na pahina",
        "previous_page": "Nakaraang pahina",
        "seconds_unit": "{minutes} min {seconds} seg",
        "show_furigana": "Ipakita ang furigana (tulong sa pagbasa ng kanji)",
        "hide_furigana": "Itago ang furigana",
        "contact_prefix_spoken": "Makipag-ugnayan sa:",
        "search": "Maghanap",
        "search_label": "Maghanap sa mga abiso",
        "search_button": "Hanapin",
        "search_needs_js": (
            "Kailangan ng JavaScript para sa paghahanap. Kung wala nito, maaari mong tingnan ang "
            "lahat ng abiso o maghanap ayon sa kategorya:"
        ),
        "search_results": "{count} abiso ang nakita.",
        "search_no_results": "Walang nakitang abiso.",
        "search_loading": "Naghahanap…",
        "search_error": (
            "Hindi magagamit ang paghahanap sa ngayon. Tingnan na lang ang listahan ng mga abiso."
        ),
        "all_notices": "Lahat ng abiso",
        "categories_heading": "Mga kategorya",
        "subscribe_heading": "Mag-subscribe",
        "atom_feed": "News feed (Atom)",
        "podcast_feed": "Podcast (audio ng bawat abiso)",
        "subscribe_help": (
            "Kopyahin ang link ng feed sa isang feed reader o podcast app para awtomatikong "
            "matanggap ang mga bagong abiso."
        ),
        "podcast_description": (
            "Mga audio na bersyon ng mga opisyal na abiso ng {city}, binasa sa wikang ito."
        ),
        "audio_available": "May audio",
        "previous_sentence": "Nakaraang pangungusap",
        "next_sentence": "Susunod na pangungusap",
        "readalong_hint": (
            "Naka-highlight ang pangungusap na binabasa. Pumili ng pangungusap para magpatugtog "
            "mula roon."
        ),
        "pagination_label": "Mga pahina",
        "archive_heading": "Mga abiso ayon sa buwan",
        "page_n": "Pahina {page}",
        "moved_heading": "Inilipat na ang listahang ito",
        "accessibility_features_heading": "Ang iniaalok ng site na ito",
        "accessibility_feature_audio": (
            "May audio na bersyon ang bawat abiso na maaari mong pakinggan, i-download bilang MP3, "
            "o matanggap bilang podcast."
        ),
        "accessibility_feature_languages": (
            "Inilalathala ang mga abiso sa maraming wika. Minamarkahan ang mga machine translation "
            "at may link sa orihinal na Japanese."
        ),
        "accessibility_feature_furigana": (
            "Maaaring ipakita ang mga pahinang Japanese nang may furigana (basa ng kanji)."
        ),
        "accessibility_feature_no_js": (
            "Gumagana ang bawat pahina kahit walang JavaScript, sa maliliit na screen, at kapag "
            "pinalaki ang teksto nang 200%."
        ),
        "accessibility_limitations_heading": "Mga kilalang limitasyon",
        "accessibility_limitations": (
            "Maaaring may mali ang machine translation at ang awtomatikong furigana. Ang orihinal "
            "na Japanese ang opisyal na teksto."
        ),
    },
    "zh": {
        "site_name": "{city} 公共信息",
        "skip_to_content": "跳转到主要内容",
        "language_switcher_label": "用其他语言阅读本页",
        "choose_language_heading": "请选择语言",
        "choose_language_intro": "以您的语言提供 {city} 的官方通知，并附有语音。",
        "latest_notices": "最新通知",
        "no_notices": "目前没有通知。",
        "published_on": "发布日期：{date}",
        "updated_on": "更新日期：{date}",
        "category": "分类",
        "contact": "联系方式",
        "machine_translation_notice": "本页面由机器自动翻译，可能存在错误。日语原文为正式版本。",
        "read_original": "阅读日语原文",
        "may_contain_errors": "本页部分语句经自动检查被标记，可能存在错误。请查看日语原文。",
        "listen_heading": "收听本通知",
        "audio_player_label": "本通知的{language}语音",
        "download_audio": "下载语音（MP3，{duration}）",
        "audio_not_supported": "您的浏览器无法播放此语音，请下载后收听。",
        "audio_unavailable": "此语言暂无语音版本。",
        "audio_substitute_voice": "由于没有{language}语音，本语音由 {voice} 语音朗读。",
        "captions_link": "带时间轴的文字稿（WebVTT）",
        "playback_speed": "播放速度",
        "breadcrumb_label": "当前位置",
        "home": "首页",
        "back_to_index": "返回通知列表",
        "footer_accessibility": "无障碍",
        "footer_note": "Kakehashi 以多种语言发布 {city} 的通知，并附有语音。",
        "not_found_heading": "找不到页面",
        "not_found_text": "此页面不存在或已被删除。请选择语言，查看当前的通知。",
        "accessibility_heading": "无障碍声明",
        "accessibility_text": (
            "{city} 致力于达到 WCAG 2.2 AA 级（JIS X 8341-3）标准。"
            "所有通知均提供语音版本，并可使用读屏软件阅读。"
            "如有不便使用之处，请与我们联系。"
        ),
        "category_garbage": "垃圾与资源回收",
        "category_health": "健康",
        "category_disaster": "灾害与紧急情况",
        "category_procedures": "手续办理",
        "category_water": "自来水",
        "category_event": "活动",
        "category_other": "其他通知",
        "next_page": "下一页",
        "previous_page": "上一页",
        "seconds_unit": "{minutes}分{seconds}秒",
        "show_furigana": "显示假名注音（汉字读音）",
        "hide_furigana": "隐藏假名注音",
        "contact_prefix_spoken": "联系方式：",
        "search": "搜索",
        "search_label": "搜索通知",
        "search_button": "搜索",
        "search_needs_js": (
            "搜索功能需要 JavaScript。没有 JavaScript 时，您可以浏览全部通知或按类别查找："
        ),
        "search_results": "找到 {count} 条通知。",
        "search_no_results": "没有找到通知。",
        "search_loading": "正在搜索…",
        "search_error": "目前无法使用搜索。请浏览通知列表。",
        "all_notices": "全部通知",
        "categories_heading": "类别",
        "subscribe_heading": "订阅",
        "atom_feed": "新闻订阅源（Atom）",
        "podcast_feed": "播客（所有通知的语音）",
        "subscribe_help": "将订阅源的链接复制到订阅阅读器或播客应用中，即可自动收到新的通知。",
        "podcast_description": "{city}官方通知的语音版，用本语言朗读。",
        "audio_available": "有语音",
        "previous_sentence": "上一句",
        "next_sentence": "下一句",
        "readalong_hint": "正在朗读的句子会突出显示。选择一个句子即可从该处开始播放。",
        "pagination_label": "页码",
        "archive_heading": "按月份查看通知",
        "page_n": "第{page}页",
        "moved_heading": "此列表已移动",
        "accessibility_features_heading": "本网站提供的功能",
        "accessibility_feature_audio": (
            "每条通知都有语音版，可以直接播放、下载 MP3 或通过播客接收。"
        ),
        "accessibility_feature_languages": (
            "通知以多种语言发布。机器翻译的页面会注明，并附有日语原文的链接。"
        ),
        "accessibility_feature_furigana": "日语页面可以显示假名注音（汉字的读音）。",
        "accessibility_feature_no_js": (
            "所有页面在没有 JavaScript、使用小屏幕或将文字放大到 200% 时都可以使用。"
        ),
        "accessibility_limitations_heading": "已知的限制",
        "accessibility_limitations": "机器翻译和自动添加的假名注音可能有错误。日语原文为正式内容。",
    },
    "zh-Hant": {
        "site_name": "{city} 公共資訊",
        "skip_to_content": "跳到主要內容",
        "language_switcher_label": "以其他語言閱讀本頁",
        "choose_language_heading": "請選擇語言",
        "choose_language_intro": "以您的語言提供 {city} 的官方公告，並附有語音。",
        "latest_notices": "最新公告",
        "no_notices": "目前沒有公告。",
        "published_on": "發布日期：{date}",
        "updated_on": "更新日期：{date}",
        "category": "分類",
        "contact": "聯絡方式",
        "machine_translation_notice": "本頁面由機器自動翻譯，可能有錯誤。日文原文為正式版本。",
        "read_original": "閱讀日文原文",
        "may_contain_errors": "本頁部分語句經自動檢查標示，可能有錯誤。請參閱日文原文。",
        "listen_heading": "收聽本公告",
        "audio_player_label": "本公告的{language}語音",
        "download_audio": "下載語音（MP3，{duration}）",
        "audio_not_supported": "您的瀏覽器無法播放此語音，請下載後收聽。",
        "audio_unavailable": "此語言目前尚無語音版本。",
        "audio_substitute_voice": "由於沒有{language}語音，本語音由 {voice} 語音朗讀。",
        "captions_link": "附時間軸的逐字稿（WebVTT）",
        "playback_speed": "播放速度",
        "breadcrumb_label": "目前位置",
        "home": "首頁",
        "back_to_index": "返回公告列表",
        "footer_accessibility": "無障礙",
        "footer_note": "Kakehashi 以多種語言發布 {city} 的公告，並附有語音。",
        "not_found_heading": "找不到網頁",
        "not_found_text": "此網頁不存在或已被移除。請選擇語言，查看目前的公告。",
        "accessibility_heading": "無障礙聲明",
        "accessibility_text": (
            "{city} 致力於符合 WCAG 2.2 AA 等級（JIS X 8341-3）。"
            "所有公告皆提供語音版本，並可使用螢幕報讀軟體閱讀。"
            "如有不便使用之處，請與我們聯絡。"
        ),
        "category_garbage": "垃圾與資源回收",
        "category_health": "健康",
        "category_disaster": "災害與緊急情況",
        "category_procedures": "手續辦理",
        "category_water": "自來水",
        "category_event": "活動",
        "category_other": "其他公告",
        "next_page": "下一頁",
        "previous_page": "上一頁",
        "seconds_unit": "{minutes}分{seconds}秒",
        "show_furigana": "顯示振假名（漢字讀音）",
        "hide_furigana": "隱藏振假名",
        "contact_prefix_spoken": "聯絡方式：",
        "search": "搜尋",
        "search_label": "搜尋通知",
        "search_button": "搜尋",
        "search_needs_js": (
            "搜尋功能需要 JavaScript。沒有 JavaScript 時，您可以瀏覽全部通知或依類別查找："
        ),
        "search_results": "找到 {count} 則通知。",
        "search_no_results": "沒有找到通知。",
        "search_loading": "正在搜尋…",
        "search_error": "目前無法使用搜尋。請瀏覽通知列表。",
        "all_notices": "全部通知",
        "categories_heading": "類別",
        "subscribe_heading": "訂閱",
        "atom_feed": "新聞訂閱來源（Atom）",
        "podcast_feed": "Podcast（所有通知的語音）",
        "subscribe_help": (
            "將訂閱來源的連結複製到訂閱閱讀器或 Podcast 應用程式中，即可自動收到新的通知。"
        ),
        "podcast_description": "{city}官方通知的語音版，以本語言朗讀。",
        "audio_available": "有語音",
        "previous_sentence": "上一句",
        "next_sentence": "下一句",
        "readalong_hint": "正在朗讀的句子會醒目顯示。選擇一個句子即可從該處開始播放。",
        "pagination_label": "頁碼",
        "archive_heading": "按月份查看通知",
        "page_n": "第{page}頁",
        "moved_heading": "此列表已移動",
        "accessibility_features_heading": "本網站提供的功能",
        "accessibility_feature_audio": (
            "每則通知都有語音版，可以直接播放、下載 MP3 或透過 Podcast 接收。"
        ),
        "accessibility_feature_languages": (
            "通知以多種語言發布。機器翻譯的頁面會註明，並附有日文原文的連結。"
        ),
        "accessibility_feature_furigana": "日文頁面可以顯示假名標音（漢字的讀音）。",
        "accessibility_feature_no_js": (
            "所有頁面在沒有 JavaScript、使用小螢幕或將文字放大到 200% 時都可以使用。"
        ),
        "accessibility_limitations_heading": "已知的限制",
        "accessibility_limitations": "機器翻譯和自動加上的假名標音可能有錯誤。日文原文為正式內容。",
    },
    "ko": {
        "site_name": "{city} 공공 정보",
        "skip_to_content": "본문 바로가기",
        "language_switcher_label": "이 페이지를 다른 언어로 읽기",
        "choose_language_heading": "언어를 선택해 주세요",
        "choose_language_intro": (
            "{city}의 공식 공지사항을 원하시는 언어로, 음성과 함께 제공합니다."
        ),
        "latest_notices": "최신 공지사항",
        "no_notices": "현재 공지사항이 없습니다.",
        "published_on": "게시일: {date}",
        "updated_on": "수정일: {date}",
        "category": "분류",
        "contact": "문의처",
        "machine_translation_notice": (
            "이 페이지는 기계 번역으로 자동 번역되었습니다. "
            "오류가 있을 수 있습니다. 일본어 원문이 공식 버전입니다."
        ),
        "read_original": "일본어 원문 보기",
        "may_contain_errors": (
            "이 페이지의 일부 문장은 자동 검사에서 오류 가능성이 있는 것으로 표시되었습니다. "
            "일본어 원문을 확인해 주세요."
        ),
        "listen_heading": "이 공지 듣기",
        "audio_player_label": "이 공지의 {language} 음성",
        "download_audio": "음성 다운로드 (MP3, {duration})",
        "audio_not_supported": (
            "사용 중인 브라우저에서는 이 음성을 재생할 수 없습니다. "
            "파일을 다운로드해서 들어 주세요."
        ),
        "audio_unavailable": "이 언어로 된 음성은 아직 없습니다.",
        "audio_substitute_voice": "{language} 음성이 아직 없어 {voice} 음성으로 읽어 드립니다.",
        "captions_link": "시간 정보가 포함된 음성 텍스트 (WebVTT)",
        "playback_speed": "재생 속도",
        "breadcrumb_label": "현재 위치",
        "home": "홈",
        "back_to_index": "공지사항 목록으로 돌아가기",
        "footer_accessibility": "접근성",
        "footer_note": "Kakehashi는 {city}의 공지사항을 여러 언어와 음성으로 제공합니다.",
        "not_found_heading": "페이지를 찾을 수 없습니다",
        "not_found_text": (
            "이 페이지는 존재하지 않거나 삭제되었습니다. "
            "현재 공지사항을 보시려면 언어를 선택해 주세요."
        ),
        "accessibility_heading": "웹 접근성 정책",
        "accessibility_text": (
            "{city}에서는 WCAG 2.2 AA 수준(JIS X 8341-3) 준수를 목표로 하고 있습니다. "
            "모든 공지사항에는 음성 버전이 있으며 화면 낭독 프로그램으로 읽을 수 있습니다. "
            "이용하기 어려운 점이 있으면 문의해 주세요."
        ),
        "category_garbage": "쓰레기·재활용",
        "category_health": "건강",
        "category_disaster": "재난·긴급",
        "category_procedures": "각종 절차",
        "category_water": "수도",
        "category_event": "행사",
        "category_other": "기타 공지",
        "next_page": "다음 페이지",
        "previous_page": "이전 페이지",
        "seconds_unit": "{minutes}분 {seconds}초",
        "show_furigana": "후리가나 표시하기 (한자 읽는 법)",
        "hide_furigana": "후리가나 숨기기",
        "contact_prefix_spoken": "문의처:",
        "search": "검색",
        "search_label": "공지 검색",
        "search_button": "검색",
        "search_needs_js": (
            "검색 기능을 사용하려면 JavaScript가 필요합니다. JavaScript 없이도 모든 공지를 보거나 "
            "분류별로 찾을 수 있습니다."
        ),
        "search_results": "공지 {count}건을 찾았습니다.",
        "search_no_results": "찾은 공지가 없습니다.",
        "search_loading": "검색 중…",
        "search_error": "지금은 검색을 사용할 수 없습니다. 공지 목록을 확인해 주세요.",
        "all_notices": "모든 공지",
        "categories_heading": "분류",
        "subscribe_heading": "구독",
        "atom_feed": "뉴스 피드(Atom)",
        "podcast_feed": "팟캐스트(모든 공지의 음성)",
        "subscribe_help": (
            "피드 링크를 피드 리더나 팟캐스트 앱에 등록하면 새 공지를 자동으로 받을 수 있습니다."
        ),
        "podcast_description": "{city}의 공식 공지를 이 언어의 음성으로 전해 드립니다.",
        "audio_available": "음성 있음",
        "previous_sentence": "이전 문장",
        "next_sentence": "다음 문장",
        "readalong_hint": (
            "읽고 있는 문장이 강조 표시됩니다. 문장을 선택하면 그 부분부터 재생합니다."
        ),
        "pagination_label": "페이지",
        "archive_heading": "월별 공지",
        "page_n": "{page}페이지",
        "moved_heading": "이 목록은 이동했습니다",
        "accessibility_features_heading": "이 사이트가 제공하는 기능",
        "accessibility_feature_audio": (
            "모든 공지에는 음성판이 있어 재생하거나 MP3로 내려받거나 팟캐스트로 받을 수 있습니다."
        ),
        "accessibility_feature_languages": (
            "공지는 여러 언어로 게시됩니다. 기계 번역 페이지에는 그 사실을 표시하고 일본어 원문 "
            "링크를 붙입니다."
        ),
        "accessibility_feature_furigana": (
            "일본어 페이지는 후리가나(한자 읽는 법)를 달아 표시할 수 있습니다."
        ),
        "accessibility_feature_no_js": (
            "모든 페이지는 JavaScript 없이도, 작은 화면에서도, 글자를 200%로 확대해도 이용할 수 "
            "있습니다."
        ),
        "accessibility_limitations_heading": "알려진 제한 사항",
        "accessibility_limitations": (
            "기계 번역과 자동으로 단 후리가나에는 오류가 있을 수 있습니다. 일본어 원문이 공식 "
            "내용입니다."
        ),
    },
    "id": {
        "site_name": "Informasi publik {city}",
        "skip_to_content": "Langsung ke konten utama",
        "language_switcher_label": "Baca halaman ini dalam bahasa lain",
        "choose_language_heading": "Pilih bahasa Anda",
        "choose_language_intro": (
            "Pemberitahuan resmi dari {city} dalam bahasa Anda, dilengkapi audio."
        ),
        "latest_notices": "Pemberitahuan terbaru",
        "no_notices": "Saat ini tidak ada pemberitahuan.",
        "published_on": "Diterbitkan pada {date}",
        "updated_on": "Diperbarui pada {date}",
        "category": "Kategori",
        "contact": "Kontak",
        "machine_translation_notice": (
            "Halaman ini diterjemahkan secara otomatis dengan mesin penerjemah. "
            "Terjemahannya mungkin mengandung kesalahan. "
            "Versi resminya adalah naskah asli dalam bahasa Jepang."
        ),
        "read_original": "Baca naskah asli dalam bahasa Jepang",
        "may_contain_errors": (
            "Beberapa kalimat di halaman ini ditandai oleh pemeriksaan otomatis dan mungkin "
            "mengandung kesalahan. Silakan periksa naskah asli dalam bahasa Jepang."
        ),
        "listen_heading": "Dengarkan pemberitahuan ini",
        "audio_player_label": "Audio pemberitahuan ini dalam {language}",
        "download_audio": "Unduh audio (MP3, {duration})",
        "audio_not_supported": (
            "Browser Anda tidak dapat memutar audio ini. Silakan unduh audionya."
        ),
        "audio_unavailable": "Versi audio dalam bahasa ini belum tersedia.",
        "audio_substitute_voice": (
            "Audio ini dibacakan dengan suara {voice} karena suara {language} belum tersedia."
        ),
        "captions_link": "Transkrip dengan keterangan waktu (WebVTT)",
        "playback_speed": "Kecepatan putar",
        "breadcrumb_label": "Anda berada di sini",
        "home": "Beranda",
        "back_to_index": "Kembali ke semua pemberitahuan",
        "footer_accessibility": "Aksesibilitas",
        "footer_note": (
            "Kakehashi menerbitkan pemberitahuan {city} dalam banyak bahasa, dilengkapi audio."
        ),
        "not_found_heading": "Halaman tidak ditemukan",
        "not_found_text": (
            "Halaman ini tidak ada atau sudah dihapus. Silakan pilih bahasa Anda untuk melihat "
            "pemberitahuan terkini."
        ),
        "accessibility_heading": "Pernyataan aksesibilitas",
        "accessibility_text": (
            "{city} berupaya memenuhi WCAG 2.2 tingkat AA (JIS X 8341-3). "
            "Setiap pemberitahuan memiliki versi audio dan dapat dibaca dengan pembaca layar. "
            "Jika ada bagian yang sulit digunakan, silakan hubungi kami."
        ),
        "category_garbage": "Sampah dan daur ulang",
        "category_health": "Kesehatan",
        "category_disaster": "Bencana dan keadaan darurat",
        "category_procedures": "Prosedur administrasi",
        "category_water": "Layanan air",
        "category_event": "Acara",
        "category_other": "Pemberitahuan lainnya",
        "next_page": "Halaman berikutnya",
        "previous_page": "Halaman sebelumnya",
        "seconds_unit": "{minutes} mnt {seconds} dtk",
        "show_furigana": "Tampilkan furigana (bantuan membaca kanji)",
        "hide_furigana": "Sembunyikan furigana",
        "contact_prefix_spoken": "Kontak:",
        "search": "Cari",
        "search_label": "Cari pengumuman",
        "search_button": "Cari",
        "search_needs_js": (
            "Pencarian memerlukan JavaScript. Tanpa JavaScript, Anda dapat melihat semua "
            "pengumuman atau mencari menurut kategori:"
        ),
        "search_results": "{count} pengumuman ditemukan.",
        "search_no_results": "Tidak ada pengumuman yang ditemukan.",
        "search_loading": "Sedang mencari…",
        "search_error": "Pencarian sedang tidak tersedia. Silakan lihat daftar pengumuman.",
        "all_notices": "Semua pengumuman",
        "categories_heading": "Kategori",
        "subscribe_heading": "Berlangganan",
        "atom_feed": "Umpan berita (Atom)",
        "podcast_feed": "Podcast (audio semua pengumuman)",
        "subscribe_help": (
            "Salin tautan umpan ke aplikasi pembaca umpan atau aplikasi podcast untuk menerima "
            "pengumuman baru secara otomatis."
        ),
        "podcast_description": "Versi audio pengumuman resmi {city}, dibacakan dalam bahasa ini.",
        "audio_available": "Ada audio",
        "previous_sentence": "Kalimat sebelumnya",
        "next_sentence": "Kalimat berikutnya",
        "readalong_hint": (
            "Kalimat yang sedang dibacakan akan disorot. Pilih sebuah kalimat untuk memutar dari "
            "kalimat itu."
        ),
        "pagination_label": "Halaman",
        "archive_heading": "Pengumuman per bulan",
        "page_n": "Halaman {page}",
        "moved_heading": "Daftar ini telah dipindahkan",
        "accessibility_features_heading": "Yang disediakan situs ini",
        "accessibility_feature_audio": (
            "Setiap pengumuman memiliki versi audio yang dapat Anda putar, unduh sebagai MP3, atau "
            "terima sebagai podcast."
        ),
        "accessibility_feature_languages": (
            "Pengumuman diterbitkan dalam banyak bahasa. Terjemahan mesin diberi tanda dan "
            "memiliki tautan ke naskah asli bahasa Jepang."
        ),
        "accessibility_feature_furigana": (
            "Halaman bahasa Jepang dapat ditampilkan dengan furigana (cara baca kanji)."
        ),
        "accessibility_feature_no_js": (
            "Setiap halaman dapat digunakan tanpa JavaScript, di layar kecil, dan dengan teks yang "
            "diperbesar hingga 200%."
        ),
        "accessibility_limitations_heading": "Keterbatasan yang diketahui",
        "accessibility_limitations": (
            "Terjemahan mesin dan furigana otomatis mungkin mengandung kesalahan. Naskah asli "
            "bahasa Jepang adalah teks resmi."
        ),
    },
    "ne": {
        "site_name": "{city} सार्वजनिक सूचना",
        "skip_to_content": "मुख्य सामग्रीमा जानुहोस्",
        "language_switcher_label": "यो पृष्ठ अर्को भाषामा पढ्नुहोस्",
        "choose_language_heading": "आफ्नो भाषा छान्नुहोस्",
        "choose_language_intro": "{city} का आधिकारिक सूचनाहरू तपाईंको भाषामा, अडियोसहित उपलब्ध छन्।",
        "latest_notices": "पछिल्ला सूचनाहरू",
        "no_notices": "अहिले कुनै सूचना छैन।",
        "published_on": "प्रकाशित मिति: {date}",
        "updated_on": "अद्यावधिक मिति: {date}",
        "category": "श्रेणी",
        "contact": "सम्पर्क",
        "machine_translation_notice": (
            "यो पृष्ठ मेसिन अनुवादद्वारा स्वचालित रूपमा अनुवाद गरिएको हो। "
            "यसमा त्रुटि हुन सक्छ। जापानी भाषाको मूल पाठ नै आधिकारिक संस्करण हो।"
        ),
        "read_original": "जापानी भाषाको मूल पाठ पढ्नुहोस्",
        "may_contain_errors": (
            "यस पृष्ठका केही वाक्यहरूलाई स्वचालित जाँचले चिन्ह लगाएको छ, त्यसैले तिनमा त्रुटि हुन सक्छ। "
            "कृपया जापानी भाषाको मूल पाठ हेर्नुहोस्।"
        ),
        "listen_heading": "यो सूचना सुन्नुहोस्",
        "audio_player_label": "यस सूचनाको {language} अडियो",
        "download_audio": "अडियो डाउनलोड गर्नुहोस् (MP3, {duration})",
        "audio_not_supported": "तपाईंको ब्राउजरले यो अडियो बजाउन सक्दैन। बरु यसलाई डाउनलोड गर्नुहोस्।",
        "audio_unavailable": "यस भाषामा अडियो संस्करण अहिलेसम्म उपलब्ध छैन।",
        "audio_substitute_voice": "{language} आवाज उपलब्ध नभएकाले यो अडियो {voice} आवाजमा पढिएको छ।",
        "captions_link": "समयसहितको लिखित पाठ (WebVTT)",
        "playback_speed": "प्लेब्याक गति",
        "breadcrumb_label": "तपाईं यहाँ हुनुहुन्छ",
        "home": "गृहपृष्ठ",
        "back_to_index": "सबै सूचनाहरूमा फर्कनुहोस्",
        "footer_accessibility": "पहुँचयोग्यता",
        "footer_note": "Kakehashi ले {city} का सूचनाहरू धेरै भाषामा, अडियोसहित प्रकाशित गर्छ।",
        "not_found_heading": "पृष्ठ भेटिएन",
        "not_found_text": "यो पृष्ठ अवस्थित छैन वा हटाइएको छ। हालका सूचनाहरू हेर्न कृपया आफ्नो भाषा छान्नुहोस्।",
        "accessibility_heading": "पहुँचयोग्यता विवरण",
        "accessibility_text": (
            "{city} ले WCAG 2.2 को AA स्तर (JIS X 8341-3) पूरा गर्ने लक्ष्य राखेको छ। "
            "हरेक सूचनाको अडियो संस्करण छ र स्क्रिन रिडरबाट पढ्न सकिन्छ। "
            "कुनै कुरा प्रयोग गर्न गाह्रो भएमा कृपया हामीलाई सम्पर्क गर्नुहोस्।"
        ),
        "category_garbage": "फोहोर र पुनर्चक्रण",
        "category_health": "स्वास्थ्य",
        "category_disaster": "विपद् र आपत्कालीन अवस्था",
        "category_procedures": "प्रशासनिक प्रक्रिया",
        "category_water": "खानेपानी",
        "category_event": "कार्यक्रमहरू",
        "category_other": "अन्य सूचनाहरू",
        "next_page": "अर्को पृष्ठ",
        "previous_page": "अघिल्लो पृष्ठ",
        "seconds_unit": "{minutes} मिनेट {seconds} सेकेन्ड",
        "show_furigana": "फुरिगाना देखाउनुहोस् (कान्जी पढ्न सहयोग)",
        "hide_furigana": "फुरिगाना लुकाउनुहोस्",
        "contact_prefix_spoken": "सम्पर्क:",
        "search": "खोज्नुहोस्",
        "search_label": "सूचनाहरू खोज्नुहोस्",
        "search_button": "खोज्नुहोस्",
        "search_needs_js": (
            "खोजका लागि JavaScript चाहिन्छ। JavaScript बिना पनि तपाईं सबै सूचनाहरू हेर्न वा वर्गअनुसार खोज्न "
            "सक्नुहुन्छ:"
        ),
        "search_results": "{count} वटा सूचना भेटियो।",
        "search_no_results": "कुनै सूचना भेटिएन।",
        "search_loading": "खोजिँदै छ…",
        "search_error": "अहिले खोज उपलब्ध छैन। कृपया सूचनाहरूको सूची हेर्नुहोस्।",
        "all_notices": "सबै सूचनाहरू",
        "categories_heading": "वर्गहरू",
        "subscribe_heading": "सदस्यता लिनुहोस्",
        "atom_feed": "समाचार फिड (Atom)",
        "podcast_feed": "पडकास्ट (सबै सूचनाहरूको अडियो)",
        "subscribe_help": (
            "नयाँ सूचनाहरू स्वतः पाउन फिडको लिङ्क फिड रिडर वा पडकास्ट एपमा प्रतिलिपि गर्नुहोस्।"
        ),
        "podcast_description": "{city} का आधिकारिक सूचनाहरूको अडियो संस्करण, यस भाषामा पढिएको।",
        "audio_available": "अडियो सहित",
        "previous_sentence": "अघिल्लो वाक्य",
        "next_sentence": "अर्को वाक्य",
        "readalong_hint": "पढिँदै गरेको वाक्य हाइलाइट हुन्छ। त्यहाँबाट सुन्न कुनै वाक्य छान्नुहोस्।",
        "pagination_label": "पृष्ठहरू",
        "archive_heading": "महिनाअनुसार सूचनाहरू",
        "page_n": "पृष्ठ {page}",
        "moved_heading": "यो सूची सारिएको छ",
        "accessibility_features_heading": "यो साइटले दिने सुविधाहरू",
        "accessibility_feature_audio": (
            "हरेक सूचनाको अडियो संस्करण छ, जसलाई तपाईं बजाउन, MP3 का रूपमा डाउनलोड गर्न वा पडकास्टका रूपमा "
            "प्राप्त गर्न सक्नुहुन्छ।"
        ),
        "accessibility_feature_languages": (
            "सूचनाहरू धेरै भाषामा प्रकाशित गरिन्छन्। मेसिन अनुवादलाई चिनो लगाइन्छ र जापानी मूल पाठको लिङ्क "
            "दिइन्छ।"
        ),
        "accessibility_feature_furigana": "जापानी पृष्ठहरू फुरिगाना (खान्जीको उच्चारण) सहित देखाउन सकिन्छ।",
        "accessibility_feature_no_js": (
            "हरेक पृष्ठ JavaScript बिना, सानो स्क्रिनमा, र अक्षर 200% सम्म ठूलो पार्दा पनि प्रयोग गर्न सकिन्छ।"
        ),
        "accessibility_limitations_heading": "थाहा भएका सीमाहरू",
        "accessibility_limitations": (
            "मेसिन अनुवाद र स्वचालित फुरिगानामा त्रुटि हुन सक्छ। जापानी मूल पाठ नै आधिकारिक पाठ हो।"
        ),
    },
    "th": {
        "site_name": "ข้อมูลข่าวสารจาก {city}",
        "skip_to_content": "ข้ามไปยังเนื้อหาหลัก",
        "language_switcher_label": "อ่านหน้านี้เป็นภาษาอื่น",
        "choose_language_heading": "เลือกภาษาของคุณ",
        "choose_language_intro": "ประกาศอย่างเป็นทางการจาก {city} ในภาษาของคุณ พร้อมเสียงอ่าน",
        "latest_notices": "ประกาศล่าสุด",
        "no_notices": "ขณะนี้ยังไม่มีประกาศ",
        "published_on": "เผยแพร่เมื่อ {date}",
        "updated_on": "อัปเดตเมื่อ {date}",
        "category": "หมวดหมู่",
        "contact": "ติดต่อสอบถาม",
        "machine_translation_notice": (
            "หน้านี้แปลโดยอัตโนมัติด้วยระบบแปลภาษาด้วยเครื่อง อาจมีข้อผิดพลาด ต้นฉบับภาษาญี่ปุ่นเป็นฉบับทางการ"
        ),
        "read_original": "อ่านต้นฉบับภาษาญี่ปุ่น",
        "may_contain_errors": (
            "ประโยคบางส่วนในหน้านี้ถูกระบบตรวจสอบอัตโนมัติทำเครื่องหมายไว้ "
            "และอาจมีข้อผิดพลาด โปรดตรวจสอบกับต้นฉบับภาษาญี่ปุ่น"
        ),
        "listen_heading": "ฟังประกาศนี้",
        "audio_player_label": "เสียงอ่านประกาศนี้เป็นภาษา{language}",
        "download_audio": "ดาวน์โหลดไฟล์เสียง (MP3, {duration})",
        "audio_not_supported": "เบราว์เซอร์ของคุณเล่นเสียงนี้ไม่ได้ โปรดดาวน์โหลดไฟล์แทน",
        "audio_unavailable": "ยังไม่มีเสียงอ่านในภาษานี้",
        "audio_substitute_voice": "เสียงนี้อ่านด้วยเสียง {voice} เนื่องจากยังไม่มีเสียงอ่านภาษา{language}",
        "captions_link": "บทถอดความพร้อมเวลา (WebVTT)",
        "playback_speed": "ความเร็วในการเล่น",
        "breadcrumb_label": "ตำแหน่งปัจจุบัน",
        "home": "หน้าแรก",
        "back_to_index": "กลับไปยังประกาศทั้งหมด",
        "footer_accessibility": "การเข้าถึง",
        "footer_note": "Kakehashi เผยแพร่ประกาศของ {city} ในหลายภาษา พร้อมเสียงอ่าน",
        "not_found_heading": "ไม่พบหน้าที่ต้องการ",
        "not_found_text": "หน้านี้ไม่มีอยู่หรือถูกลบไปแล้ว โปรดเลือกภาษาของคุณเพื่อดูประกาศปัจจุบัน",
        "accessibility_heading": "ถ้อยแถลงด้านการเข้าถึง",
        "accessibility_text": (
            "{city} ตั้งเป้าให้เว็บไซต์เป็นไปตามมาตรฐาน WCAG 2.2 ระดับ "
            "AA (JIS X 8341-3) ประกาศทุกฉบับมีเสียงอ่าน และอ่านได้ด้วยโปรแกรมอ่านหน้าจอ "
            "หากส่วนใดใช้งานยาก โปรดติดต่อเรา"
        ),
        "category_garbage": "ขยะและการรีไซเคิล",
        "category_health": "สุขภาพ",
        "category_disaster": "ภัยพิบัติและเหตุฉุกเฉิน",
        "category_procedures": "การยื่นเรื่องและเอกสาร",
        "category_water": "น้ำประปา",
        "category_event": "กิจกรรม",
        "category_other": "ประกาศอื่น ๆ",
        "next_page": "หน้าถัดไป",
        "previous_page": "หน้าก่อนหน้า",
        "seconds_unit": "{minutes} นาที {seconds} วินาที",
        "show_furigana": "แสดงฟุริงานะ (ตัวช่วยอ่านคันจิ)",
        "hide_furigana": "ซ่อนฟุริงานะ",
        "contact_prefix_spoken": "ติดต่อสอบถาม:",
        "search": "ค้นหา",
        "search_label": "ค้นหาประกาศ",
        "search_button": "ค้นหา",
        "search_needs_js": (
            "การค้นหาต้องใช้ JavaScript หากไม่มี JavaScript คุณยังดูประกาศทั้งหมดหรือค้นหาตามหมวดหมู่ได้:"
        ),
        "search_results": "พบประกาศ {count} รายการ",
        "search_no_results": "ไม่พบประกาศ",
        "search_loading": "กำลังค้นหา…",
        "search_error": "ขณะนี้ไม่สามารถใช้การค้นหาได้ โปรดดูรายการประกาศแทน",
        "all_notices": "ประกาศทั้งหมด",
        "categories_heading": "หมวดหมู่",
        "subscribe_heading": "ติดตามข่าวสาร",
        "atom_feed": "ฟีดข่าว (Atom)",
        "podcast_feed": "พอดแคสต์ (เสียงอ่านประกาศทุกฉบับ)",
        "subscribe_help": "คัดลอกลิงก์ฟีดไปใส่ในแอปอ่านฟีดหรือแอปพอดแคสต์ เพื่อรับประกาศใหม่โดยอัตโนมัติ",
        "podcast_description": "เสียงอ่านประกาศทางการของ {city} ในภาษานี้",
        "audio_available": "มีเสียงอ่าน",
        "previous_sentence": "ประโยคก่อนหน้า",
        "next_sentence": "ประโยคถัดไป",
        "readalong_hint": "ประโยคที่กำลังอ่านจะถูกเน้นสี เลือกประโยคเพื่อเล่นจากตรงนั้น",
        "pagination_label": "หน้า",
        "archive_heading": "ประกาศแยกตามเดือน",
        "page_n": "หน้า {page}",
        "moved_heading": "รายการนี้ย้ายไปแล้ว",
        "accessibility_features_heading": "สิ่งที่เว็บไซต์นี้มีให้",
        "accessibility_feature_audio": (
            "ประกาศทุกฉบับมีเสียงอ่าน ซึ่งคุณเล่นได้ ดาวน์โหลดเป็น MP3 ได้ หรือรับผ่านพอดแคสต์ได้"
        ),
        "accessibility_feature_languages": (
            "ประกาศเผยแพร่ในหลายภาษา หน้าที่แปลด้วยเครื่องจะมีข้อความแจ้งและมีลิงก์ไปยังต้นฉบับภาษาญี่ปุ่น"
        ),
        "accessibility_feature_furigana": "หน้าภาษาญี่ปุ่นแสดงพร้อมฟุริงานะ (คำอ่านของคันจิ) ได้",
        "accessibility_feature_no_js": (
            "ทุกหน้าใช้งานได้โดยไม่ต้องใช้ JavaScript ใช้บนหน้าจอขนาดเล็กได้ และขยายตัวอักษรได้ถึง 200%"
        ),
        "accessibility_limitations_heading": "ข้อจำกัดที่ทราบ",
        "accessibility_limitations": (
            "การแปลด้วยเครื่องและฟุริงานะที่ใส่โดยอัตโนมัติอาจมีข้อผิดพลาด ต้นฉบับภาษาญี่ปุ่นคือเนื้อหาที่เป็นทางการ"
        ),
    },
    "my": {
        "site_name": "{city} အများပြည်သူ သတင်းအချက်အလက်",
        "skip_to_content": "ပင်မအကြောင်းအရာသို့ ကျော်သွားရန်",
        "language_switcher_label": "ဤစာမျက်နှာကို အခြားဘာသာစကားဖြင့် ဖတ်ရန်",
        "choose_language_heading": "သင့်ဘာသာစကားကို ရွေးချယ်ပါ",
        "choose_language_intro": "{city} ၏ တရားဝင်အသိပေးချက်များကို သင့်ဘာသာစကားဖြင့် အသံနှင့်တကွ ဖတ်ရှုနိုင်ပါသည်။",
        "latest_notices": "နောက်ဆုံးအသိပေးချက်များ",
        "no_notices": "လက်ရှိတွင် အသိပေးချက် မရှိသေးပါ။",
        "published_on": "ထုတ်ပြန်သည့်ရက်စွဲ: {date}",
        "updated_on": "ပြင်ဆင်သည့်ရက်စွဲ: {date}",
        "category": "အမျိုးအစား",
        "contact": "ဆက်သွယ်ရန်",
        "machine_translation_notice": (
            "ဤစာမျက်နှာကို စက်ဘာသာပြန်စနစ်ဖြင့် အလိုအလျောက် ဘာသာပြန်ထားပါသည်။ "
            "အမှားများ ပါဝင်နိုင်ပါသည်။ ဂျပန်ဘာသာ မူရင်းသည် တရားဝင်မူ ဖြစ်ပါသည်။"
        ),
        "read_original": "ဂျပန်ဘာသာ မူရင်းကို ဖတ်ရန်",
        "may_contain_errors": (
            "ဤစာမျက်နှာရှိ စာကြောင်းအချို့ကို အလိုအလျောက်စစ်ဆေးမှုက မှတ်သားထားသဖြင့် အမှားများ ပါဝင်နိုင်ပါသည်။ "
            "ဂျပန်ဘာသာ မူရင်းကို စစ်ဆေးကြည့်ပါ။"
        ),
        "listen_heading": "ဤအသိပေးချက်ကို နားထောင်ရန်",
        "audio_player_label": "ဤအသိပေးချက်၏ {language} အသံဖိုင်",
        "download_audio": "အသံဖိုင်ကို ဒေါင်းလုဒ်လုပ်ရန် (MP3, {duration})",
        "audio_not_supported": "သင့်ဘရောက်ဇာတွင် ဤအသံကို ဖွင့်၍မရပါ။ ဒေါင်းလုဒ်လုပ်၍ နားထောင်ပါ။",
        "audio_unavailable": "ဤဘာသာစကားဖြင့် အသံဖိုင် မရရှိနိုင်သေးပါ။",
        "audio_substitute_voice": "{language} အသံ မရှိသေးသောကြောင့် ဤအသံဖိုင်ကို {voice} အသံဖြင့် ဖတ်ထားပါသည်။",
        "captions_link": "အချိန်မှတ်ပါသော စာသားမှတ်တမ်း (WebVTT)",
        "playback_speed": "ဖွင့်သည့်အမြန်နှုန်း",
        "breadcrumb_label": "သင်ရောက်နေသောနေရာ",
        "home": "ပင်မစာမျက်နှာ",
        "back_to_index": "အသိပေးချက်အားလုံးသို့ ပြန်သွားရန်",
        "footer_accessibility": "လက်လှမ်းမီမှု",
        "footer_note": "Kakehashi သည် {city} ၏ အသိပေးချက်များကို ဘာသာစကားများစွာဖြင့် အသံနှင့်တကွ ထုတ်ပြန်ပါသည်။",
        "not_found_heading": "စာမျက်နှာ ရှာမတွေ့ပါ",
        "not_found_text": (
            "ဤစာမျက်နှာ မရှိပါ သို့မဟုတ် ဖယ်ရှားလိုက်ပြီ ဖြစ်ပါသည်။ လက်ရှိအသိပေးချက်များကို ကြည့်ရန် သင့်ဘာသာစကားကို ရွေးချယ်ပါ။"
        ),
        "accessibility_heading": "လက်လှမ်းမီမှုဆိုင်ရာ ထုတ်ပြန်ချက်",
        "accessibility_text": (
            "{city} သည် WCAG 2.2 အဆင့် AA (JIS X 8341-3) နှင့် ကိုက်ညီရန် ရည်မှန်းထားပါသည်။ "
            "အသိပေးချက်တိုင်းတွင် အသံဖိုင်ပါရှိပြီး မျက်နှာပြင်ဖတ်ဆော့ဖ်ဝဲ (screen reader) ဖြင့် ဖတ်နိုင်ပါသည်။ "
            "အသုံးပြုရ ခက်ခဲသည့်အရာ ရှိပါက ကျွန်ုပ်တို့ထံ ဆက်သွယ်ပါ။"
        ),
        "category_garbage": "အမှိုက်နှင့် ပြန်လည်အသုံးပြုခြင်း",
        "category_health": "ကျန်းမာရေး",
        "category_disaster": "သဘာဝဘေးနှင့် အရေးပေါ်အခြေအနေ",
        "category_procedures": "လုပ်ထုံးလုပ်နည်းများ",
        "category_water": "ရေပေးဝေရေး",
        "category_event": "ပွဲအစီအစဉ်များ",
        "category_other": "အခြားအသိပေးချက်များ",
        "next_page": "နောက်စာမျက်နှာ",
        "previous_page": "ယခင်စာမျက်နှာ",
        "seconds_unit": "{minutes} မိနစ် {seconds} စက္ကန့်",
        "show_furigana": "ဖူရိဂါနာ ပြရန် (ခန်းဂျိ ဖတ်နည်း အကူအညီ)",
        "hide_furigana": "ဖူရိဂါနာ ဖျောက်ရန်",
        "contact_prefix_spoken": "ဆက်သွယ်ရန်:",
        "search": "ရှာဖွေရန်",
        "search_label": "အသိပေးချက်များကို ရှာဖွေရန်",
        "search_button": "ရှာမည်",
        "search_needs_js": (
            "ရှာဖွေရန် JavaScript လိုအပ်ပါသည်။ JavaScript မရှိလျှင်လည်း အသိပေးချက်အားလုံးကို ကြည့်နိုင်သည် သို့မဟုတ် "
            "အမျိုးအစားအလိုက် ရှာနိုင်ပါသည်-"
        ),
        "search_results": "အသိပေးချက် {count} ခု တွေ့ရှိပါသည်။",
        "search_no_results": "အသိပေးချက် မတွေ့ပါ။",
        "search_loading": "ရှာဖွေနေသည်…",
        "search_error": "ယခု ရှာဖွေ၍ မရနိုင်ပါ။ အသိပေးချက်စာရင်းကို ကြည့်ပါ။",
        "all_notices": "အသိပေးချက်အားလုံး",
        "categories_heading": "အမျိုးအစားများ",
        "subscribe_heading": "စာရင်းသွင်းရန်",
        "atom_feed": "သတင်း feed (Atom)",
        "podcast_feed": "ပေါ့ဒ်ကာစ် (အသိပေးချက်တိုင်း၏ အသံ)",
        "subscribe_help": (
            "အသိပေးချက်အသစ်များကို အလိုအလျောက် ရရှိရန် feed လင့်ခ်ကို feed reader သို့မဟုတ် ပေါ့ဒ်ကာစ် အက်ပ်တွင် ကူးထည့်ပါ။"
        ),
        "podcast_description": "{city} ၏ တရားဝင်အသိပေးချက်များကို ဤဘာသာစကားဖြင့် ဖတ်ပြထားသော အသံဖိုင်များ။",
        "audio_available": "အသံပါသည်",
        "previous_sentence": "ယခင်စာကြောင်း",
        "next_sentence": "နောက်စာကြောင်း",
        "readalong_hint": (
            "ဖတ်နေသော စာကြောင်းကို အရောင်ဖြင့် ပြပါမည်။ စာကြောင်းတစ်ကြောင်းကို ရွေးလျှင် ထိုနေရာမှ စဖွင့်ပါမည်။"
        ),
        "pagination_label": "စာမျက်နှာများ",
        "archive_heading": "လအလိုက် အသိပေးချက်များ",
        "page_n": "စာမျက်နှာ {page}",
        "moved_heading": "ဤစာရင်းကို ရွှေ့ပြောင်းထားပါသည်",
        "accessibility_features_heading": "ဤဝဘ်ဆိုက်က ပေးသော အရာများ",
        "accessibility_feature_audio": (
            "အသိပေးချက်တိုင်းတွင် အသံဖိုင်ပါရှိပြီး ဖွင့်နားထောင်ခြင်း၊ MP3 အဖြစ် ဒေါင်းလုဒ်လုပ်ခြင်း သို့မဟုတ် ပေါ့ဒ်ကာစ်အဖြစ် "
            "ရယူခြင်း ပြုလုပ်နိုင်ပါသည်။"
        ),
        "accessibility_feature_languages": (
            "အသိပေးချက်များကို ဘာသာစကားများစွာဖြင့် ထုတ်ပြန်ပါသည်။ စက်ဘာသာပြန်ထားသော စာမျက်နှာများကို ဖော်ပြထားပြီး "
            "ဂျပန်ဘာသာ မူရင်းသို့ လင့်ခ် ပါရှိပါသည်။"
        ),
        "accessibility_feature_furigana": (
            "ဂျပန်ဘာသာ စာမျက်နှာများကို ဖူရိဂါနာ (ခန်းဂျိ ဖတ်နည်း) ဖြင့် ပြသနိုင်ပါသည်။"
        ),
        "accessibility_feature_no_js": (
            "စာမျက်နှာတိုင်းကို JavaScript မပါဘဲ၊ မျက်နှာပြင်သေးများတွင်နှင့် စာလုံးကို 200% အထိ ချဲ့ထားသော်လည်း "
            "အသုံးပြုနိုင်ပါသည်။"
        ),
        "accessibility_limitations_heading": "သိရှိထားသော ကန့်သတ်ချက်များ",
        "accessibility_limitations": (
            "စက်ဘာသာပြန်ခြင်းနှင့် အလိုအလျောက်ထည့်ထားသော ဖူရိဂါနာတွင် အမှားများ ပါဝင်နိုင်ပါသည်။ ဂျပန်ဘာသာ မူရင်းသည် "
            "တရားဝင်စာသား ဖြစ်ပါသည်။"
        ),
    },
}

DATE_FORMATS: Final[Mapping[str, str]] = {
    "ja": "{year}年{month}月{day}日",
    "en": "{year}-{month:02}-{day:02}",
    "pt": "{day}/{month}/{year}",
    "es": "{day}/{month}/{year}",
    "vi": "{day}/{month}/{year}",
    "tl": "{month}/{day}/{year}",
    "zh": "{year}年{month}月{day}日",
    "zh-Hant": "{year}年{month}月{day}日",
    "ko": "{year}년 {month}월 {day}일",
    "id": "{day}/{month}/{year}",
    "ne": "{year}/{month}/{day}",
    "th": "{day}/{month}/{year}",
    "my": "{day}/{month}/{year}",
}
"""``str.format`` patterns taking the integers ``year``, ``month`` and ``day``.

Numeric forms only, so that no month names need translating. English uses ISO 8601 because
both day/month and month/day orders are common among English readers; Filipino follows the
month/day/year order used in the Philippines; Nepali writes the year first, as in Nepal.
All dates are Gregorian and written with ASCII digits.
"""


MONTH_FORMATS: Final[Mapping[str, str]] = {
    "ja": "{year}年{month}月",
    "en": "{year}-{month:02}",
    "pt": "{month:02}/{year}",
    "es": "{month:02}/{year}",
    "vi": "{month:02}/{year}",
    "tl": "{month}/{year}",
    "zh": "{year}年{month}月",
    "zh-Hant": "{year}年{month}月",
    "ko": "{year}년 {month}월",
    "id": "{month:02}/{year}",
    "ne": "{year}/{month:02}",
    "th": "{month:02}/{year}",
    "my": "{month:02}/{year}",
}
"""A month (archive headings), numeric and in the same order as :data:`DATE_FORMATS`."""


def ui_text(language: str, key: str, /, **values: str) -> str:
    """Look up a string, falling back to English for an unknown language; ``str.format`` the values.

    ``language`` and ``key`` are positional-only so that ``language=`` (and any other name) can
    be passed as a placeholder value.  An unknown ``key`` or a missing value raises ``KeyError``.
    """
    strings = UI_STRINGS.get(language, UI_STRINGS[FALLBACK_LANGUAGE])
    return strings[key].format(**values)


def format_date(language: str, year: int, month: int, day: int) -> str:
    """Write a date as readers of ``language`` expect, e.g. ``2025年3月5日`` or ``2025-03-05``.

    An unknown language falls back to English; an impossible date raises ``ValueError``.
    """
    date = datetime.date(year, month, day)
    pattern = DATE_FORMATS.get(language, DATE_FORMATS[FALLBACK_LANGUAGE])
    return pattern.format(year=date.year, month=date.month, day=date.day)


def format_month(language: str, year: int, month: int) -> str:
    """Write a month as readers of ``language`` expect, e.g. ``2025年3月`` or ``2025-03``."""
    datetime.date(year, month, 1)  # an impossible month raises ValueError
    pattern = MONTH_FORMATS.get(language, MONTH_FORMATS[FALLBACK_LANGUAGE])
    return pattern.format(year=year, month=month)
