"""The interface in Danish and English, following the browser's language (Accept-Language).

Only the interface is translated: documents keep their own language, and findings are
the engine's messages, the same as in CI.
"""

from __future__ import annotations

from babel import Locale, UnknownLocaleError

LANGUAGES = ("en", "da")

_TEXTS: dict[str, tuple[str, str]] = {  # key: (English, Danish)
    "app": ("Editor's desk", "Redaktørens skrivebord"),
    "skip": ("Skip to main content", "Gå til hovedindholdet"),
    "nav": ("Site", "Navigation"),
    "nav.documents": ("Documents", "Dokumenter"),
    "nav.check": ("Check my text", "Tjek min tekst"),
    "documents.title": ("Documents", "Dokumenter"),
    "documents.intro": (
        "Every document of the project in each language, as saved, with its reading level "
        "(LIX) and the findings pipeline check reports for it.",
        "Alle projektets dokumenter på hvert sprog, som de er gemt, med deres læsbarhed (LIX) "
        "og de fund, som pipeline check finder i dem.",
    ),
    "documents.none": (
        "This folder holds no project: the check page works all the same.",
        "Mappen rummer intet projekt, men siden »Tjek min tekst« virker alligevel.",
    ),
    "col.document": ("Document", "Dokument"),
    "col.role": ("Role", "Rolle"),
    "col.band": ("Band", "Niveau"),
    "col.target": ("Target", "Mål"),
    "col.findings": ("Open findings", "Åbne fund"),
    "role.original": ("original", "original"),
    "role.translation": ("translation", "oversættelse"),
    "over": ("above target", "over målet"),
    "not-scored": ("not scored", "ikke målt"),
    "none": ("none", "ingen"),
    "errors": ("errors", "fejl"),
    "band.very easy": ("very easy", "meget let"),
    "band.easy": ("easy", "let"),
    "band.medium": ("medium", "middel"),
    "band.hard": ("hard", "svær"),
    "band.very hard": ("very hard", "meget svær"),
    "legend": ("How sentences are marked", "Sådan er sætningerne markeret"),
    "legend.hard": ("hard sentence: dotted underline", "svær sætning: prikket understregning"),
    "legend.very-hard": (
        "very hard sentence: double underline",
        "meget svær sætning: dobbelt understregning",
    ),
    "legend.term": ("glossary finding: boxed", "fund fra ordlisten: med ramme"),
    "legend.note": (
        "Only sentences of ten words or more are marked; each mark also says its LIX.",
        "Kun sætninger på ti ord eller flere markeres, og hver markering viser også LIX.",
    ),
    "reason": ("{words} words, {long} % long words", "{words} ord, {long} % lange ord"),
    "hardest": ("Hardest sentences", "De sværeste sætninger"),
    "hardest.none": ("No sentence of ten words or more.", "Ingen sætninger på ti ord eller flere."),
    "findings": ("Findings", "Fund"),
    "findings.none": ("No open findings.", "Ingen åbne fund."),
    "line": ("line", "linje"),
    "sev.error": ("error", "fejl"),
    "sev.warning": ("warning", "advarsel"),
    "sev.info": ("info", "info"),
    "side": ("Text and translation side by side", "Tekst og oversættelse side om side"),
    "untranslated": ("(not translated)", "(ikke oversat)"),
    "sections": ("Sections", "Afsnit"),
    "harder": ("harder than its source", "sværere end originalen"),
    "check.title": ("Check my text", "Tjek min tekst"),
    "check.intro": (
        "Paste or type a text in Markdown. Its reading level, its hard sentences and the "
        "glossary's findings follow as you type, by the same rules as pipeline check.",
        "Indsæt eller skriv en tekst i Markdown. Læsbarhed, svære sætninger og ordlistens "
        "fund følger med, mens du skriver, efter de samme regler som pipeline check.",
    ),
    "check.text": ("Your text", "Din tekst"),
    "check.lang": ("Language of the text", "Tekstens sprog"),
    "check.results": ("Results", "Resultat"),
    "check.waiting": ("Type a text to see its scores.", "Skriv en tekst for at se resultatet."),
    "check.working": ("Checking…", "Tjekker …"),
    "check.failed": ("The check failed:", "Tjekket mislykkedes:"),
    "check.flesch-da": ("only for English", "kun for engelsk"),
    "check.other-language": (
        "Sentences in another language, left out",
        "Sætninger på et andet sprog, udeladt",
    ),
    "check.too-short": (
        "too few words to judge the text's level: 100 needed",
        "for få ord til at bedømme tekstens niveau: der skal 100 til",
    ),
    "check.words": ("Words", "Ord"),
    "check.sentences": ("Sentences", "Sætninger"),
    "check.terms": ("Glossary and other findings", "Ordliste og andre fund"),
    "check.left-out": ("Not checked", "Ikke tjekket"),
    "check.button": ("Check now", "Tjek nu"),
    "notfound": ("Page not found", "Siden findes ikke"),
    "notfound.text": ("There is no such page here.", "Den side findes ikke her."),
    "back": ("Back to the documents", "Tilbage til dokumenterne"),
    "lang.da": ("Danish", "Dansk"),
    "lang.en": ("English", "Engelsk"),
}
# What each rule is about, in Danish: said before the engine's English message. In
# English the message says it already.
_RULES_DA = {
    "a11y/abbreviation": "En forkortelse bruges, før den er skrevet helt ud.",
    "a11y/heading-order": (
        "Overskrifterne springer et niveau over, eller siden begynder ikke med én h1."
    ),
    "a11y/image-language": (
        "En oversat side har et billede, hvor teksten stadig står på originalens sprog."
    ),
    "a11y/language-of-parts": (
        "Et stykke tekst står på et af projektets andre sprog; eksporten markerer det med lang."
    ),
    "a11y/link-text": "Teksten i et link er tom eller siger intet i sig selv (fx »klik her«).",
    "a11y/missing-alt": "Et billede har ingen alternativ tekst, eller teksten siger intet om det.",
    "a11y/missing-glyph": "PDF'ens skrifttyper mangler et tegn, så det vises som en tom boks.",
    "a11y/missing-lang": "En side eller et stykke tekst mangler en gyldig sprogangivelse (lang).",
    "a11y/table-headers": "En tabel har ingen overskrifter for kolonner eller rækker.",
    "links/broken": "Et link peger på en fil eller en overskrift, der ikke findes.",
    "meta/unused-suppression": "En kommentar, der skal skjule et fund, skjuler intet.",
    "readability/document-level": "Dokumentets læsbarhed (LIX) ligger over eller under målet.",
    "readability/long-sentence": "En sætning har flere ord, end læseren kan holde fast i.",
    "readability/long-words": "En sætning har mange lange ord (mere end seks bogstaver).",
    "readability/translation-harder": "En oversættelse er meget sværere at læse end originalen.",
    "resource/refused-image": (
        "Et billede ligger uden for projektet, findes ikke eller er en afvist webadresse."
    ),
    "spelling/unknown-word": (
        "Et ord findes hverken i ordbogen eller i ordlisten: måske en slåfejl eller et nyt ord."
    ),
    "term/deprecated": "Teksten bruger et udtryk, som ordlisten fraråder.",
    "term/inconsistent": "Det samme begreb skrives med forskellige ord i projektet.",
    "term/missing-translation": "Et begreb fra originalen er ikke oversat med ordlistens ord.",
    "term/untranslatable": "Et navn, der skal stå uændret, er ændret i oversættelsen.",
    "translation/fuzzy": "Oversættelsen er markeret som usikker (fuzzy) og skal læses igennem.",
    "translation/inconsistent": "Den samme tekst er oversat på flere måder.",
    "translation/length": "En oversættelse er meget længere eller kortere end originalen.",
    "translation/links": "Et link fra originalen mangler eller peger et andet sted hen.",
    "translation/markup": "Fremhævning, kode, links eller billeder fra originalen mangler.",
    "translation/numbers": "Tallene i originalen og oversættelsen er ikke de samme.",
    "translation/outdated": (
        "En oversættelsesfil (katalog) mangler eller er ikke opdateret efter originalen."
    ),
    "translation/placeholders": (
        "Pladsholdere som {name} eller %s er ikke de samme som i originalen."
    ),
    "translation/punctuation": "Oversættelsen slutter med et andet tegn end originalen.",
    "translation/unchanged": (
        "En lang tekst står uændret i oversættelsen, så den er nok ikke oversat."
    ),
    "translation/untranslated": "Teksten er ikke oversat endnu.",
    "translation/whitespace": (
        "Mellemrum i start eller slut afviger fra originalen, eller der er dobbelte mellemrum."
    ),
    "translation/wrong-language": "En oversættelse står helt eller delvis på et andet sprog.",
}
_TEXTS.update({f"rule.{rule}": ("", said) for rule, said in _RULES_DA.items()})


def negotiate(accept_language: str | None) -> str:
    """The interface language: the first of the browser's languages we speak, else English."""
    for tag in _preferences(accept_language or ""):
        primary = tag.split("-")[0].lower()
        if primary in LANGUAGES:
            return primary
    return "en"


def _preferences(header: str) -> list[str]:
    """Accept-Language's tags, most wanted first ("da, en;q=0.8" → ["da", "en"])."""
    weighted = []
    for position, part in enumerate(header.split(",")):
        tag, _, parameters = part.strip().partition(";")
        quality = 1.0
        if parameters.strip().startswith("q="):
            try:
                quality = float(parameters.strip()[2:])
            except ValueError:
                quality = 0.0
        if tag and quality > 0:
            weighted.append((-quality, position, tag))
    return [tag for _, _, tag in sorted(weighted)]


def texts(ui: str) -> dict[str, str]:
    """Every interface text in language `ui`."""
    index = LANGUAGES.index(ui)
    return {key: pair[index] for key, pair in _TEXTS.items()}


def language_name(code: str, ui: str) -> str:
    """A language's name in the interface language: "da" is "Danish" or "dansk"."""
    try:
        return Locale.parse(code.replace("-", "_")).get_display_name(ui) or code
    except (UnknownLocaleError, ValueError):
        return code
