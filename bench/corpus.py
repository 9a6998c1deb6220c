"""A deterministic synthetic news corpus for benchmarks.

``generate(out_dir, n_docs, seed)`` writes ``n_docs`` files of 2-6 KB under
``out_dir/dNNNN/aNNNNNNN.txt`` (``FILES_PER_DIR`` files a folder): English news articles built
from templates (web style with blank-line paragraphs, or wire style wrapped at ~68 columns
with indented paragraphs), carrying trade figures ("$20 billion", "8.14 billion dlrs",
"€300m", "Rs 5 crore"), troop counts ("some 28,500 troops", "35,000 to 50,000 soldiers"),
numbers that are neither (profits, budgets, casualties, crowds) and ordinary filler prose.
About 1% of the documents are French, German or Spanish, about 2% of the English ones are
encoded as cp1252, and about 0.5% of the files are broken: empty, binary (NUL bytes) or
larger than ``MAX_FILE_BYTES`` (the benchmark configures that limit).

Every document is drawn from its own RNG seeded by (seed, index), so document ``i`` is the
same whatever ``n_docs`` is (a 20,000-document corpus is the first 20,000 of the 100,000 one),
and every document carries a unique reference line, so there are no byte-identical
duplicates. A stamp file makes a second call with the same parameters a no-op; all text is
invented for this benchmark.
"""

from __future__ import annotations

import json
import os
import random
import re
import shutil
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

GENERATOR_VERSION = 1
FILES_PER_DIR = 1000
MAX_FILE_BYTES = 32_768  # the benchmark's max_file_bytes: "too_large" files exceed it
STAMP = ".corpus.json"
_DIR_RE = re.compile(r"d\d{4}\Z")

# (name, demonym, capital)
COUNTRIES: list[tuple[str, str, str]] = [
    ("the United States", "American", "Washington"), ("China", "Chinese", "Beijing"),
    ("Japan", "Japanese", "Tokyo"), ("Germany", "German", "Berlin"),
    ("France", "French", "Paris"), ("Britain", "British", "London"),
    ("Italy", "Italian", "Rome"), ("Spain", "Spanish", "Madrid"),
    ("India", "Indian", "New Delhi"), ("Pakistan", "Pakistani", "Islamabad"),
    ("Brazil", "Brazilian", "Brasilia"), ("Argentina", "Argentine", "Buenos Aires"),
    ("Mexico", "Mexican", "Mexico City"), ("Canada", "Canadian", "Ottawa"),
    ("Australia", "Australian", "Canberra"), ("Indonesia", "Indonesian", "Jakarta"),
    ("South Korea", "South Korean", "Seoul"), ("Vietnam", "Vietnamese", "Hanoi"),
    ("Thailand", "Thai", "Bangkok"), ("Malaysia", "Malaysian", "Kuala Lumpur"),
    ("the Philippines", "Philippine", "Manila"), ("Turkey", "Turkish", "Ankara"),
    ("Iran", "Iranian", "Tehran"), ("Iraq", "Iraqi", "Baghdad"),
    ("Saudi Arabia", "Saudi", "Riyadh"), ("Egypt", "Egyptian", "Cairo"),
    ("Israel", "Israeli", "Jerusalem"), ("Jordan", "Jordanian", "Amman"),
    ("Nigeria", "Nigerian", "Abuja"), ("Kenya", "Kenyan", "Nairobi"),
    ("South Africa", "South African", "Pretoria"), ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Russia", "Russian", "Moscow"), ("Ukraine", "Ukrainian", "Kyiv"),
    ("Poland", "Polish", "Warsaw"), ("Sweden", "Swedish", "Stockholm"),
    ("Norway", "Norwegian", "Oslo"), ("the Netherlands", "Dutch", "The Hague"),
    ("Chile", "Chilean", "Santiago"), ("Peru", "Peruvian", "Lima"),
    ("Colombia", "Colombian", "Bogota"), ("Afghanistan", "Afghan", "Kabul"),
    ("Syria", "Syrian", "Damascus"), ("Lebanon", "Lebanese", "Beirut"),
    ("Qatar", "Qatari", "Doha"), ("Oman", "Omani", "Muscat"),
    ("Bangladesh", "Bangladeshi", "Dhaka"), ("Morocco", "Moroccan", "Rabat"),
    ("Greece", "Greek", "Athens"), ("Mali", "Malian", "Bamako"),
]  # fmt: skip
WIRE_CITIES = ["WASHINGTON", "TOKYO", "LONDON", "PARIS", "BONN", "NEW DELHI", "SEOUL",
               "CAIRO", "BRUSSELS", "GENEVA", "SINGAPORE", "NAIROBI", "MEXICO CITY", "OSLO"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
GOODS = ["soybeans", "crude oil", "steel", "semiconductors", "cars", "coffee", "wheat",
         "liquefied natural gas", "textiles", "copper", "machine tools", "pharmaceuticals",
         "rice", "aircraft parts", "fertiliser", "solar panels", "beef", "cotton"]
CO_FIRST = ["Harbor", "Norland", "Redfield", "Castlebay", "Silverline", "Ashgrove", "Kestrel",
            "Meridian", "Blackwater", "Oakmont", "Pinecrest", "Stonebridge", "Larkspur",
            "Tidewater", "Granite", "Westmark", "Corran", "Valdor"]
CO_SECOND = ["Shipping", "Motors", "Petroleum", "Foods", "Steel", "Holdings", "Electronics",
             "Mining", "Textiles", "Aerospace", "Chemicals", "Bank"]
CO_SUFFIX = ["Inc", "Ltd", "Corp", "Co", "Group", "AG", "SA", "plc"]
PEOPLE = ["Maria Okafor", "James Whitcombe", "Chen Liwei", "Anika Sorensen", "Rahul Mehta",
          "Elena Vasquez", "Tomas Berglund", "Fatima Haddad", "Kenji Arakawa", "Olga Petrenko",
          "David Mensah", "Lucia Ferraro", "Hassan Qureshi", "Ingrid Dahl", "Pedro Almeida"]


@dataclass
class CorpusInfo:
    path: str
    n_docs: int
    seed: int
    files: int
    bytes: int
    kinds: dict[str, int] = field(default_factory=dict)
    generated_seconds: float = 0.0
    cached: bool = False


# ------------------------------------------------------------------------------- numbers


def _grouped(n: int) -> str:
    return f"{n:,}"


def _amount(r: random.Random) -> str:
    """A money amount in one of the many ways news text writes them."""
    k = r.randrange(14)
    if k == 0:
        return f"${r.randint(2, 120)} billion"
    if k == 1:
        return f"{r.randint(1, 40)}.{r.randint(10, 99)} billion dlrs"
    if k == 2:
        return f"€{r.randint(50, 950)}m"
    if k == 3:
        return f"Rs {r.randint(2, 900)} crore"
    if k == 4:
        return f"US${r.randint(1, 60)}.{r.randint(1, 9)}bn"
    if k == 5:
        return f"£{r.randint(1, 30)}.{r.randint(1, 9)}bn"
    if k == 6:
        return f"{r.randint(120, 990)} mln dlrs"
    if k == 7:
        return f"{_grouped(r.randint(100, 2400))} billion yen"
    if k == 8:
        return f"{r.randint(100, 900)} mln stg"
    if k == 9:
        return f"{r.randint(2, 80)} billion euros"
    if k == 10:
        return f"${r.randint(100, 900)} million"
    if k == 11:
        return f"€{r.randint(1, 20)}.{r.randint(1, 9)} billion"
    if k == 12:
        return f"about ${r.randint(2, 40)} billion"
    return f"{r.randint(2, 90)} billion Swiss francs"


def _troops_n(r: random.Random) -> str:
    return _grouped(r.choice([r.randint(2, 60) * 500, r.randint(1, 40) * 100,
                              r.randint(3, 150) * 1000]))


def _year(r: random.Random) -> int:
    return r.randint(1985, 2025)


def _company(r: random.Random) -> str:
    return f"{r.choice(CO_FIRST)} {r.choice(CO_SECOND)} {r.choice(CO_SUFFIX)}"


# ----------------------------------------------------------------------------- sentences


def _two(r: random.Random) -> tuple[tuple[str, str, str], tuple[str, str, str]]:
    a, b = r.sample(COUNTRIES, 2)
    return a, b


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def trade_sentence(r: random.Random) -> str:
    (a, ad, _), (b, bd, bc) = _two(r)
    amt, amt2, y = _amount(r), _amount(r), _year(r)
    m, g = r.choice(MONTHS), r.choice(GOODS)
    k = r.randrange(12)
    if k == 0:
        return f"{_cap(a)}'s exports to {b} rose to {amt} last year, the trade ministry said."
    if k == 1:
        return f"Trade between {a} and {b} reached {amt} in {y}, up from {amt2} a year earlier."
    if k == 2:
        return f"{_cap(a)} posted a trade surplus of {amt} with {b} in {m}, officials said."
    if k == 3:
        return f"{ad} imports of {g} from {b} fell to {amt} in the first quarter."
    if k == 4:
        return (f"{_cap(a)} and {b} signed an agreement worth {amt} to expand trade in {g}, "
                f"the two governments said in a joint statement.")
    if k == 5:
        return (f"{_cap(a)} agreed to buy {r.randint(6, 48)} fighter jets from {b} in an arms "
                f"deal valued at {amt}.")
    if k == 6:
        return f"{ad} officials said the trade deficit with {b} had narrowed to {amt} in {m}."
    if k == 7:
        return (f"Bilateral trade between {a} and {b} could reach {amt} a year by {y + 5}, "
                f"{bd} ministers told reporters in {bc}.")
    if k == 8:
        return f"{_cap(a)} shipped {g} worth {amt} to {b} in {m}, customs data showed."
    if k == 9:
        return (f"Exports of {g} from {a} to {b} totalled {amt} in {y}, against {amt2} the "
                f"year before.")
    if k == 10:
        return f"{_cap(b)} bought {amt} of {ad} {g} last year, making it the largest buyer."
    return f"{_cap(a)}'s imports from {b} climbed to {amt} a month, the central bank said."


def troops_sentence(r: random.Random) -> str:
    (a, ad, _), (b, bd, _) = _two(r)
    n = _troops_n(r)
    k = r.randrange(10)
    if k == 0:
        return f"{_cap(a)} has some {n} troops stationed in {b}, the defence ministry said."
    if k == 1:
        lo = r.randint(10, 40) * 1000
        hi = lo + r.randint(5, 30) * 1000
        return (f"{_cap(a)} is expected to send {_grouped(lo)} to {_grouped(hi)} soldiers to "
                f"{b} before the end of the year.")
    if k == 2:
        return f"{ad} forces will withdraw about {n} troops from {b} by the spring."
    if k == 3:
        return f"Around {n} {ad} troops remain in {b} under a security agreement."
    if k == 4:
        return f"NATO will deploy more than {n} troops to {b} as part of a rotation."
    if k == 5:
        return f"The United Nations has about {n} peacekeepers in {b}, a spokesman said."
    if k == 6:
        return f"{_cap(a)} said it would pull {n} soldiers out of {b} within six months."
    if k == 7:
        return f"Up to {n} {ad} marines arrived in {b} on {r.choice(WEEKDAYS)} for exercises."
    if k == 8:
        return f"{bd} officials said {n} {ad} troops had crossed into {b} overnight."
    return f"{_cap(a)} keeps roughly {n} military personnel in {b} at two bases."


def negative_sentence(r: random.Random) -> str:
    (a, ad, ac), _ = _two(r)
    amt, amt2, co = _amount(r), _amount(r), _company(r)
    n = r.randint(3, 400)
    k = r.randrange(10)
    if k == 0:
        return f"{co} reported a net profit of {amt} on revenue of {amt2}."
    if k == 1:
        return f"{_cap(a)}'s defence budget for {_year(r)} is {amt}, the finance ministry said."
    if k == 2:
        return (f"At least {n} soldiers were killed and {n * 2 + 3} wounded in the clashes, "
                f"{ad} officials said.")
    if k == 3:
        return f"Some {_grouped(n * 100)} people attended a rally in {ac} on {r.choice(WEEKDAYS)}."
    if k == 4:
        return f"The government will spend {amt} on new schools and hospitals over five years."
    if k == 5:
        return f"Shares in {co} rose {r.randint(1, 15)} pct after the results."
    if k == 6:
        return f"{co} said it would cut {_grouped(n * 10)} jobs to save {amt} a year."
    if k == 7:
        return f"The central bank raised {amt} from a bond sale in {r.choice(MONTHS)}."
    if k == 8:
        return f"The storm left {n} people dead and caused damage estimated at {amt}."
    return f"{co}, which employs {_grouped(n * 50)} people, paid a dividend of {amt2}."


FILLER = [
    "Analysts said the figures were broadly in line with expectations.",
    "The announcement came after weeks of negotiations between senior officials.",
    "Economists warned that a slowdown in global demand could weigh on growth next year.",
    "Opposition politicians criticised the plan, saying it had been rushed through parliament.",
    "The ministry did not give details of how the money would be spent.",
    "Diplomats described the talks as frank but constructive.",
    "Markets reacted calmly to the news, with the currency little changed in afternoon trade.",
    "A spokesman for the president declined to comment on the report.",
    "The agreement still needs to be ratified by both legislatures before it takes effect.",
    "Officials expect the new rules to come into force at the start of next year.",
    "Business groups welcomed the decision but called for further cuts in red tape.",
    "The figures were compiled from customs declarations and may be revised.",
    "Farmers have complained for years that cheap imports are driving down prices.",
    "The two leaders are due to meet again at a summit later this year.",
    "Several ministers have said privately that they doubt the targets can be met.",
    "The report said the recovery had been uneven across regions and industries.",
    "Union leaders said they would study the proposals before deciding how to respond.",
    "Prices of fuel and food have risen sharply over the past twelve months.",
    "The port has been expanded twice in the past decade to cope with rising traffic.",
    "Correspondents say the issue has become a test of the government's credibility.",
    "The committee will publish its findings in the autumn.",
    "Human rights groups urged both sides to protect civilians.",
    "It was not immediately clear how the plan would be financed.",
    "Shipping companies have been rerouting vessels to avoid the disputed waters.",
    "The talks were held behind closed doors and no statement was issued afterwards.",
    "Weather conditions delayed the harvest in several provinces.",
    "The central bank left interest rates unchanged at its last meeting.",
    "Independent observers said the vote had been largely peaceful.",
    "The minister told parliament that the country would honour its commitments.",
    "Local residents said they had heard explosions late into the night.",
]


def filler_sentence(r: random.Random) -> str:
    k = r.randrange(len(FILLER) + 6)
    if k < len(FILLER):
        return FILLER[k]
    (a, ad, ac), (b, _, _) = _two(r)
    p = r.choice(PEOPLE)
    k -= len(FILLER)
    if k == 0:
        return f"\"We are confident that this will benefit both our peoples,\" said {p}."
    if k == 1:
        return f"{p}, an economist in {ac}, said the outlook for {a} remained uncertain."
    if k == 2:
        return f"The talks in {ac} were the first at this level since {_year(r)}."
    if k == 3:
        return f"{ad} newspapers said relations with {b} had improved in recent months."
    if k == 4:
        return f"{p} is expected to visit {b} on {r.choice(WEEKDAYS)} for two days of meetings."
    return f"The ministry in {ac} said it would publish revised estimates in {r.choice(MONTHS)}."


def headline(r: random.Random, topic: str) -> str:
    (a, ad, ac), (b, bd, _) = _two(r)
    if topic == "trade":
        return r.choice([
            f"{_cap(a)} exports to {b} hit record {_amount(r)}",
            f"{_cap(a)} and {b} sign trade pact",
            f"{ad} trade surplus with {b} widens",
            f"{bd} imports of {r.choice(GOODS)} slump",
        ])
    if topic == "troops":
        return r.choice([
            f"{_cap(a)} to send {_troops_n(r)} troops to {b}",
            f"{ad} forces begin pullout from {b}",
            f"NATO boosts presence in {b}",
        ])
    return r.choice([
        f"Talks on {r.choice(GOODS)} resume in {ac}",
        f"{_cap(a)} budget deficit widens",
        f"{ad} central bank holds rates",
        f"{_company(r)} profit rises",
    ])


# ----------------------------------------------------------------------- other languages

FOREIGN: dict[str, list[str]] = {
    "fr": [
        "Le gouvernement a présenté mercredi un projet de loi sur la réforme des retraites.",
        "Les syndicats ont appelé à une nouvelle journée de grève la semaine prochaine.",
        "Selon le ministère, les exportations agricoles ont progressé de {p} % l'an dernier.",
        "Le Premier ministre s'est rendu à {city} pour rencontrer les élus locaux.",
        "Les députés examineront le texte en séance publique au début du mois prochain.",
        "Cette décision a suscité de vives critiques dans les rangs de l'opposition.",
        "La ville a accueilli plus de {n} visiteurs pendant le festival d'été.",
        "Les prix de l'énergie ont fortement augmenté depuis le début de l'année.",
        "Le conseil municipal a voté un budget en hausse pour les écoles et les crèches.",
        "Les agriculteurs réclament depuis longtemps une protection face aux importations.",
        "La banque centrale a laissé ses taux directeurs inchangés lors de sa dernière réunion.",
        "Les négociations reprendront à {city} après les vacances parlementaires.",
    ],
    "de": [
        "Die Bundesregierung hat am Mittwoch einen Gesetzentwurf zur Rentenreform vorgelegt.",
        "Die Gewerkschaften kündigten für die kommende Woche weitere Warnstreiks an.",
        "Nach Angaben des Ministeriums stiegen die Ausfuhren im vergangenen Jahr um {p} Prozent.",
        "Der Kanzler reiste nach {city}, um sich mit Vertretern der Länder zu treffen.",
        "Der Bundestag wird den Entwurf Anfang des nächsten Monats beraten.",
        "Die Entscheidung stieß bei der Opposition auf heftige Kritik.",
        "Mehr als {n} Besucher kamen zu dem Stadtfest am Wochenende.",
        "Die Energiepreise sind seit Jahresbeginn deutlich gestiegen.",
        "Der Stadtrat beschloss einen höheren Haushalt für Schulen und Kindergärten.",
        "Die Landwirte fordern seit langem einen besseren Schutz vor billigen Einfuhren.",
        "Die Zentralbank ließ die Leitzinsen bei ihrer letzten Sitzung unverändert.",
        "Die Gespräche sollen nach der Sommerpause in {city} fortgesetzt werden.",
    ],
    "es": [
        "El Gobierno presentó el miércoles un proyecto de ley para reformar las pensiones.",
        "Los sindicatos convocaron una nueva jornada de huelga para la próxima semana.",
        "Según el ministerio, las exportaciones agrícolas crecieron un {p} % el año pasado.",
        "El presidente viajó a {city} para reunirse con los gobernadores regionales.",
        "Los diputados debatirán el texto en el pleno a principios del próximo mes.",
        "La decisión provocó duras críticas por parte de la oposición.",
        "Más de {n} personas visitaron la feria durante el fin de semana.",
        "Los precios de la energía han subido con fuerza desde principios de año.",
        "El ayuntamiento aprobó un presupuesto mayor para escuelas y guarderías.",
        "Los agricultores reclaman desde hace años más protección frente a las importaciones.",
        "El banco central mantuvo sin cambios los tipos de interés en su última reunión.",
        "Las negociaciones se reanudarán en {city} después del verano.",
    ],
}
FOREIGN_TITLES = {
    "fr": ["La réforme des retraites divise le Parlement", "Grève nationale dans les transports"],
    "de": ["Streit um die Rentenreform im Bundestag", "Warnstreiks legen den Verkehr lahm"],
    "es": ["El Congreso debate la reforma de las pensiones", "Huelga general en el transporte"],
}


def foreign_doc(r: random.Random, lang: str, target: int, ref: str) -> str:
    sents = FOREIGN[lang]
    parts = [r.choice(FOREIGN_TITLES[lang]), ""]
    size = 0
    while size < target:
        para = " ".join(
            r.choice(sents).format(p=r.randint(2, 30), n=_grouped(r.randint(2, 90) * 1000),
                                   city=r.choice(COUNTRIES)[2])
            for _ in range(r.randint(2, 4))
        )
        parts += [para, ""]
        size += len(para) + 2
    parts.append(ref)
    return "\n".join(parts) + "\n"


# ----------------------------------------------------------------------------- documents


def _wrap(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line = ""
    for word in text.split(" "):
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def _paragraph(r: random.Random, topic: str) -> str:
    out = []
    for _ in range(r.randint(2, 5)):
        x = r.random()
        if x < 0.12:  # about 1 fact sentence in 5, the rest numbers that are no facts or prose
            out.append(trade_sentence(r) if topic != "troops" or x < 0.03 else troops_sentence(r))
        elif x < 0.20:
            out.append(troops_sentence(r) if topic != "trade" or x < 0.14 else trade_sentence(r))
        elif x < 0.36:
            out.append(negative_sentence(r))
        else:
            out.append(filler_sentence(r))
    return " ".join(out)


def english_doc(r: random.Random, target: int, ref: str) -> str:
    topic = r.choice(["trade", "trade", "troops", "general"])
    title = headline(r, topic)
    day, month, year = r.randint(1, 28), r.choice(MONTHS), _year(r)
    paras: list[str] = []
    size = 0
    while size < target - 150:
        p = _paragraph(r, topic)
        paras.append(p)
        size += len(p) + 2
    if r.random() < 0.3:  # wire style: upper-case headline, dateline, wrapped, indented
        first = f"{r.choice(WIRE_CITIES)}, {month[:3]} {day} - {paras[0]}"
        lines = [title.upper(), ""]
        lines += _wrap(first, 68)
        for p in paras[1:]:
            wrapped = _wrap(p, 64)
            lines += ["    " + wrapped[0], *wrapped[1:]]
        lines += [" REUTER", ref]
        return "\n".join(lines) + "\n"
    head = [title, ""]
    if r.random() < 0.6:
        head += [r.choice([f"Published: {day} {month} {year}", f"{month} {day}, {year}",
                           f"{year}-{MONTHS.index(month) + 1:02d}-{day:02d}"]), ""]
    return "\n\n".join(["\n".join(head).rstrip("\n"), *paras, ref]) + "\n"


def document(seed: int, i: int) -> tuple[str, bytes]:
    """(kind, file bytes) of document ``i``; the same for a given (seed, i) everywhere."""
    r = random.Random(seed * 1_000_003 + i)
    ref = f"Newsroom reference NF-{seed}-{i:07d}."
    target = r.randint(2000, 5600)
    x = r.random()
    if x < 0.005:  # broken files
        k = i % 3
        if k == 0:
            return "empty", b"" if i % 2 else b" \n\n  \n"
        if k == 1:
            blob = bytes(r.getrandbits(8) for _ in range(512))
            return "binary", b"PK\x03\x04\x00\x00" + blob
        return "too_large", (english_doc(r, 3000, ref) * 12).encode()[: MAX_FILE_BYTES + 4096]
    if x < 0.015:
        lang = ("fr", "de", "es")[i % 3]
        return f"foreign_{lang}", foreign_doc(r, lang, target, ref).encode()
    text = english_doc(r, target, ref)
    if x < 0.035:
        return "english_cp1252", text.encode("cp1252", errors="replace")
    return "english", text.encode()


def generate(out_dir: Path | str, n_docs: int = 100_000, seed: int = 0) -> CorpusInfo:
    """Write the corpus under ``out_dir`` unless a stamp says it is already there."""
    out = Path(out_dir)
    stamp = out / STAMP
    params = {"n_docs": n_docs, "seed": seed, "version": GENERATOR_VERSION,
              "files_per_dir": FILES_PER_DIR, "max_file_bytes": MAX_FILE_BYTES}
    if stamp.exists():
        saved = json.loads(stamp.read_text())
        if saved.get("params") == params:
            return CorpusInfo(**{**saved["info"], "cached": True})
    t0 = time.perf_counter()
    out.mkdir(parents=True, exist_ok=True)
    stamp.unlink(missing_ok=True)
    for child in out.iterdir():  # only folders this generator makes
        if child.is_dir() and _DIR_RE.match(child.name):
            shutil.rmtree(child)
    kinds: Counter[str] = Counter()
    total = 0
    for i in range(n_docs):
        folder = out / f"d{i // FILES_PER_DIR:04d}"
        if i % FILES_PER_DIR == 0:
            folder.mkdir()
        kind, data = document(seed, i)
        kinds[kind] += 1
        total += len(data)
        with open(folder / f"a{i:07d}.txt", "wb") as fh:
            fh.write(data)
    info = CorpusInfo(path=str(out.resolve()), n_docs=n_docs, seed=seed, files=n_docs,
                      bytes=total, kinds=dict(sorted(kinds.items())),
                      generated_seconds=round(time.perf_counter() - t0, 2))
    tmp = stamp.with_suffix(".tmp")
    tmp.write_text(json.dumps({"params": params, "info": asdict(info)}, indent=1))
    os.replace(tmp, stamp)
    return info


if __name__ == "__main__":
    import sys

    dest = sys.argv[1] if len(sys.argv) > 1 else "/tmp/newsfacts-bench/corpus-demo"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    print(json.dumps(asdict(generate(dest, n)), indent=1))
