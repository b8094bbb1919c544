#!/usr/bin/python3
"""Make realistic "browser copies" of wiki articles: the text a reader gets by selecting all
on a rendered Wikipedia page in a desktop (or mobile) browser and pasting it as plain text.

usage: browser_copy.py WIKI_DIR OUT_DIR [--seed N] [--variants V[,V...]] [--refnum STYLE]

For every WIKI_DIR/NAME.wiki it writes
  OUT_DIR/NAME.txt     the page copy: site chrome, title, hatnotes, infobox rows, lead,
                       a Contents box, headings with edit marks, captions, lists, tables,
                       citation markers, the reference list, "Retrieved from", categories
  OUT_DIR/NAME.refs    the number of reference-list entries emitted (notes included);
                       a second line "numbered N" counts only the main (numbered) list
  OUT_DIR/NAME.kinds   one word per line of NAME.txt telling what that line is (title,
                       chrome, toc, heading, edit, para, caption, list, table, infobox,
                       hatnote, maint, ref, cat, navbox, ...) so errors can be attributed
and OUT_DIR/titles.tsv (NAME<TAB>title).  Only the standard library and mwparserfromhell
are used: templates are not expanded from a template database; the common ones are rendered
by hand (CS1 citations, hatnotes, maintenance boxes, convert, dates, infobox rows...), the
rest are dropped as pandoc would.

Variants (the skin and the copying browser):
  vector2010         classic desktop skin: title first, chrome after the article, numbered
                     Contents box, "Heading[edit]" (or "[edit source]"), entries "1. ^ text"
  vector2010-indent  the same with list bullets "•" and entries "  1. ^ text" (Firefox-like,
                     the shape eval_plaintext.py --ref-list counts)
  vector2022         new desktop skin: menus and the sidebar Contents (unnumbered, with
                     "Toggle X subsection" lines) BEFORE the title, "[edit]" on the line
                     after each heading, entries "^ text" (Chrome copies no list numbers)
  mobile             mobile skin: no Contents, no edit marks, no categories, "^ text"
  mixed              each article draws one of the above (and its knobs) from the seed
"""
import argparse, html, os, random, re, sys

import mwparserfromhell as mw
from mwparserfromhell.nodes import (Argument, Comment, ExternalLink, Heading, HTMLEntity, Tag,
                                    Template, Text, Wikilink)

VARIANTS = ["vector2010", "vector2010-indent", "vector2022", "mobile"]

# ---------------------------------------------------------------------------------------
# Language-dependent strings (the corpus has English and German articles)

STR = {
    "en": dict(
        from_wp="From Wikipedia, the free encyclopedia",
        jump=["Jump to navigation", "Jump to search"], jump_content="Jump to content",
        contents="Contents", hide=["[hide]", "hide", "Hide"], edit=["[edit]", "[edit source]"],
        edit_ve="[edit | edit source]", caret="^", retrieved='Retrieved from "{url}"',
        host="en.wikipedia.org", cats="Categories: ", cat1="Category: ",
        hidden_cats="Hidden categories: ", toggle="Toggle {h} subsection", top="(Top)",
        main="Main article: ", mains="Main articles: ", see_also="See also: ",
        further="Further information: ", cn="[citation needed]",
        months=["January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December"],
        edited="This page was last edited on {d} {mo} {y}, at {hh}:{mm} (UTC).",
        edited_m="Last edited on {d} {mo} {y}, at {hh}:{mm}",
        license="Text is available under the Creative Commons Attribution-ShareAlike License; "
                "additional terms may apply. By using this site, you agree to the Terms of Use and "
                "Privacy Policy. Wikipedia® is a registered trademark of the Wikimedia Foundation, "
                "Inc., a non-profit organization.",
        license4="Text is available under the Creative Commons Attribution-ShareAlike 4.0 License; "
                 "additional terms may apply. By using this site, you agree to the Terms of Use and "
                 "Privacy Policy. Wikipedia® is a registered trademark of the Wikimedia Foundation, "
                 "Inc., a non-profit organization.",
        license_m="Content is available under CC BY-SA 4.0 unless otherwise noted.",
        redirect_page="Redirect page", languages="{n} languages", add_lang="Add languages",
    ),
    "de": dict(
        from_wp="Aus Wikipedia, der freien Enzyklopädie",
        jump=["Zur Navigation springen", "Zur Suche springen"], jump_content="Zum Inhalt springen",
        contents="Inhaltsverzeichnis", hide=["[Verbergen]", "Verbergen"],
        edit=["[Bearbeiten | Quelltext bearbeiten]", "[Quelltext bearbeiten]"],
        edit_ve="[Bearbeiten | Quelltext bearbeiten]", caret="↑",
        retrieved="Abgerufen von „{url}“", host="de.wikipedia.org", cats="Kategorien: ",
        cat1="Kategorie: ", hidden_cats="Versteckte Kategorie: ", toggle="Unterabschnitt {h} umschalten",
        top="(Anfang)", main="Hauptartikel: ", mains="Hauptartikel: ", see_also="Siehe auch: ",
        further="Weitere Informationen: ", cn="[Beleg fehlt]",
        months=["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
                "September", "Oktober", "November", "Dezember"],
        edited="Diese Seite wurde zuletzt am {d}. {mo} {y} um {hh}:{mm} Uhr bearbeitet.",
        edited_m="Zuletzt bearbeitet am {d}. {mo} {y} um {hh}:{mm}",
        license="Der Text ist unter der Lizenz „Creative Commons Attribution/Share Alike“ verfügbar; "
                "Informationen zu den Urhebern und zum Lizenzstatus eingebundener Mediendateien "
                "(etwa Bilder oder Videos) können im Regelfall durch Anklicken dieser abgerufen "
                "werden. Möglicherweise unterliegen die Inhalte jeweils zusätzlichen Bedingungen. "
                "Durch die Nutzung dieser Website erklären Sie sich mit den Nutzungsbedingungen und "
                "der Datenschutzrichtlinie einverstanden.",
        license4="Der Text ist unter der Lizenz „Creative-Commons Namensnennung – Weitergabe unter "
                 "gleichen Bedingungen“ verfügbar; Informationen zu den Urhebern und zum "
                 "Lizenzstatus eingebundener Mediendateien (etwa Bilder oder Videos) können im "
                 "Regelfall durch Anklicken dieser abgerufen werden.",
        license_m="Der Inhalt ist verfügbar unter CC BY-SA 4.0, sofern nicht anders angegeben.",
        redirect_page="Weiterleitung", languages="{n} Sprachen", add_lang="Sprachen hinzufügen",
    ),
}

STR["af"] = dict(
    STR["en"], from_wp="Uit Wikipedia, die vrye ensiklopedie", jump=["Spring na navigasie", "Spring na soek"],
    jump_content="Spring na inhoud", contents="Inhoud", hide=["[versteek]", "versteek"],
    edit=["[wysig | wysig bron]", "[wysig bron]"], edit_ve="[wysig | wysig bron]", caret="↑",
    retrieved='Ontsluit van "{url}"', host="af.wikipedia.org", cats="Kategorieë: ", cat1="Kategorie: ",
    hidden_cats="Versteekte kategorie: ", toggle="Wissel subafdeling {h}", top="(Bo)",
    main="Hoofartikel: ", mains="Hoofartikels: ", see_also="Sien ook: ", further="Verdere inligting: ",
    cn="[bron benodig]",
    months=["Januarie", "Februarie", "Maart", "April", "Mei", "Junie", "Julie", "Augustus", "September",
            "Oktober", "November", "Desember"],
    edited="Hierdie bladsy is laas op {d} {mo} {y} om {hh}:{mm} bygewerk.",
    edited_m="Laas gewysig op {d} {mo} {y} om {hh}:{mm}",
    license="Die teks is beskikbaar onder die lisensie Creative Commons Erkenning-Deel Insgelyks. "
            "Aanvullende voorwaardes kan moontlik ook van toepassing wees. Sien die Gebruiksvoorwaardes "
            "vir meer inligting.",
    license4="Die teks is beskikbaar onder die lisensie Creative Commons Erkenning-Deel Insgelyks 4.0. "
             "Aanvullende voorwaardes kan moontlik ook van toepassing wees.",
    license_m="Inhoud is beskikbaar onder CC BY-SA 4.0 tensy anders vermeld.",
    redirect_page="Aanstuurblad", languages="{n} tale", add_lang="Voeg tale by")

NAV2010 = {
    "en": """Navigation menu
Personal tools
Not logged in
Talk
Contributions
Create account
Log in
Namespaces
Article
Talk
Variants
Views
Read
{edit_tab}
View history
More
Search
{search}
Navigation
Main page
Contents
Featured content
Current events
Random article
Donate to Wikipedia
Wikipedia store
Interaction
Help
About Wikipedia
Community portal
Recent changes
Contact page
Tools
What links here
Related changes
Upload file
Special pages
Permanent link
Page information
Wikidata item
Cite this page
{print}
Languages
{langs}
Edit links""",
    "af": """Navigasiemenu
Persoonlike gereedskap
Nie aangeteken nie
Bespreking
Bydraes
Skep rekening
Teken in
Naamruimtes
Artikel
Bespreking
Variante
Aansigte
Lees
{edit_tab}
Wys geskiedenis
Meer
Soek
{search}
Navigasie
Tuisblad
Onlangse wysigings
Lukrake bladsy
Hulp
Gemeenskapsportaal
Sandput
Nutsgoed
Skakels hierheen
Verwante veranderings
Spesiale bladsye
Permanente skakel
Bladinligting
Wikidata-item
Haal dié blad aan
{print}
In ander tale
{langs}
Wysig skakels""",
    "de": """Navigationsmenü
Meine Werkzeuge
Nicht angemeldet
Diskussionsseite
Beiträge
Benutzerkonto erstellen
Anmelden
Namensräume
Artikel
Diskussion
Varianten
Ansichten
Lesen
{edit_tab}
Versionsgeschichte
Mehr
Suche
{search}
Navigation
Hauptseite
Themenportale
Zufälliger Artikel
Mitmachen
Artikel verbessern
Neuen Artikel anlegen
Autorenportal
Hilfe
Letzte Änderungen
Kontakt
Spenden
Werkzeuge
Links auf diese Seite
Änderungen an verlinkten Seiten
Spezialseiten
Permanenter Link
Seiteninformationen
Wikidata-Datenobjekt
Artikel zitieren
{print}
In anderen Sprachen
{langs}
Links bearbeiten""",
}
PRINT = {"en": ["Print/export\nCreate a book\nDownload as PDF\nPrintable version",
                "Print/export\nDownload as PDF\nPrintable version"],
         "af": ["Druk/eksporteer\nSkep boek\nLaai af as PDF\nDrukbare weergawe"],
         "de": ["Drucken/exportieren\nBuch erstellen\nAls PDF herunterladen\nDruckversion"]}
FOOTER2010 = {"af": "Privaatheidsbeleid\nInligting oor Wikipedia\nVrywaring\nOntwikkelaars\n"
                    "Koekieverklaring\nMobiele aansig","en": "Privacy policy\nAbout Wikipedia\nDisclaimers\nContact Wikipedia\nDevelopers\n"
                    "Cookie statement\nMobile view",
              "de": "Datenschutz\nÜber Wikipedia\nImpressum\nEntwickler\nStatistiken\n"
                    "Cookie-Erklärung\nMobile Ansicht"}
HEAD2022 = {"en": """{jump}
Main menu
Main menu
move to sidebar
hide
Navigation
Main page
Contents
Current events
Random article
About Wikipedia
Contact us
Contribute
Help
Learn to edit
Community portal
Recent changes
Upload file
Special pages
Search
Search
Appearance
Donate
Create account
Log in
Personal tools""",
            "de": """{jump}
Hauptmenü
Hauptmenü
In die Seitenleiste verschieben
Verbergen
Navigation
Hauptseite
Themenportale
Zufälliger Artikel
Spezialseiten
Mitmachen
Artikel verbessern
Neuen Artikel anlegen
Autorenportal
Hilfe
Letzte Änderungen
Kontakt
Spenden
Suche
Suchen
Erscheinungsbild
Benutzerkonto erstellen
Anmelden
Meine Werkzeuge"""}
TABS2022 = {"en": "Article\nTalk\nEnglish\nRead\nEdit\nView history\nTools",
            "de": "Artikel\nDiskussion\nDeutsch\nLesen\nBearbeiten\nQuelltext bearbeiten\n"
                  "Versionsgeschichte\nWerkzeuge"}
FOOTER2022 = {"en": "Privacy policy\nAbout Wikipedia\nDisclaimers\nContact Wikipedia\nCode of Conduct\n"
                    "Developers\nStatistics\nCookie statement\nMobile view",
              "de": "Datenschutz\nÜber Wikipedia\nImpressum\nVerhaltenskodex\nEntwickler\n"
                    "Statistiken\nStellungnahme zu Cookies\nMobile Ansicht"}
HEADMOBILE = {"en": "Open main menu\nWikipedia\nSearch", "de": "Hauptmenü öffnen\nWikipedia\nSuche"}
TABSMOBILE = {"en": ["Language\nWatch\nEdit", "{n} languages\nWatch\nEdit", "Watch\nEdit"],
              "de": ["Sprache\nBeobachten\nBearbeiten", "Beobachten\nBearbeiten"]}
FOOTMOBILE = {"en": "Privacy policy\nTerms of Use\nDesktop",
              "de": "Datenschutz\nNutzungsbedingungen\nDesktop"}
LANGS = ["العربية", "Български", "Català", "Čeština", "Dansk", "Deutsch", "Español", "Esperanto",
         "Euskara", "فارسی", "Français", "한국어", "Italiano", "עברית", "Magyar", "Nederlands",
         "日本語", "Norsk bokmål", "Polski", "Português", "Română", "Русский", "Suomi", "Svenska",
         "Türkçe", "Українська", "Tiếng Việt", "中文", "English"]
LANG_CODES = {"ar", "bg", "ca", "cs", "da", "de", "en", "es", "eo", "eu", "fa", "fr", "ko", "it",
              "he", "hu", "nl", "ja", "no", "nn", "pl", "pt", "ro", "ru", "fi", "sv", "tr", "uk",
              "vi", "zh", "simple", "id", "ms", "et", "el", "hr", "sr", "sh", "sl", "sk", "lt",
              "lv", "th", "hi", "ur", "bn", "ta", "af", "sq", "hy", "az", "be", "bs", "cy", "ga",
              "gl", "ka", "kk", "la", "mk", "mn", "ne", "oc", "pa", "sw", "tl", "te", "uz", "war",
              "ceb", "arz", "nds", "als", "bar", "lb", "li", "fy", "is", "ast", "an", "br", "ku"}

# ---------------------------------------------------------------------------------------
# small helpers

def clean(s):
    s = s.replace("\u00a0", " ").replace("\u200e", "").replace("\u200b", "")
    return re.sub(r"[ \t\r\n]+", " ", s).strip()


def tname(t):
    return clean(str(t.name)).replace("_", " ").lower()


def params(t):
    """positional list and named dict of a template's parameters (raw Wikicode)."""
    pos, named = [], {}
    for p in t.params:
        if p.showkey:
            named[clean(str(p.name)).lower()] = p.value
        else:
            pos.append(p.value)
    return pos, named


def alpha(n):
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s


def roman_lower(n):
    vals = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"),
            (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    out = ""
    for v, s in vals:
        while n >= v:
            out += s
            n -= v
    return out


IMAGE_NS = ("file:", "image:", "datei:", "bild:")
CAT_NS = ("category:", "kategorie:")
IMG_OPTS = re.compile(r"^(thumb|thumbnail|frame|framed|frameless|left|right|center|centre|none|"
                      r"upright(=.*)?|\d*x?\d+ ?px|alt=.*|link=.*|border|class=.*|lang=.*|page=.*|"
                      r"baseline|middle|sub|super|top|text-top|bottom|text-bottom|mini|miniatur|"
                      r"hochkant(=.*)?|rechts|links|zentriert|ohne|rahmenlos|gerahmt)$", re.I)


def split_bars(code):
    """split a Wikicode at top-level '|' characters -> list of lists of nodes."""
    parts, cur = [], []
    for n in code.nodes:
        if isinstance(n, Text) and "|" in n.value:
            bits = n.value.split("|")
            for i, b in enumerate(bits):
                if b:
                    cur.append(Text(b))
                if i < len(bits) - 1:
                    parts.append(cur)
                    cur = []
        else:
            cur.append(n)
    parts.append(cur)
    return parts


CONV = {  # unit: (factor to SI-ish base, base kind, singular, plural, abbreviation, default target)
    "mi": (1609.344, "len", "mile", "miles", "mi", "km"), "km": (1000, "len", "kilometre", "kilometres", "km", "mi"),
    "m": (1, "len", "metre", "metres", "m", "ft"), "ft": (0.3048, "len", "foot", "feet", "ft", "m"),
    "in": (0.0254, "len", "inch", "inches", "in", "cm"), "cm": (0.01, "len", "centimetre", "centimetres", "cm", "in"),
    "mm": (0.001, "len", "millimetre", "millimetres", "mm", "in"), "yd": (0.9144, "len", "yard", "yards", "yd", "m"),
    "nmi": (1852, "len", "nautical mile", "nautical miles", "nmi", "km"),
    "sqmi": (2589988.0, "area", "square mile", "square miles", "sq mi", "km2"),
    "km2": (1e6, "area", "square kilometre", "square kilometres", "km2", "sqmi"),
    "acre": (4046.856, "area", "acre", "acres", "acres", "ha"), "ha": (1e4, "area", "hectare", "hectares", "ha", "acre"),
    "m2": (1, "area", "square metre", "square metres", "m2", "sqft"), "sqft": (0.092903, "area", "square foot", "square feet", "sq ft", "m2"),
    "lb": (0.45359, "mass", "pound", "pounds", "lb", "kg"), "kg": (1, "mass", "kilogram", "kilograms", "kg", "lb"),
    "t": (1000, "mass", "tonne", "tonnes", "t", "LT"), "LT": (1016.05, "mass", "long ton", "long tons", "long tons", "t"),
    "ST": (907.18, "mass", "short ton", "short tons", "short tons", "t"),
    "km/h": (1 / 3.6, "speed", "kilometre per hour", "kilometres per hour", "km/h", "mph"),
    "mph": (0.44704, "speed", "mile per hour", "miles per hour", "mph", "km/h"),
    "kn": (0.514444, "speed", "knot", "knots", "kn", "km/h"),
    "hp": (745.7, "power", "horsepower", "horsepower", "hp", "kW"), "kW": (1000, "power", "kilowatt", "kilowatts", "kW", "hp"),
    "shp": (745.7, "power", "shaft horsepower", "shaft horsepower", "shp", "kW"),
}
SPELLED = {"mi", "sqmi", "acre", "ft", "in", "yd", "nmi", "LT", "ST", "hp", "shp", "kn"}


def convert(pos, named):
    vals = [clean(mw.parse(p).strip_code()) for p in pos]
    if len(vals) < 2:
        return " ".join(vals)
    v, unit = vals[0], vals[1]
    rng = None
    if unit in ("to", "-", "and", "or", "by", "x", "–") and len(vals) >= 4:
        rng, v2, unit = unit, vals[2], vals[3]
        target = vals[4] if len(vals) > 4 and vals[4] in CONV else None
    else:
        target = vals[2] if len(vals) > 2 and vals[2] in CONV else None
    if unit not in CONV:
        return f"{v} {unit}" if not rng else f"{v} {rng} {v2} {unit}"
    fac, kind, sg, pl, ab, dflt = CONV[unit]
    target = target or dflt
    tf = CONV.get(target, (1, kind, target, target, target, ""))

    def conv(x):
        try:
            f = float(x.replace(",", ""))
        except ValueError:
            return x
        r = f * fac / tf[0]
        dec = len(x.split(".")[1]) if "." in x else 0
        if dec == 0 and r >= 10:
            return f"{round(r):,}"
        return f"{r:,.{max(dec, 1)}f}"
    adj = clean(str(named.get("adj", ""))) == "on"
    abbr = clean(str(named.get("abbr", "")))
    name = ab if (abbr in ("on", "in") or unit not in SPELLED) else (sg if (v == "1" or adj) else pl)
    sep = "-" if adj and abbr not in ("on", "in") else " "
    if rng:
        return f"{v} {rng} {v2}{sep}{name} ({conv(v)}–{conv(v2)} {tf[4]})"
    return f"{v}{sep}{name} ({conv(v)} {tf[4]})"


# ---------------------------------------------------------------------------------------
# rendering

class Block:
    """lines that stand on their own in the copy: (kind, text) pairs."""
    def __init__(self, lines, where="body"):
        self.lines = lines
        self.where = where


class RefList:
    def __init__(self, group):
        self.group = group


class Page:
    def __init__(self, name, text, rng, opt, lang):
        self.name, self.rng, self.opt, self.lang = name, rng, opt, lang
        self.S = STR[lang]
        self.code = mw.parse(text)
        self.dmy = lang in ("de", "af") or bool(re.search(r"\{\{\s*use dmy", text, re.I))
        self.title = title_of(name)
        self.refs = {}          # group -> list of dict(num, name, content, uses)
        self.by_name = {}       # (group, name) -> entry
        self.sfn = {}           # key -> entry
        self.defs = {}          # (group, name) -> content Wikicode, list-defined or later
        self.extnum = 0
        self.cats, self.langlinks = [], []
        self.rendered_groups = set()
        self.notoc = "__NOTOC__" in text
        self.forcetoc = "__FORCETOC__" in text or "__TOC__" in text
        self.coord_title = None
        self.tpl_names = {}
        self.reparse_depth = 0
        self.collect_defs(self.code)

    # ---- references -------------------------------------------------------------------
    def collect_defs(self, code):
        for tag in code.filter_tags(recursive=True):
            if str(tag.tag).lower() == "ref" and not tag.self_closing and tag.contents is not None:
                nm = self.attr(tag, "name")
                if nm:
                    key = (self.attr(tag, "group") or None, nm)
                    self.defs.setdefault(key, tag.contents)

    @staticmethod
    def attr(tag, key):
        for a in tag.attributes:
            if clean(str(a.name)).lower() == key:
                return clean(str(a.value)).strip("\"'") if a.value is not None else ""
        return None

    def marker(self, group, num):
        if group is None:
            return f"[{num}]"
        if group in ("lower-alpha", "lower-latin"):
            return f"[{alpha(num)}]"
        if group in ("upper-alpha", "upper-latin"):
            return f"[{alpha(num).upper()}]"
        if group == "lower-roman":
            return f"[{roman_lower(num)}]"
        return f"[{group} {num}]"

    def use_ref(self, group, name, content, key=None):
        """register one use; return the marker text."""
        group = group or None
        lst = self.refs.setdefault(group, [])
        e = None
        if key is not None:
            e = self.sfn.get(key)
        elif name:
            e = self.by_name.get((group, name))
        if e is None:
            e = dict(num=len(lst) + 1, name=name, content=None, uses=0)
            lst.append(e)
            if key is not None:
                self.sfn[key] = e
            elif name:
                self.by_name[(group, name)] = e
        if e["content"] is None:
            if content is not None and clean(str(content)):
                e["content"] = self.render_ref_content(content) if not isinstance(content, str) else content
            elif name and (group, name) in self.defs:
                e["content"] = self.render_ref_content(self.defs[(group, name)])
        e["uses"] += 1
        return self.marker(group, e["num"])

    def render_ref_content(self, code):
        txt = self.inline(code)
        return clean(txt)

    def ref_entries(self, group):
        """lines of one reference list."""
        self.rendered_groups.add(group)
        out = []
        car = self.S["caret"]
        style = self.opt["refnum"]
        for e in self.refs.get(group, []):
            content = e["content"] or ('Cite error: The named reference "%s" was invoked but never '
                                       'defined (see the help page).' % (e["name"] or ""))
            back = car if e["uses"] == 1 else car + " " + " ".join(alpha(i + 1) for i in range(e["uses"]))
            if group in ("lower-alpha", "lower-latin"):
                label = alpha(e["num"])
            elif group in ("upper-alpha", "upper-latin"):
                label = alpha(e["num"]).upper()
            elif group == "lower-roman":
                label = roman_lower(e["num"])
            else:
                label = str(e["num"])
            if style == "none":
                line = f"{back} {content}"
            elif style == "indent":
                line = f"  {label}. {back} {content}"
            else:
                line = f"{label}. {back} {content}"
            out.append(("ref" if group is None else "note", line))
        return out

    # ---- citation templates -----------------------------------------------------------
    def fmt_date(self, s):
        s = clean(s)
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
        mo = self.S["months"]
        if m:
            y, mth, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
            if 1 <= mth <= 12:
                if self.lang == "de":
                    return f"{d}. {mo[mth - 1]} {y}"
                return f"{d} {mo[mth - 1]} {y}" if self.dmy else f"{mo[mth - 1]} {d}, {y}"
        m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
        if m and 1 <= int(m.group(2)) <= 12:
            return f"{mo[int(m.group(2)) - 1]} {m.group(1)}"
        return s

    def cite(self, name, pos, named):
        g = lambda *ks: next((clean(self.inline(named[k])) for k in ks
                              if k in named and clean(str(named[k]))), "")
        if self.lang == "de" and name in ("internetquelle", "literatur", "cite web", "cite book",
                                          "cite journal", "cite news"):
            if name == "internetquelle":
                aut, tit, werk = g("autor"), g("titel"), g("werk")
                hrsg, dat, zug = g("hrsg"), g("datum"), g("zugriff", "abruf")
                s = (aut + ": " if aut else "") + tit + "."
                if werk:
                    s += " In: " + werk + "."
                tail = ", ".join(x for x in (hrsg, self.fmt_date(dat) if dat else "") if x)
                if tail:
                    s += " " + tail + ","
                if zug:
                    s += " abgerufen am " + self.fmt_date(zug)
                return s.rstrip(",") + "."
            if name == "literatur":
                aut, tit, verl, ort, jahr = g("autor"), g("titel"), g("verlag"), g("ort"), g("jahr")
                isbn, seiten, hrsg = g("isbn"), g("seiten"), g("hrsg")
                s = (aut + ": " if aut else "") + tit + "."
                if hrsg:
                    s += " Hrsg.: " + hrsg + "."
                tail = ", ".join(x for x in (verl, (ort + " " + jahr).strip()) if x)
                if tail:
                    s += " " + tail
                if isbn:
                    s += ", ISBN " + isbn
                if seiten:
                    s += ", S. " + seiten
                return s.rstrip(",") + "."
        # CS1
        authors = []
        for i in range(0, 10):
            suf = "" if i == 0 else str(i)
            last = g("last" + suf, "surname" + suf, "author" + suf + "-last", "last" + suf + "-1")
            first = g("first" + suf, "given" + suf)
            if not last:
                last = g("author" + suf, "authors" if i == 0 else "__none__")
            if last:
                authors.append(f"{last}, {first}" if first else last)
            elif i > 1:
                break
        seen = []
        for a in authors:
            if a not in seen:
                seen.append(a)
        authors = seen
        date = g("date") or g("year")
        title = g("title", "chapter") if name != "cite encyclopedia" else g("title", "article")
        chapter = g("chapter", "contribution") if name in ("cite book", "citation") else ""
        work = g("work", "newspaper", "journal", "website", "magazine", "periodical",
                 "encyclopedia", "publisher" if name == "cite press release" else "__none__")
        publisher = g("publisher") if name != "cite press release" else ""
        loc = g("location", "place")
        vol, issue = g("volume"), g("issue", "number")
        pages = g("pages", "page", "pp", "p", "at")
        isbn, doi, oclc = g("isbn"), g("doi"), g("oclc")
        access = g("access-date", "accessdate")
        arch, archdate = g("archive-url", "archiveurl"), g("archive-date", "archivedate")
        lang_ = g("language")
        url = g("url")
        editors = g("editor", "editor1", "editor-last", "editor1-last")
        parts = []
        if authors:
            s = "; ".join(authors)
            parts.append(f"{s} ({self.fmt_date(date)})." if date else s + ".")
        if chapter and title and chapter != title:
            parts.append(f'"{chapter}". {title}.')
        elif title:
            if name in ("cite book",) or (name == "citation" and not work):
                parts.append(title + ".")
            else:
                parts.append(f'"{title}".' if not title.endswith(("?", "!")) else f'"{title}"')
        if lang_:
            parts.append(f"({lang_}).")
        if editors:
            parts.append(f"In {editors} (ed.).")
        if work:
            w = work
            if vol:
                w += " " + vol
            if issue:
                w += f" ({issue})"
            if pages and name in ("cite journal",):
                w += ": " + pages
                pages = ""
            parts.append(w + ".")
        if loc and publisher:
            parts.append(f"{loc}: {publisher}.")
        elif publisher:
            parts.append(publisher + ".")
        if date and not authors:
            parts.append(self.fmt_date(date) + ".")
        if pages:
            pre = "pp." if re.search(r"[-–,]", pages) else "p."
            parts.append(f"{pre} {pages}.")
        if doi:
            parts.append(f"doi:{doi}.")
        if isbn:
            parts.append(f"ISBN {isbn}.")
        if oclc:
            parts.append(f"OCLC {oclc}.")
        if arch:
            parts.append(f"Archived from the original on {self.fmt_date(archdate)}." if archdate
                         else "Archived from the original.")
        if access:
            parts.append(f"Retrieved {self.fmt_date(access)}.")
        if not parts and url:
            parts.append(url)
        return " ".join(parts)

    def harv(self, pos, named, paren=False, txt=False):
        names = [clean(self.inline(p)) for p in pos]
        year = ""
        if names and re.fullmatch(r"[0-9]{3,4}[a-z]?|n\.d\.|nd", names[-1]):
            year = names.pop()
        who = " & ".join(names[:2]) if len(names) <= 2 else names[0] + " et al."
        pg = ""
        for k, pre in (("p", "p. "), ("page", "p. "), ("pp", "pp. "), ("pages", "pp. "), ("loc", ""), ("at", "")):
            if k in named and clean(str(named[k])):
                pg = pre + clean(self.inline(named[k]))
                break
        core = f"{who} {year}".strip()
        if txt:
            return f"{who} ({year}{', ' + pg if pg else ''})"
        s = core + (", " + pg if pg else "")
        return f"({s})" if paren else s

    # ---- inline rendering -------------------------------------------------------------
    def inline(self, code, out=None):
        """render Wikicode to a string; Block objects are appended to `out` as
        sentinels when given (body rendering), otherwise their text is inlined."""
        if code is None:
            return ""
        if isinstance(code, str):
            code = mw.parse(code)
        buf = []
        for n in code.nodes:
            r = self.node(n, out)
            if isinstance(r, (Block, RefList)):
                if out is not None:
                    out.append(r)
                    buf.append("\x00%d\x00" % (len(out) - 1))
                elif isinstance(r, Block):
                    buf.append(" ".join(t for k, t in r.lines))
            elif r:
                buf.append(r)
        return "".join(buf)

    def node(self, n, out):
        if isinstance(n, Text):
            v = n.value
            if self.reparse_depth < 3 and re.search(r"<ref|\{\{|\[\[|<!--|''|\[https?:", v):
                # mwparserfromhell gives up on some very long or unbalanced stretches and returns
                # them as text; parse such a stretch again on its own
                sub = mw.parse(v)
                if all(isinstance(x, Text) for x in sub.nodes) and "{{" in v:
                    sub = mw.parse(v.replace("''", ""))  # an unbalanced '' inside a template
                if any(not isinstance(x, Text) for x in sub.nodes):
                    self.reparse_depth += 1
                    try:
                        return self.inline(sub, out)
                    finally:
                        self.reparse_depth -= 1
            v = re.sub(r"</?(small|big|center|span|div|font|b|i|u|s|sup|sub|p|abbr|em|strong|tt|code)\b[^>]*>", "", v, flags=re.I)
            v = re.sub(r"<br\s*/?>", " ", v, flags=re.I)
            v = re.sub(r"\{\{|\}\}|\[\[|\]\]", "", v) if self.reparse_depth >= 3 else v
            return html.unescape(v).replace("\u00a0", " ")
        if isinstance(n, HTMLEntity):
            try:
                return n.normalize().replace("\u00a0", " ")
            except Exception:
                return str(n)
        if isinstance(n, Comment):
            return ""
        if isinstance(n, Argument):
            return self.inline(n.default, out) if n.default is not None else ""
        if isinstance(n, Wikilink):
            return self.wikilink(n, out)
        if isinstance(n, ExternalLink):
            if n.title is not None and clean(str(n.title)):
                return self.inline(n.title)
            if n.brackets:
                self.extnum += 1
                return f"[{self.extnum}]"
            return self.inline(n.url)
        if isinstance(n, Heading):
            return Block([("heading", clean(self.inline(n.title)))], where="heading:%d" % n.level)
        if isinstance(n, Tag):
            return self.tag(n, out)
        if isinstance(n, Template):
            return self.template(n, out)
        return str(n)

    def wikilink(self, n, out):
        title = html.unescape(clean(str(n.title)))
        low = title.lower()
        if low.startswith(CAT_NS):
            self.cats.append(title.split(":", 1)[1].strip())
            return ""
        m = re.match(r"([a-z][a-z-]{1,11}):", low)
        if m and m.group(1) in LANG_CODES and not title.startswith(":"):
            self.langlinks.append(m.group(1))
            return ""
        if low.lstrip(":").startswith(IMAGE_NS):
            if title.startswith(":"):
                return self.inline(n.text) if n.text else title[1:]
            parts = split_bars(n.text) if n.text is not None else []
            opts = [clean(mw.parse("".join(str(x) for x in p)).strip_code()) for p in parts]
            framed = any(o.lower() in ("thumb", "thumbnail", "frame", "framed", "mini", "miniatur", "gerahmt")
                         or o.lower().startswith("upright") and False for o in opts)
            framed = framed or any(o.lower() in ("thumb", "thumbnail", "frame", "framed", "mini", "miniatur", "gerahmt") for o in opts)
            cap = None
            for p, o in zip(parts, opts):
                if o and not IMG_OPTS.match(o):
                    cap = p
            if framed and cap is not None:
                txt = clean(self.inline(mw.wikicode.Wikicode(cap)))
                if txt:
                    return Block([("caption", txt)])
            return ""
        if n.text is not None:
            txt = self.inline(n.text)
            if not clean(txt):
                return re.sub(r"\s*\(.*\)$", "", title.lstrip(":").split("|")[0])
            return txt
        t = title.lstrip(":")
        return t

    INLINE_TAGS = {"b", "i", "u", "s", "small", "big", "span", "sup", "sub", "font", "abbr",
                   "code", "tt", "em", "strong", "del", "ins", "var", "cite", "q", "kbd", "samp"}

    def tag(self, n, out):
        t = str(n.tag).lower()
        if t == "ref":
            group = self.attr(n, "group")
            name = self.attr(n, "name")
            return self.use_ref(group, name, n.contents if not n.self_closing else None)
        if t == "references":
            group = self.attr(n, "group") or None
            return RefList(group)
        if t in ("br",):
            return "\n" if out is None else " \x01 "
        if t in ("nowiki", "pre", "syntaxhighlight", "source", "code", "math", "chem", "ce", "score", "tt"):
            if n.contents is None:
                return ""
            raw = str(n.contents)
            return mw.parse(raw).strip_code() if t in ("code", "tt") else raw
        if t in ("gallery",):
            lines = []
            for ln in str(n.contents or "").splitlines():
                if "|" in ln:
                    cap = clean(self.inline(ln.split("|", 1)[1]))
                    if cap:
                        lines.append(("caption", cap))
            return Block(lines)
        if t == "table":
            return self.table(n)
        if t in ("div", "center", "blockquote", "poem", "p", "onlyinclude", "includeonly"):
            if t == "includeonly":
                return ""
            txt = self.inline(n.contents, out) if n.contents is not None else ""
            if t in ("blockquote", "poem"):
                return Block([("para", clean(l)) for l in txt.replace("\x01", "\n").split("\n") if clean(l)])
            return txt
        if t in ("noinclude",):
            return self.inline(n.contents, out) if n.contents is not None else ""
        if t in ("li", "dt", "dd") and n.wiki_markup:
            return str(n.wiki_markup)
        if t in ("li",):
            return "\n" + clean(self.inline(n.contents)) + "\n"
        if t in ("ul", "ol", "dl"):
            return self.inline(n.contents, out) if n.contents is not None else ""
        if t in ("hr", "timeline", "imagemap", "mapframe", "maplink", "graph", "templatedata",
                 "categorytree", "inputbox", "section", "indicator"):
            return ""
        if n.contents is not None:
            return self.inline(n.contents, out)
        return ""

    def table(self, n):
        rows, cur, caption = [], [], None
        kind = "table"
        cls = (self.attr(n, "class") or "").lower()
        if "infobox" in cls or "toccolours" in cls and "float" in str(n.attributes):
            kind = "infobox"

        def cell_text(c):
            return clean(self.inline(c.contents).replace("\x01", " ")) if c.contents is not None else ""

        def walk(nodes):
            nonlocal cur, caption
            for c in nodes:
                if isinstance(c, Tag):
                    ct = str(c.tag).lower()
                    if ct == "tr":
                        if cur:
                            rows.append(cur)
                        cur = []
                        if c.contents is not None:
                            walk(c.contents.nodes)
                        if cur:
                            rows.append(cur)
                        cur = []
                    elif ct in ("td", "th"):
                        txt = cell_text(c)
                        if ct == "td" and str(c.wiki_markup or "") == "|" and txt.startswith("+") and not rows and not cur:
                            caption = clean(txt[1:])
                        else:
                            cur.append(txt)
                    elif ct == "caption":
                        caption = cell_text(c)
                    else:
                        self.inline(mw.wikicode.Wikicode([c]))  # refs in odd places still count
                elif isinstance(c, Template):
                    self.template(c, None)
        if n.contents is not None:
            walk(n.contents.nodes)
        if cur:
            rows.append(cur)
        lines = []
        if caption:
            lines.append(("tcaption", caption))
        for r in rows:
            if any(r):
                lines.append((kind, "\t".join(r)))
        return Block(lines)

    # ---- templates --------------------------------------------------------------------
    HATNOTES = {"about", "for", "redirect", "redirect2", "other uses", "otheruses", "distinguish",
                "main", "main article", "see also", "further", "further information", "details",
                "hauptartikel", "siehe auch", "dieser artikel", "begriffsklärungshinweis",
                "other people", "redirect-distinguish", "for multi", "about-distinguish"}
    MAINT = {
        "unreferenced": "This article does not cite any sources. Please help improve this article by adding citations to reliable sources. Unsourced material may be challenged and removed.",
        "refimprove": "This article needs additional citations for verification. Please help improve this article by adding citations to reliable sources. Unsourced material may be challenged and removed.",
        "more citations needed": "This article needs additional citations for verification. Please help improve this article by adding citations to reliable sources. Unsourced material may be challenged and removed.",
        "orphan": "This article is an orphan, as no other articles link to it. Please introduce links to this page from related articles; try the Find link tool for suggestions.",
        "inconsistent citations": "This article has an unclear citation style. The references used may be made clearer with a different or consistent style of citation and footnoting.",
        "expand list": "This list is incomplete; you can help by adding missing items with reliable sources.",
        "incomplete list": "This list is incomplete; you can help by adding missing items with reliable sources.",
        "advert": "This article contains content that is written like an advertisement. Please help improve it by removing promotional content and inappropriate external links, and by adding encyclopedic content written from a neutral point of view.",
        "cleanup": "This article may require cleanup to meet Wikipedia's quality standards. No cleanup reason has been specified. Please help improve this article if you can.",
        "essay-like": "This article is written like a personal reflection, personal essay, or argumentative essay that states a Wikipedia editor's personal feelings or presents an original argument about a topic.",
        "no footnotes": "This article includes a list of references, related reading or external links, but its sources remain unclear because it lacks inline citations. Please help to improve this article by introducing more precise citations.",
        "one source": "This article relies largely or entirely on a single source. Relevant discussion may be found on the talk page. Please help improve this article by introducing citations to additional sources.",
        "update": "This article needs to be updated. Please help update this article to reflect recent events or newly available information.",
        "primary sources": "This article relies too much on references to primary sources. Please improve this by adding secondary or tertiary sources.",
        "expand section": "This section needs expansion. You can help by adding to it.",
        "copy edit": "This article may need to be rewritten to comply with Wikipedia's quality standards.",
        "globalize": "The examples and perspective in this article may not represent a worldwide view of the subject.",
        "notability": "The topic of this article may not meet Wikipedia's general notability guideline.",
        "lückenhaft": "Dieser Artikel oder Abschnitt bedarf einer Überarbeitung. Näheres sollte auf der Diskussionsseite angegeben sein.",
        "belege fehlen": "Dieser Artikel oder nachfolgende Abschnitt ist nicht hinreichend mit Belegen (beispielsweise Einzelnachweisen) ausgestattet.",
    }
    INLINE_MARKS = {"citation needed": "[citation needed]", "cn": "[citation needed]", "fact": "[citation needed]",
                    "clarify": "[clarification needed]", "when": "[when?]", "who": "[who?]", "by whom": "[by whom?]",
                    "verify source": "[verification needed]", "page needed": "[page needed]",
                    "failed verification": "[failed verification]", "better source": "[better source needed]",
                    "better source needed": "[better source needed]", "according to whom": "[according to whom?]",
                    "dubious": "[dubious – discuss]", "vague": "[vague]", "which": "[which?]",
                    "citation needed span": None, "subscription required": "(subscription required)",
                    "registration required": "(registration required)", "sic": "[sic]",
                    "full citation needed": "[full citation needed]", "year needed": "[year needed]",
                    "specify": "[specify]", "original research inline": "[original research?]",
                    "or": "[original research?]", "self-published inline": "[self-published source]",
                    "unreliable source?": "[unreliable source?]", "dead link": "[dead link]",
                    "update inline": "[needs update]", "clarification needed": "[clarification needed]",
                    "belege fehlen": None}
    DROP = {"reflist-talk", "refbegin", "refend", "div col", "div col end", "col-begin", "col-end",
            "col-break", "col-2", "col-3", "clear", "clr", "-", "use dmy dates", "use mdy dates",
            "use british english", "use american english", "engvarb", "pp-move-indef", "pp-semi-indef",
            "pp-protected", "good article", "featured article", "lesenswert", "exzellent", "anker",
            "anchor", "personendaten", "defaultsort", "short description", "italic title", "toc limit",
            "tocright", "toc right", "stack", "stack begin", "stack end", "flagicon", "0", "colorbox",
            "increase", "decrease", "steady", "image label small", "image label begin", "image label end",
            "chess diagram", "google buch", "ipac-en", "scottish football updater", "scref",
            "fs start", "fs mid", "fs end", "s-start", "s-end", "s-bef", "s-ttl", "s-aft", "s-ach",
            "s-off", "s-sports", "lsj", "coord missing", "commons", "portal bar", "wikidata",
            "nobots", "dablink", "sfn whitelist", "efn-ua", "notelist-ua", "multiple image",
            "featured list", "bots", "r from", "shortcut"}
    NAVBOXY = re.compile(r"navbox|stub$|-stub|footer|succession|s-start|authority control|normdaten|"
                         r"portal|sister|commons|wikiquote|wiktionary|external media")

    def template(self, t, out):
        name = tname(t)
        if name.startswith("#tag:ref"):
            pos, named = params(t)
            return self.use_ref(clean(str(named.get("group", ""))).strip("\"'") or None,
                                clean(str(named.get("name", ""))).strip("\"'") or None, pos[0] if pos else None)
        if name.startswith(("#", "defaultsort", "displaytitle")) or ":" in name and not name.startswith("template:"):
            return ""
        name = name.replace("template:", "").strip()
        pos, named = params(t)
        P = lambda i: self.inline(pos[i]) if len(pos) > i else ""
        N = lambda k: self.inline(named[k]) if k in named else ""
        if name in ("reflist", "references", "refs", "reflink", "reference list", "einzelnachweise",
                    "notelist", "notes", "note list", "efn list", "reflist-talk"):
            if "refs" in named:
                for tag in named["refs"].filter_tags():
                    pass  # definitions collected up front
            group = clean(str(named.get("group", ""))).strip("\"'") or None
            if name in ("notelist", "notes", "note list", "efn list"):
                group = group or "lower-alpha"
            return RefList(group)
        if name in ("efn", "efn-lr", "efn-la", "notetag", "refn", "efn-ua", "note"):
            group = clean(str(named.get("group", ""))).strip("\"'") or (None if name == "refn" else "lower-alpha")
            body = pos[0] if pos else named.get("1")
            return self.use_ref(group, clean(str(named.get("name", ""))).strip("\"'") or None, body)
        if name in ("sfn", "sfnp", "harvnb", "harv", "harvtxt", "harvp", "harvs", "sfnm"):
            if name in ("sfn", "sfnp", "sfnm"):
                txt = self.harv(pos, named) + "."
                key = clean(str(t)).lower()
                return self.use_ref(None, None, txt, key=key)
            return self.harv(pos, named, paren=name in ("harv", "harvp"), txt=name in ("harvtxt", "harvs"))
        if name == "rp":
            return ":" + P(0)
        if name.startswith(("cite", "citation", "internetquelle", "literatur", "vcite", "cite ")) or name in ("citation",):
            return self.cite(name, pos, named)
        if name in self.INLINE_MARKS:
            m = self.INLINE_MARKS[name]
            if name == "dead link" and clean(N("fix-attempted")):
                m = "[permanent dead link]"
            if m is None:
                return P(0)
            if self.lang == "de" and m == "[citation needed]":
                m = self.S["cn"]
            return m
        if name in self.DROP:
            return ""
        if name in self.HATNOTES:
            return Block([("hatnote", self.hatnote(name, [clean(self.inline(p)) for p in pos]))])
        if name == "multiple issues":
            lines = [("maint", "This article has multiple issues. Please help improve it or discuss these issues on the talk page. (Learn how and when to remove these template messages)")]
            for sub in (pos[0].filter_templates(recursive=False) if pos else []):
                sn = tname(sub)
                lines.append(("maint", self.MAINT.get(sn, "This article may need attention: " + sn + ".")))
            return Block(lines)
        if name in self.MAINT:
            txt = self.MAINT[name]
            if self.lang == "en" and name != "expand section":
                date = clean(N("date"))
                txt += (f'\nFind sources: "{self.title}" – news · newspapers · books · scholar · JSTOR'
                        + (f" ({date})" if date else "") + " (Learn how and when to remove this template message)")
            return Block([("maint", x) for x in txt.split("\n")])
        if name.startswith("infobox") or name in ("taxobox", "automatic taxobox", "speciesbox") \
                or name.startswith(("infobox", "info/")) or name.endswith(" infobox"):
            return self.infobox(name, pos, named)
        if name in ("quote", "cquote", "blockquote", "quotation", "quote box", "zitat"):
            q = clean(P(0) or N("text") or N("quote"))
            who = clean(P(1) or N("author") or N("sign"))
            src = clean(P(2) or N("source"))
            lines = [("quote", q)] if q else []
            if who:
                lines.append(("quote", "— " + who + (", " + src if src else "")))
            return Block(lines)
        if name in ("wide image", "panorama"):
            return Block([("caption", clean(P(2)))]) if len(pos) > 2 else ""
        if name in ("lang", "transl", "transliteration", "nastaliq", "nowrap", "nobr", "small",
                    "smaller", "big", "larger", "nowrap begin", "noitalic", "sc", "smallcaps",
                    "resize", "center", "text", "script", "wikt-lang", "linktext", "abbr",
                    "tooltip", "nihongo", "ill", "interlanguage link", "illm", "ill-wd", "lbs",
                    "sub", "sup", "strong", "em", "vanchor", "visible anchor", "keypress", "mono",
                    "code"):
            if name in ("lang", "transl", "transliteration", "wikt-lang", "resize"):
                return P(1) if len(pos) > 1 else P(0)
            if name == "linktext":
                return "".join(self.inline(p) for p in pos)
            if name == "lbs":
                return P(0) + " Lifeboat Station"
            return P(0)
        if name.startswith("lang-"):
            langs = {"ur": "Urdu", "fr": "French", "de": "German", "ar": "Arabic", "fa": "Persian",
                     "ru": "Russian", "ko": "Korean", "zh": "Chinese", "ja": "Japanese", "es": "Spanish",
                     "la": "Latin", "el": "Greek", "grc": "Ancient Greek", "it": "Italian", "pt": "Portuguese",
                     "sco": "Scots", "gd": "Scottish Gaelic", "cy": "Welsh", "kw": "Cornish", "nl": "Dutch",
                     "pl": "Polish", "uk": "Ukrainian", "he": "Hebrew", "no": "Norwegian", "sv": "Swedish"}
            return langs.get(name[5:], name[5:].title()) + ": " + P(0)
        if name in ("sortname", "sortkeyname", "sort"):
            if name == "sort":
                return P(1) if len(pos) > 1 else P(0)
            return (P(0) + " " + P(1)).strip()
        if name in ("flag", "flagcountry", "flag country", "ru", "fb", "flagu"):
            codes = {"SCO": "Scotland", "WAL": "Wales", "ENG": "England", "IRE": "Ireland",
                     "FRA": "France", "ITA": "Italy", "NZL": "New Zealand", "RSA": "South Africa",
                     "AUS": "Australia", "USA": "United States", "GBR": "Great Britain"}
            v = clean(P(0))
            return codes.get(v, v)
        if name in ("convert", "cvt"):
            return convert([str(p) for p in pos], named)
        if name in ("circa", "c.", "ca"):
            return "c. " + P(0)
        if name in ("as of",):
            y = P(0)
            mo = self.S["months"][int(P(1)) - 1] + " " if len(pos) > 1 and P(1).strip().isdigit() and 1 <= int(P(1)) <= 12 else ""
            return ("as of " if clean(N("lc")) else "As of ") + mo + y
        if name in ("dts", "date", "formatdate", "start date", "end date", "birth date", "death date",
                    "film date", "datum", "date table sorting", "start date and age", "birth date and age",
                    "death date and age", "birth year and age", "release date", "dts2"):
            return self.date_tpl(name, [clean(self.inline(p)) for p in pos], named)
        if name in ("isbn",):
            return "ISBN " + P(0)
        if name in ("oclc", "issn", "doi", "pmid", "jstor", "asin"):
            return name.upper() + " " + P(0)
        if name in ("url",):
            return re.sub(r"^https?://(www\.)?", "", clean(P(1) or P(0))).rstrip("/")
        if name in ("official website", "official", "official url"):
            return "Official website"
        if name in ("imdb name", "imdb title"):
            return (clean(P(1) or N("name") or self.title)) + " at IMDb"
        if name in ("google books", "google book"):
            return P(1) or N("title")
        if name in ("webarchive", "wayback"):
            d = clean(N("date"))
            return f"Archived {self.fmt_date(d)} at the Wayback Machine" if d else "Archived at the Wayback Machine"
        if name in ("dmoz",):
            return (P(1) or self.title) + " at Curlie"
        if name in ("!", "pipe"):
            return "|"
        if name in ("'",):
            return "'"
        if name in ("emdash", "mdash", "spaced ndash", "snd", "ndash", "spnd", "dash", "nbsp", "sp", "•", "middot", "·", "en dash"):
            return {"emdash": "—", "mdash": "—", "nbsp": " ", "sp": " ", "•": " • ", "middot": " · ", "·": " · "}.get(name, " – " if name in ("spaced ndash", "snd", "spnd") else "–")
        if name in ("pagename", "pagenamebase", "fullpagename"):
            return self.title
        if name in ("height",):
            m = clean(N("m"))
            if m:
                try:
                    inch = float(m) / 0.0254
                    return f"{m} m ({int(inch // 12)} ft {round(inch % 12)} in)"
                except ValueError:
                    return m + " m"
            ft, inch = clean(N("ft")), clean(N("in"))
            return f"{ft} ft {inch} in".strip()
        if name in ("legend", "legend inline"):
            return Block([("list", clean(P(1)))]) if len(pos) > 1 else ""
        if name in ("hlist", "flatlist", "plainlist", "ubl", "ublist", "unbulleted list", "bulleted list",
                    "collapsible list", "columns-list", "div col", "cmn", "col-list", "plain list", "flat list"):
            items = [clean(self.inline(p)) for p in pos if clean(str(p))]
            if name in ("columns-list", "col-list", "cmn", "plainlist", "flatlist", "plain list", "flat list"):
                body = self.inline(pos[-1] if pos else named.get("1", ""), out)
                return "\n" + body + "\n"
            if name == "hlist":
                return " ".join(items)
            title = clean(N("title"))
            lines = ([("list", title)] if title else []) + [("list", x) for x in items]
            if out is None:
                return " ".join(x for _, x in lines)
            return Block(lines)
        if name in ("fs player", "football squad player", "fs2 player"):
            cells = [clean(N(k)) for k in ("no", "nat", "pos", "name", "other")]
            return Block([("table", "\t".join(c for c in cells if c))])
        if name in ("version",):
            return P(1) if len(pos) > 1 else P(0)
        if name in ("coord",):
            return self.coord(pos, named)
        if name in ("commons category", "commonscat", "commons cat"):
            if self.lang == "de":
                return Block([("navbox", f"Commons: {clean(P(0)) or self.title} – Sammlung von Bildern, Videos und Audiodateien")], where="end")
            return Block([("navbox", f"Wikimedia Commons has media related to {clean(P(0)) or self.title}.")], where="end")
        if name in ("wikiquote",):
            return Block([("navbox", f"Wikiquote has quotations related to: {clean(P(0)) or self.title}")], where="end")
        if name in ("portal",):
            return Block([("navbox", clean(self.inline(p)) + " portal") for p in pos if clean(str(p))])
        if name in ("authority control", "normdaten"):
            lab = "Authority control" if self.lang == "en" else "Normdaten (Sache)"
            ids = [f"{clean(str(p.name)).upper()}: {clean(str(p.value))}" for p in t.params if p.showkey and clean(str(p.value))]
            return Block([("navbox", lab + ("\t" + " · ".join(ids) if ids else ""))], where="end")
        if name in ("sister project links", "navboxes"):
            if name == "navboxes":
                lines = []
                title = clean(N("title")) or "Articles related to " + self.title
                lines += [("navbox", x) for x in ("v", "t", "e", title)]
                for sub in (named.get("list1") or (pos[0] if pos else mw.parse(""))).filter_templates(recursive=False):
                    lines += [("navbox", x) for x in ("v", "t", "e", tname(sub).capitalize())]
                return Block(lines, where="end")
            return Block([("navbox", f"Find more about {self.title} at Wikipedia's sister projects")], where="end")
        if name.endswith("stub") or name.endswith("-stub"):
            subj = name[:-5].replace("-", " ").strip() or "this"
            return Block([("navbox", f"This {subj}-related article is a stub. You can help Wikipedia by expanding it."),
                          ("navbox", "v"), ("navbox", "t"), ("navbox", "e")], where="end")
        if name in ("weather box",):
            return self.weather(named)
        # unknown: a template alone on its line at the end of an article is most likely a navbox
        self.tpl_names[name] = clean(str(t.name))
        return ("\x02" + name) if out is not None and not t.params else ""

    def hatnote(self, name, a):
        S = self.S
        if name in ("main", "main article", "hauptartikel"):
            xs = [x for x in a if x]
            if not xs:
                return ""
            if name == "hauptartikel":
                return "Hauptartikel: " + ", ".join(xs)
            return (S["main"] if len(xs) == 1 else S["mains"]) + (xs[0] if len(xs) == 1 else ", ".join(xs[:-1]) + " and " + xs[-1])
        if name in ("see also", "siehe auch"):
            return S["see_also"] + ", ".join(x for x in a if x)
        if name in ("further", "further information", "details"):
            return S["further"] + ", ".join(x for x in a if x)
        if name == "distinguish":
            return "Not to be confused with " + " or ".join(x for x in a if x) + "."
        if name in ("for",):
            what = a[0] if a else "other uses"
            tgt = a[1] if len(a) > 1 else self.title + " (disambiguation)"
            return f"For {what}, see {tgt}."
        if name in ("about",):
            s = f"This article is about {a[0]}." if a and a[0] else ""
            rest = a[1:]
            if not rest:
                return (s + f" For other uses, see {self.title} (disambiguation).").strip()
            while rest:
                use, tgt = rest[0] or "other uses", (rest[1] if len(rest) > 1 and rest[1] else f"{self.title} (disambiguation)")
                s += f" For {use}, see {tgt}."
                rest = rest[2:]
            return s.strip()
        if name in ("redirect", "redirect2", "redirect-distinguish"):
            s = f'"{a[0]}" redirects here.' if a else ""
            rest = a[1:]
            if name == "redirect2" and len(a) > 1:
                s = f'"{a[0]}" and "{a[1]}" redirect here.'
                rest = a[2:]
            if not rest:
                return s + f" For other uses, see {a[0] if a else self.title} (disambiguation)."
            while rest:
                use, tgt = rest[0] or "other uses", (rest[1] if len(rest) > 1 and rest[1] else f"{a[0]} (disambiguation)")
                s += f" For {use}, see {tgt}."
                rest = rest[2:]
            return s
        if name in ("other uses", "otheruses"):
            return f"For other uses, see {a[0] if a else self.title + ' (disambiguation)'}."
        if name in ("dieser artikel",):
            return "Dieser Artikel " + (a[0] if a else "") + "."
        return " ".join(a)

    def date_tpl(self, name, a, named):
        nums = [x for x in a if x]
        mo = self.S["months"]
        y = m = d = None
        if nums and re.fullmatch(r"\d{4}-\d{2}-\d{2}", nums[0]):
            y, m, d = map(int, nums[0].split("-"))
        else:
            try:
                if nums:
                    y = int(nums[0])
                if len(nums) > 1:
                    m = int(nums[1]) if nums[1].isdigit() else (mo.index(nums[1].capitalize()) + 1 if nums[1].capitalize() in mo else None)
                if len(nums) > 2:
                    d = int(nums[2])
            except ValueError:
                return " ".join(nums)
        if y is None:
            return ""
        if m is not None and not 1 <= m <= 12:
            return " ".join(nums)
        if m and d:
            s = f"{d}. {mo[m - 1]} {y}" if self.lang == "de" else (f"{d} {mo[m - 1]} {y}" if self.dmy or clean(str(named.get("df", ""))) in ("y", "yes") else f"{mo[m - 1]} {d}, {y}")
        elif m:
            s = f"{mo[m - 1]} {y}"
        else:
            s = str(y)
        if "and age" in name:
            if name == "death date and age" and len(nums) > 3 and nums[3].isdigit():
                age = y - int(nums[3]) - (1 if len(nums) > 4 and nums[4].isdigit() and m and int(nums[4]) > m else 0)
                s += f" (aged {age})"
            else:
                age = 2018 - y - (1 if m and m > 5 else 0)
                s += f" (age {age})"
        return s

    def coord(self, pos, named):
        a = [clean(str(p)) for p in pos]
        dirs = [i for i, x in enumerate(a) if x in ("N", "S", "E", "W")]
        if len(dirs) >= 2:
            lat, lon = a[:dirs[0] + 1], a[dirs[0] + 1:dirs[1] + 1]

            def dms(x):
                marks = ["°", "′", "″"]
                return "".join(v + marks[i] for i, v in enumerate(x[:-1])) + x[-1]
            s = dms(lat) + " " + dms(lon)
        elif len(a) >= 2:
            s = f"{a[0]}°N {a[1]}°E"
        else:
            return ""
        if "title" in clean(str(named.get("display", ""))):
            self.coord_title = "Coordinates: " + s
        return s

    def infobox(self, name, pos, named):
        lines = []
        head = clean(self.inline(named.get("name") or named.get("official_name") or named.get("title") or self.title)) if True else ""
        lines.append(("infobox", head or self.title))
        kind = name.replace("infobox", "").strip()
        sub = clean(self.inline(named["settlement_type"])) if "settlement_type" in named else ""
        if sub:
            lines.append(("infobox", sub))
        group = None
        groups = {"area": "Area", "population": "Population", "government": "Government",
                  "elevation": None, "established": "Established", "founded": None}
        keys = list(named)
        done_groups = set()
        if any(re.fullmatch(r"(label|data|header)\d+", k) for k in keys):
            # the generic {{Infobox}}: headerN lines, labelN<TAB>dataN rows, in number order
            rows = {}
            for k in keys:
                m = re.fullmatch(r"(label|data|header)(\d+)", k)
                if m:
                    rows.setdefault(int(m.group(2)), {})[m.group(1)] = clean(self.inline(named[k]).replace("\x01", " "))
                elif k in ("above", "subheader", "caption", "image caption"):
                    v = clean(self.inline(named[k]))
                    if v:
                        lines.append(("caption" if "caption" in k else "infobox", v))
            for _, r in sorted(rows.items()):
                if r.get("header"):
                    lines.append(("infobox", r["header"]))
                elif r.get("data"):
                    lines.append(("infobox", (r["label"] + "\t" if r.get("label") else "") + r["data"]))
            return Block(lines, where="infobox")
        for k in keys:
            v = named[k]
            if re.search(r"(image|logo|size|map|pushpin|alt$|_footnotes|_note$|"
                         r"^name$|^official_name$|settlement_type|^title$|_ref$|^embed|^module|"
                         r"width|^bodystyle|^style|colou?r)", k):
                if re.search(r"(caption|map_caption)$", k) and clean(str(v)):
                    lines.append(("caption", clean(self.inline(v))))
                continue
            # "X_type"/"X_title" + "X_name" pairs are one row: label from the first, value from the second
            m = re.match(r"(.*?)_?(type|title|name)(\d*)$", k)
            if m and m.group(2) in ("type", "title") and f"{m.group(1)}_name{m.group(3)}" in named:
                continue
            if m and m.group(2) == "name":
                lab_key = next((f"{m.group(1)}_{x}{m.group(3)}" for x in ("type", "title")
                                if f"{m.group(1)}_{x}{m.group(3)}" in named), None)
            else:
                lab_key = None
            val = clean(self.inline(v).replace("\x01", " "))
            if not val or val.lower() in ("auto", "yes", "no") and "density" in k:
                continue
            pre = k.split("_")[0]
            if pre in groups and pre != group and pre not in done_groups:
                group = pre
                done_groups.add(pre)
                if groups[pre]:
                    lines.append(("infobox", groups[pre]))
            if lab_key:
                label = clean(self.inline(named[lab_key]))
            else:
                label = k.replace("_", " ")
                if not re.search(r"(km|m|mi)2$", k):
                    label = re.sub(r"\d+$", "", label)
                label = label.strip()
                label = label[:1].upper() + label[1:]
            if re.search(r"blank\d*_name$", k):
                continue
            m = re.match(r"blank(\d*)_info$", k)
            if m:
                label = clean(self.inline(named.get(f"blank{m.group(1)}_name", ""))) or label
            lines.append(("infobox", f"{label}\t{val}" if label else val))
        return Block(lines, where="infobox")

    def weather(self, named):
        loc = clean(self.inline(named.get("location", "")))
        months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        lines = [("tcaption", f"Climate data for {loc}"), ("table", "Month\t" + "\t".join(months) + "\tYear")]
        rows = {}
        for k, v in named.items():
            m = re.match(r"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec) (.+)", k)
            if m:
                rows.setdefault(m.group(2), {})[m.group(1)] = clean(str(v))
        for what, vals in rows.items():
            lab = what[0].upper() + what[1:]
            lab = re.sub(r" f$", " °F (°C)", lab)
            lab = re.sub(r" inch$", " inches (mm)", lab)
            lines.append(("table", lab + "\t" + "\t".join(vals.get(m.lower(), "") for m in months)))
        src = clean(self.inline(named.get("source 1", named.get("source", ""))))
        if src:
            lines.append(("table", "Source: " + src))
        return Block(lines)


def title_of(name):
    """the page title as the file name gives it: underscores read as spaces (as MediaWiki
    URLs write them), hyphens kept as they are in the name."""
    return re.sub(r" +", " ", name.replace("_", " ")).strip()


def detect_lang(text):
    if re.search(r"\[\[\s*Kategorie\s*:", text) and \
            len(re.findall(r" (?:'n|het|nie|hy|sy) ", text)) > len(re.findall(r" (?:der|und|ist|des|von) ", text)):
        return "af"
    return "de" if re.search(r"\[\[\s*Kategorie\s*:", text) or re.search(
        r"\{\{\s*(Internetquelle|Normdaten|Personendaten|Hauptartikel|Literatur)\b", text) else "en"


# ---------------------------------------------------------------------------------------
# page assembly

def body_lines(page):
    """render the article body into a list of (kind, text) lines, plus the headings."""
    out = []  # sentinel objects
    raw = page.inline(page.code, out)
    items = []  # (kind, text) with kind 'p' for paragraph text pieces
    para = []
    lines_out = []

    def flush():
        if para:
            txt = clean(" ".join(para))
            txt = clean(re.sub(r"(^|\s)(\{\||\|\}|\|-+|\|\+)(?=\s|$)", " ", txt))  # stray table markup
            if txt:
                lines_out.append(("para", txt))
            para.clear()

    def emit_obj(o):
        if isinstance(o, RefList):
            flush()
            lines_out.append(("reflist", o.group))
        elif isinstance(o, Block):
            flush()
            if o.where.startswith("heading:"):
                lines_out.append(("heading:" + o.where.split(":")[1], o.lines[0][1]))
            else:
                for k, t in o.lines:
                    if t:
                        lines_out.append((k if o.where != "end" else "navbox", t))

    for wl in raw.split("\n"):
        # split the wikitext line into text and sentinels
        pieces = re.split(r"\x00(\d+)\x00", wl)
        texts = [pieces[i] for i in range(0, len(pieces), 2)]
        objs = [out[int(pieces[i])] for i in range(1, len(pieces), 2)]
        joined = "".join(texts)
        stripped = joined.strip()
        if stripped.startswith("\x02") and not objs and re.fullmatch(r"\x02[^\x02]*", stripped):
            flush()
            nm = stripped[1:].strip()
            lines_out.append(("navbox?", page.tpl_names.get(nm, nm)))
            continue
        # remove navbox hints left inline
        lead = joined.lstrip()
        m = re.match(r"^([*#:;]+)\s*", lead)
        if m and not (objs and not clean(joined.replace("\x02", ""))):
            flush()
            # list item: the sentinels inside it render in place (e.g. a ref list in a list)
            idx = 0
            txt = ""
            for i, p in enumerate(pieces):
                if i % 2 == 0:
                    txt += p
                else:
                    o = out[int(p)]
                    if isinstance(o, Block) and not o.where.startswith("heading"):
                        txt += " ".join(t for k, t in o.lines if k in ("list",)) if all(k == "list" for k, _ in o.lines) else ""
                        if not all(k == "list" for k, _ in o.lines):
                            emit_obj(o)
                    else:
                        emit_obj(o)
            txt = re.sub(r"\x02[^\x00\x01\x02]*", "", txt[len(joined) - len(lead):] if False else txt)
            body = clean(re.sub(r"^\s*[*#:;]+\s*", "", txt).replace("\x01", " "))
            markers = m.group(1)
            if markers.startswith(";"):
                # definition list: "; term : definition"
                term, _, defn = body.partition(" : ")
                if term:
                    lines_out.append(("dt", term))
                if defn:
                    lines_out.append(("dd", defn))
            elif markers.startswith(":") and not markers.strip(":"):
                if body:
                    lines_out.append(("dd", body))
            elif body:
                lines_out.append(("list:" + str(len(markers)) + ("#" if markers[-1] == "#" else "*"), body))
            continue
        if not stripped and not objs:
            flush()
            continue
        for i, p in enumerate(pieces):
            if i % 2 == 0:
                p = re.sub(r"\x02[^\x00\x01\x02\n]*", "", p)
                if "\x01" in p:
                    segs = p.split("\x01")
                    para.append(segs[0])
                    for s in segs[1:]:
                        flush()
                        para.append(s)
                elif p.strip():
                    para.append(p)
            else:
                emit_obj(out[int(p)])
    flush()
    return lines_out


def build_page(name, text, rng, variant, opts_cli):
    if "&lt;ref" in text and "<ref" not in text:
        # an entity-escaped export (the rendered page shows the refs, not their markup)
        text = html.unescape(text)
    lang = detect_lang(text)
    S = STR[lang]
    opt = knobs(variant, rng, lang)
    for kv in (opts_cli.set or "").split(","):
        if "=" in kv:
            k, v = kv.split("=", 1)
            if k.strip() not in opt:
                sys.exit(f"unknown knob {k}; knobs: {', '.join(sorted(opt))}")
            opt[k.strip()] = type(opt[k.strip()])(int(v) if isinstance(opt[k.strip()], bool) else v)
    if opts_cli.refnum:
        opt["refnum"] = opts_cli.refnum
    page = Page(name, text, rng, opt, lang)
    title = page.title
    lines = []  # (kind, text)
    add = lambda k, t: lines.append((k, t))

    # redirect pages are shown as such (?redirect=no)
    mred = re.match(r"\s*#\s*(redirect|weiterleitung)\s*\[\[([^\]|]+)", text, re.I)
    body = [] if mred else body_lines(page)
    headings = [(int(k.split(":")[1]), t) for k, t in body if k.startswith("heading:")]
    if page.refs.get(None) and None not in page.rendered_groups and not any(k == "reflist" and g is None for k, g in body):
        body.append(("reflist", None))  # MediaWiki appends an automatic list
    for g in list(page.refs):
        if g is not None and not any(k == "reflist" and gg == g for k, gg in body):
            body.append(("reflist", g))

    skin = opt["skin"]
    edit_style = {"edit": S["edit"][0], "source": S["edit"][1], "ve": S["edit_ve"], "nextline": "nextline",
                  "none": ""}[opt["edit"]]
    show_toc = opt["toc"] != "none" and not page.notoc and (len(headings) >= 3 or page.forcetoc and headings)
    year = rng.choice([2016, 2017, 2018, 2019, 2020, 2021]) if skin == "2010" else rng.choice([2022, 2023, 2024])
    when = dict(d=rng.randint(1, 28), mo=S["months"][rng.randint(0, 11)], y=year,
                hh="%02d" % rng.randint(0, 23), mm="%02d" % rng.randint(0, 59))
    langs = rng.sample(LANGS, rng.randint(0, 9))
    oldid = rng.randint(700000000, 1200000000) if lang == "en" else rng.randint(150000000, 240000000)
    url = f"https://{S['host']}/w/index.php?title={title.replace(' ', '_')}&oldid={oldid}"

    # ---- table of contents ----
    toc_lines = []
    if show_toc:
        stack, nums = [], []
        for lvl, h in headings:
            while stack and stack[-1] > lvl:
                stack.pop()
                nums.pop()
            if stack and stack[-1] == lvl:
                nums[-1] += 1
            else:
                stack.append(lvl)
                nums.append(1)
            toc_lines.append((len(stack), ".".join(map(str, nums)), h))
    # ---- chrome before ----
    if skin == "2022":
        jump = S["jump_content"]
        add_block(lines, "chrome", HEAD2022.get(lang, HEAD2022['en']).format(jump=jump))
        if toc_lines and opt["toc"] == "sidebar":
            add("chrome", S["contents"])
            add("chrome", rng.choice(["hide", "hide", "move to sidebar\nhide"]) if lang == "en" else "Verbergen")
            add("toc", S["top"])
            for i, (depth, num, h) in enumerate(toc_lines):
                add("toc", h)
                nxt = toc_lines[i + 1][0] if i + 1 < len(toc_lines) else 0
                if nxt > depth:
                    add("toc", S["toggle"].format(h=h))
            add("chrome", {"en": "Toggle the table of contents", "de": "Inhaltsverzeichnis umschalten",
                           "af": "Wissel inhoudsopgawe"}[lang])
        add("title", title)
        add("chrome", S["languages"].format(n=len(langs)) if len(langs) > 1 else S["add_lang"])
        add_block(lines, "chrome", TABS2022.get(lang, TABS2022['en']))
        if rng.random() < 0.5:
            add_block(lines, "chrome", "Appearance\nhide\nText\nSmall\nStandard\nLarge\nWidth\nStandard\nWide\nColor (beta)\nAutomatic\nLight\nDark"
                      if lang == "en" else "Erscheinungsbild\nVerbergen\nText\nKlein\nStandard\nGroß")
        add("chrome", S["from_wp"])
    elif skin == "mobile":
        add_block(lines, "chrome", HEADMOBILE.get(lang, HEADMOBILE['en']))
        add("title", title)
        add_block(lines, "chrome", rng.choice(TABSMOBILE.get(lang, TABSMOBILE['en'])).replace("{n}", str(max(len(langs), 2))))
        if opt["fromwp"]:
            add("chrome", S["from_wp"])
    else:
        if opt["navfirst"]:
            add_nav2010(lines, rng, lang, langs, title)
        add("title", title)
        add("chrome", S["from_wp"])
        if opt["jump"]:
            for j in S["jump"]:
                add("chrome", j)
    if page.coord_title and skin != "mobile":
        add("chrome", page.coord_title)
    if mred:
        add("chrome", S["redirect_page"])
        add("para", mred.group(2).strip())

    # ---- body ----
    edit_of = lambda: edit_style
    para_gap = opt["paragap"]   # blank line after paragraphs (Chrome's copy of <p>)
    first_heading = True
    bullets = opt["bullets"]
    ol_counters = {}
    i = 0
    drop = {k for k, o in (("infobox", "infobox"), ("caption", "captions"), ("navbox", "navboxes")) if not opt[o]}
    if not opt["hatnotes"]:
        drop |= {"hatnote", "maint"}
    if "navbox" in drop:
        drop.add("navbox?")
    body = [(k, t) for k, t in body if k not in drop and not (k == "tcaption" and "caption" in drop)]
    navbox_after = []
    seen_reflist = False
    for k, t in body:
        if k.startswith("heading:"):
            if first_heading and toc_lines and opt["toc"] == "numbered":
                if lines and lines[-1][1] != "":
                    add("blank", "")
                add("toc", S["contents"])
                if opt["tochide"]:
                    add("toc", rng.choice(S["hide"]))
                for depth, num, h in toc_lines:
                    sep = rng.choice([" ", " ", "\t"]) if i == 0 else " "
                    add("toc", f"{num} {h}")
                i = 1
            first_heading = False
            ed = edit_of()
            if ed == "nextline":
                if lines and lines[-1][1] != "":
                    add("blank", "")
                add("heading", t)
                add("edit", "[edit]" if lang == "en" else "[Bearbeiten | Quelltext bearbeiten]")
            else:
                add("heading", t + ed)
            if opt["headgap"]:
                add("blank", "")  # a blank line after the heading (some browsers / paste targets)
            ol_counters.clear()
            continue
        if k == "reflist":
            seen_reflist = True
            for kk, tt in page.ref_entries(t):
                add(kk, tt)
            if para_gap:
                add("blank", "")
            continue
        if k == "navbox?":
            if seen_reflist:  # a bare template after the references: a navigation box
                for x in ("v", "t", "e", t[:1].upper() + t[1:]):
                    add("navbox", x)
            continue
        if k.startswith("list:"):
            depth = int(k[5:-1])
            ordered = k.endswith("#")
            if ordered:
                ol_counters[depth] = ol_counters.get(depth, 0) + 1
                for d in list(ol_counters):
                    if d > depth:
                        del ol_counters[d]
                pre = f"{ol_counters[depth]}. " if bullets else ""
            else:
                pre = bullets
            add("list", ("  " * (depth - 1) if bullets else "") + pre + t)
            continue
        if ol_counters or (lines and lines[-1][0] == "list"):
            if para_gap and k not in ("heading",):
                add("blank", "")
        ol_counters.clear()
        if k == "para":
            add("para", t)
            if para_gap:
                add("blank", "")
            continue
        if k == "dt":
            add("dt", t)
            continue
        add(k, t)
    if lines and lines[-1][1] != "":
        add("blank", "")

    # ---- chrome after ----
    if skin == "mobile":
        add_block(lines, "chrome", S["edited_m"].format(**when))
        add_block(lines, "chrome", S["license_m"] + "\n" + FOOTMOBILE.get(lang, FOOTMOBILE['en']))
        if rng.random() < 0.5:
            add("chrome", "View article history" if lang == "en" else "Versionsgeschichte")
    else:
        add("chrome", S["retrieved"].format(url=url))
        cats = list(dict.fromkeys(page.cats))
        cats = [c.split("|")[0].strip() for c in cats]
        if cats:
            add("cat", (S["cats"] if len(cats) > 1 else S["cat1"]) + " | ".join(cats))
        if lang == "en" and opt["hiddencats"]:
            hid = rng.sample(["Articles with short description", "Short description is different from Wikidata",
                              "Use dmy dates from May 2015", "All articles with unsourced statements",
                              "Articles with unsourced statements from March 2013", "Coordinates on Wikidata",
                              "CS1 maint: archived copy as title", "Official website different in Wikidata and Wikipedia",
                              "Webarchive template wayback links", "Articles with hCards"], rng.randint(1, 4))
            add("cat", S["hidden_cats"] + " | ".join(hid))
        if skin == "2010":
            if not any(k == "chrome" and t.startswith(("Navigation menu", "Navigationsmenü")) for k, t in lines):
                add_nav2010(lines, rng, lang, langs, title)
            add("chrome", S["edited"].format(**when))
            add("chrome", S["license"])
            add_block(lines, "chrome", FOOTER2010.get(lang, FOOTER2010['en']))
        else:
            add("chrome", S["edited"].format(**when))
            add("chrome", S["license4"])
            add_block(lines, "chrome", FOOTER2022.get(lang, FOOTER2022['en']))
            if rng.random() < 0.5:
                add("chrome", "Toggle limited content width" if lang == "en" else "Begrenzte Seitenbreite umschalten")
    # one entry per output line, doubled blank lines collapsed
    final = []
    for k, t in [(k, x) for k, t in lines for x in str(t).split("\n")]:
        if k == "blank" and final and final[-1][0] == "blank":
            continue
        final.append((k, t))
    while final and final[0][0] == "blank":
        final.pop(0)
    nref = sum(1 for k, _ in final if k in ("ref", "note"))
    nnum = sum(1 for k, _ in final if k == "ref")
    return title, final, nref, nnum, dict(lang=lang, variant=variant, edit=edit_style, toc=bool(toc_lines), knobs=opt)


def knobs(variant, rng, lang):
    """the shape of one copy: defaults of the skin, small things drawn from the seed."""
    r = rng.random
    k = dict(skin="2010", edit="edit", toc="numbered", tochide=r() < 0.5, navfirst=False,
             jump=r() < 0.75, fromwp=True, paragap=r() < 0.7, refnum="plain", bullets="",
             infobox=True, captions=True, hatnotes=True, navboxes=True, hiddencats=r() < 0.5,
             headgap=False)
    if variant.startswith("vector2010"):
        k["edit"] = rng.choice(["edit", "edit", "source"] + (["ve"] if lang == "en" and r() < 0.15 else []))
        k["navfirst"] = r() < 0.2       # some copies start with the sidebar
        if r() < 0.1:
            k["toc"] = "none"          # the selection skipped the (collapsed) box
        if variant == "vector2010-indent":
            k.update(refnum="indent", bullets="• ")
    elif variant == "vector2022":
        k.update(skin="2022", edit="nextline", toc="sidebar", refnum="none", jump=True)
    elif variant == "mobile":
        k.update(skin="mobile", edit="none", toc="none", refnum="none", fromwp=r() < 0.5,
                 paragap=r() < 0.5, hiddencats=False)
    return k


def add_block(lines, kind, text):
    for l in text.split("\n"):
        lines.append((kind, l))


def add_nav2010(lines, rng, lang, langs, title):
    edit_tab = {"en": "Edit" if rng.random() < 0.6 else "Edit source", "de": "Bearbeiten\nQuelltext bearbeiten",
                "af": "Wysig\nWysig bron"}[lang]
    search = rng.choice(["", "Search Wikipedia\nGo", "Search Wikipedia"]) if lang == "en" else ""
    nav = NAV2010.get(lang, NAV2010['en']).format(edit_tab=edit_tab, search=search, print=rng.choice(PRINT.get(lang, PRINT['en'])),
                               langs="\n".join(langs))
    for l in nav.split("\n"):
        if l or rng.random() < 0.3:
            lines.append(("chrome", l))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("wiki_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--variants", default="mixed",
                    help="comma list drawn from per article: " + ", ".join(VARIANTS) + ", mixed")
    ap.add_argument("--set", help="override knobs for every article, e.g. edit=none,paragap=0 "
                    "(knobs: skin edit toc tochide navfirst jump fromwp paragap headgap refnum bullets "
                    "infobox captions hatnotes navboxes hiddencats)")
    ap.add_argument("--refnum", choices=["none", "plain", "indent"],
                    help="force the shape of reference entries: '^ t', '1. ^ t' or '  1. ^ t'")
    a = ap.parse_args()
    vs = []
    for v in a.variants.split(","):
        v = v.strip()
        if v == "mixed":
            vs += VARIANTS
        elif v in VARIANTS:
            vs.append(v)
        else:
            ap.error(f"unknown variant {v}")
    os.makedirs(a.out_dir, exist_ok=True)
    titles = []
    n = 0
    for f in sorted(os.listdir(a.wiki_dir)):
        if not f.endswith(".wiki"):
            continue
        name = f[:-5]
        text = open(os.path.join(a.wiki_dir, f), encoding="utf-8").read()
        rng = random.Random(f"{a.seed}:{name}")
        variant = rng.choice(vs)
        try:
            title, lines, nref, nnum, info = build_page(name, text, rng, variant, a)
        except RecursionError:
            print(f"{name}: too deeply nested, skipped", file=sys.stderr)
            continue
        with open(os.path.join(a.out_dir, name + ".txt"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(t for _, t in lines) + "\n")
        with open(os.path.join(a.out_dir, name + ".kinds"), "w", encoding="utf-8") as fh:
            fh.write("\n".join(k for k, _ in lines) + "\n")
        with open(os.path.join(a.out_dir, name + ".refs"), "w", encoding="utf-8") as fh:
            fh.write(f"{nref}\nnumbered {nnum}\nvariant {info['variant']}\nlang {info['lang']}\n"
                     f"edit {info['edit'] or 'none'}\ntoc {int(info['toc'])}\n"
                     + "".join(f"knob.{k} {int(v) if isinstance(v, bool) else (v or '-')}\n"
                               for k, v in sorted(info["knobs"].items())))
        titles.append((name, title))
        n += 1
    with open(os.path.join(a.out_dir, "titles.tsv"), "w", encoding="utf-8") as fh:
        for name, title in titles:
            fh.write(f"{name}\t{title}\n")
    print(f"{n} browser copies in {a.out_dir} (seed {a.seed}, variants {a.variants})")


if __name__ == "__main__":
    main()
