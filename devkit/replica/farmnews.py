"""The articles of a HostFarm: announcement events told by 2-3 hosts, and ordinary news.

Written by us in the manner of Moroccan business coverage (French from the synthetic
phrasebook, Arabic from the templates below). Each event is one company opening an
offshoring site in one city with one jobs figure and one investment; each host that reports
it draws its own title, lead and sentences, so the reports agree on the facts, not the words.
Deterministic for a given (sites, articles_per_site, seed); only the dates follow `now`.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from string import Template

from devkit.replica.article import ReplicaArticle, slugify
from devkit.replica.phrasebook import GENERIC, TOPICS, VOICES, Topic
from devkit.replica.synthetic import (
    CITIES,
    FIRST_NAMES,
    LAST_NAMES,
    NAME_HEADS,
    NAME_TAILS,
    Slots,
)

# Mostly French outlets; one host in six is an Arabic one.
KIND_CYCLE = ("wp", "arc", "custom", "wp", "arc", "ar")
ARABIC_CITIES = {
    "Casablanca": "الدار البيضاء", "Rabat": "الرباط", "Fès": "فاس", "Tanger": "طنجة",
    "Marrakech": "مراكش", "Agadir": "أكادير", "Oujda": "وجدة", "Tétouan": "تطوان",
    "Meknès": "مكناس", "Kénitra": "القنيطرة", "El Jadida": "الجديدة",
    "Béni Mellal": "بني ملال", "Laâyoune": "العيون", "Dakhla": "الداخلة", "Nador": "الناظور",
    "Safi": "آسفي",
}
# Automotive stories announce jobs too: left out, so "off-topic" here means "never alerts".
OFF_TOPICS = tuple(t for t in TOPICS if not t.on_topic and not t.announcement)
ANNOUNCEMENT = next(t for t in TOPICS if t.name == "offshoring_announcement")
_CHOICE = re.compile(r"\{([^{}]*)\}")
# Company names the analysis must read as companies: no place names, no topic words.
EVENT_HEADS = tuple(h for h in NAME_HEADS if h not in ("Ifrane", "Tafraout", "Anfa"))
EVENT_TAILS = ("CX", "Digital", "Contact", "Services", "Tech", "Connect")


@dataclass(frozen=True)
class Event:
    """One announcement: what every report of it agrees on."""

    key: str
    company: str
    city: str
    jobs: int
    mdh: int


@dataclass
class FarmNews:
    articles: dict[str, list[ReplicaArticle]]  # site name -> its articles
    events: dict[str, list[ReplicaArticle]] = field(default_factory=dict)  # key -> its reports
    off_topic: list[ReplicaArticle] = field(default_factory=list)


def farm_news(
    sites: list[str],
    kinds: list[str],
    articles_per_site: int,
    *,
    now: datetime,
    seed: int = 0,
    events: int | None = None,
) -> FarmNews:
    """Every site's articles: its share of the events' reports, then off-topic news."""
    rng = random.Random(seed)
    news = FarmNews({name: [] for name in sites})
    for event, hosts in _plan_events(len(sites), articles_per_site, events, rng):
        first = now - timedelta(minutes=rng.randint(6 * 60, 20 * 60))
        for order, host in enumerate(hosts):
            published = first + timedelta(minutes=35 * order + rng.randint(0, 30))
            report = _report(event, sites[host], kinds[host], order, published, rng)
            news.articles[sites[host]].append(report)
            news.events.setdefault(event.key, []).append(report)
    for name, kind in zip(sites, kinds, strict=True):
        while len(news.articles[name]) < articles_per_site:
            index = len(news.articles[name])
            published = now - timedelta(minutes=rng.randint(10, 23 * 60))
            article = _off_topic(name, kind, index, published, rng)
            news.articles[name].append(article)
            news.off_topic.append(article)
    for articles in news.articles.values():
        _unique_slugs(articles)
    return news


def _plan_events(
    hosts: int, per_site: int, wanted: int | None, rng: random.Random
) -> list[tuple[Event, list[int]]]:
    """Events over consecutive hosts (2 or 3 each), while every host has room for them."""
    count = hosts if wanted is None else wanted
    load = [0] * hosts
    plan: list[tuple[Event, list[int]]] = []
    cursor = 0
    cities = rng.sample(CITIES, len(CITIES))
    for number in range(count):
        reports = min(hosts, 2 + number % 2)
        chosen = [(cursor + step) % hosts for step in range(reports)]
        if any(load[host] >= per_site for host in chosen):
            break
        for host in chosen:
            load[host] += 1
        cursor = (cursor + reports) % hosts
        plan.append((_event(number, cities[number % len(cities)]), chosen))
    return plan


def _event(number: int, city: str) -> Event:
    head = EVENT_HEADS[number % len(EVENT_HEADS)]
    tail = EVENT_TAILS[(number // len(EVENT_HEADS) + number) % len(EVENT_TAILS)]
    company = f"{head} {tail}"
    # Figures far apart from one event to the next, so no two events look alike.
    jobs = 300 + 150 * number
    mdh = 40 + 15 * number
    return Event(f"{slugify(company)}-{slugify(city)}", company, city, jobs, mdh)


def _report(
    event: Event, site: str, kind: str, order: int, published: datetime, rng: random.Random
) -> ReplicaArticle:
    if kind == "ar":
        return _arabic_report(event, site, order, published, rng)
    slots = _slots(rng, event, published.year)
    # Each report its own title and lead, and its own part of the topic's sentences.
    title = _fill(rng, ANNOUNCEMENT.titles[order % len(ANNOUNCEMENT.titles)], slots)
    lead = _fill(rng, ANNOUNCEMENT.leads[order % len(ANNOUNCEMENT.leads)], slots)
    return ReplicaArticle(
        site=site,
        slug=slugify(title)[:80].rstrip("-"),
        title=title[0].upper() + title[1:],
        lead=lead,
        paragraphs=_paragraphs(rng, ANNOUNCEMENT, slots),
        published=published.replace(microsecond=0),
        author=_author(rng),
        section=ANNOUNCEMENT.section,
        expected=_truth(event, order),
    )


def _truth(event: Event, order: int) -> dict[str, object]:
    return {
        "event": event.key, "report": order, "on_topic": True, "announcement": True,
        "alert": True, "company": event.company, "city": event.city,
        "jobs": event.jobs, "investment_mdh": event.mdh,
    }


def _off_topic(
    site: str, kind: str, index: int, published: datetime, rng: random.Random
) -> ReplicaArticle:
    if kind == "ar":
        return _arabic_off_topic(site, index, published, rng)
    topic = OFF_TOPICS[rng.randrange(len(OFF_TOPICS))]
    slots = _slots(rng, None, published.year, topic)
    title = _fill(rng, rng.choice(topic.titles), slots)
    return ReplicaArticle(
        site=site,
        slug=slugify(title)[:80].rstrip("-") or f"article-{index}",
        title=title[0].upper() + title[1:],
        lead=_fill(rng, rng.choice(topic.leads), slots),
        paragraphs=_paragraphs(rng, topic, slots),
        published=published.replace(microsecond=0),
        author=_author(rng),
        section=topic.section,
        expected={"topic": topic.name, "on_topic": False, "announcement": False, "alert": False},
    )


def _paragraphs(rng: random.Random, topic: Topic, slots: Slots) -> list[str]:
    share = round(len(topic.body) * rng.uniform(0.55, 0.75))
    sentences = [
        *rng.sample(topic.body, k=max(5, min(share, len(topic.body)))),
        *rng.sample(GENERIC, k=rng.randint(2, 4)),
        *rng.sample(VOICES, k=2),
    ]
    paragraphs: list[str] = []
    while sentences:
        size = rng.randint(2, 3)
        paragraphs.append(" ".join(_fill(rng, s, slots) for s in sentences[:size]))
        sentences = sentences[size:]
    return paragraphs


def _slots(
    rng: random.Random, event: Event | None, year: int, topic: Topic | None = None
) -> Slots:
    city, city2 = rng.sample(CITIES, 2)
    tails = NAME_TAILS.get(topic.name if topic else "", ("Holding", "Groupe", "Capital"))
    fixed = {
        "company": f"{rng.choice(NAME_HEADS)} {rng.choice(tails)}",
        "person": _author(rng),
        "expert": _author(rng),
        "firm": f"{rng.choice(NAME_HEADS)} Conseil",
        "city": city,
        "city2": city2,
        "hub": rng.choice([c for c in ("Fès", "Tanger", "Marrakech", "Agadir") if c != city]),
        "quarter": rng.choice(("premier", "deuxième", "troisième", "quatrième")),
        "year": str(year + rng.randint(0, 2)),
        "prevyear": str(year - 1),
        "mdh": str(rng.randrange(20, 600, 5)),
        "jobs": _grouped(rng.randrange(150, 3000, 50)),
    }
    if event is not None:
        fixed |= {"company": event.company, "city": event.city, "mdh": str(event.mdh),
                  "jobs": _grouped(event.jobs)}
    return Slots(rng, fixed)


def _fill(rng: random.Random, template: str, slots: Slots) -> str:
    chosen = _CHOICE.sub(lambda m: rng.choice(m.group(1).split("|")), template)
    return Template(chosen).substitute(slots)


def _grouped(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _author(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


def _unique_slugs(articles: list[ReplicaArticle]) -> None:
    taken: set[str] = set()
    for article in articles:
        slug, number = article.slug, 2
        while slug in taken:
            slug, number = f"{article.slug}-{number}", number + 1
        article.slug = slug
        taken.add(slug)


# -- Arabic ----------------------------------------------------------------------------------

ARABIC_REPORTS = (
    (
        "$company تحدث $jobs منصب شغل بمدينة $city",
        (
            "أعلنت مجموعة $company المتخصصة في مراكز الاتصال وخدمة الزبناء عن افتتاح مركز جديد "
            "بمدينة $city، سيمكن من إحداث $jobs منصب شغل مباشر في أفق السنتين المقبلتين.",
            "وسيتطلب هذا المشروع استثمارا بقيمة $mdh مليون درهم، حسب ما أفادت به إدارة المجموعة "
            "خلال لقاء مع السلطات الجهوية والمركز الجهوي للاستثمار.",
            "وسيقدم المركز الجديد خدماته لفائدة زبناء ناطقين بالفرنسية والإسبانية في قطاعي "
            "الطاقة والاتصالات، على أن تنطلق عملية التوظيف خلال الأشهر المقبلة.",
        ),
    ),
    (
        "مركز جديد لترحيل الخدمات بـ$city يوفر $jobs فرصة عمل",
        (
            "وقعت شركة $company، الفاعلة في مجال ترحيل الخدمات، اتفاقية استثمار لإنشاء مركز "
            "للعلاقة مع الزبناء بمدينة $city، باستثمار يناهز $mdh مليون درهم.",
            "وحسب المعطيات التي قدمتها الشركة، فإن المركز سيوفر $jobs منصب شغل لفائدة الشباب "
            "حاملي الشهادات، مع إعطاء الأولوية لخريجي الجامعات ومعاهد التكوين المهني بالجهة.",
            "ويستفيد المشروع من التحفيزات التي يتيحها عرض «المغرب أوفشورينغ»، خاصة المساهمة في "
            "تكاليف التكوين عند التوظيف.",
        ),
    ),
    (
        "$city.. $company تستثمر $mdh مليون درهم في مركز للاتصال",
        (
            "قررت $company ضخ استثمار بقيمة $mdh مليون درهم لإحداث مركز للاتصال بمدينة $city، "
            "وفق ما أكده مسؤولو الشركة في ندوة صحفية.",
            "وينتظر أن يشغل المركز $jobs مستشارا ومستشارة في أفق ثلاث سنوات، يشتغلون على خدمات "
            "المكتب الخلفي والدعم التقني لفائدة شركات أوروبية.",
            "وأكد المدير العام للشركة أن اختيار $city جاء بفضل جودة الكفاءات الشابة بالمنطقة "
            "وتوفر البنيات التحتية اللازمة.",
        ),
    ),
)
ARABIC_OFF_TOPIC = (
    (
        "ارتفاع حقينة السدود إلى $pct في المائة بـ$city",
        (
            "كشفت معطيات رسمية أن نسبة ملء السدود بجهة $city بلغت $pct في المائة، بعد التساقطات "
            "المطرية التي عرفتها المنطقة خلال الأسبوع الماضي.",
            "وأوضحت المصادر ذاتها أن الواردات المائية ما تزال دون المعدل السنوي، داعية إلى "
            "ترشيد استعمال الماء في الري والاستعمالات المنزلية.",
        ),
    ),
    (
        "السياحة.. ليالي المبيت بـ$city ترتفع بـ$pct في المائة",
        (
            "سجلت المؤسسات الفندقية المصنفة بمدينة $city ارتفاعا في ليالي المبيت بنسبة $pct في "
            "المائة، حسب أرقام المرصد الجهوي للسياحة.",
            "ويعزى هذا الارتفاع إلى عودة السياح الأوروبيين وتزايد الرحلات الجوية المباشرة نحو "
            "المدينة خلال الموسم الحالي.",
        ),
    ),
    (
        "أسعار الخضر تواصل الارتفاع في أسواق $city",
        (
            "تعرف أسعار الخضر بأسواق $city ارتفاعا ملحوظا، إذ تجاوز سعر الطماطم $small درهما "
            "للكيلوغرام الواحد، وسط تذمر المستهلكين.",
            "ويرجع المهنيون هذا الارتفاع إلى تراجع العرض وكلفة النقل، فيما تؤكد السلطات أن لجان "
            "المراقبة تواصل جولاتها لزجر المضاربة.",
        ),
    ),
    (
        "بورصة الدار البيضاء تنهي الأسبوع على ارتفاع بـ$pct في المائة",
        (
            "أنهت بورصة الدار البيضاء تداولات الأسبوع على ارتفاع، إذ ربح مؤشرها الرئيسي $pct في "
            "المائة، مدفوعا بأداء أسهم البنوك والعقار.",
            "وبلغ حجم التداولات الإجمالي حوالي $small مليار درهم، حسب معطيات الشركة المسيرة "
            "للبورصة.",
        ),
    ),
)


def _arabic_report(
    event: Event, site: str, order: int, published: datetime, rng: random.Random
) -> ReplicaArticle:
    title, paragraphs = ARABIC_REPORTS[(order + len(event.key)) % len(ARABIC_REPORTS)]
    values = {"company": event.company, "city": ARABIC_CITIES[event.city],
              "jobs": str(event.jobs), "mdh": str(event.mdh)}
    return ReplicaArticle(
        site=site,
        slug=f"{slugify(event.company)}-{slugify(event.city)}-{event.jobs}",
        title=Template(title).substitute(values),
        lead=None,
        paragraphs=[Template(p).substitute(values) for p in paragraphs],
        published=published.replace(microsecond=0),
        author="هيئة التحرير",
        language="ar",
        expected=_truth(event, order),
    )


def _arabic_off_topic(
    site: str, index: int, published: datetime, rng: random.Random
) -> ReplicaArticle:
    title, paragraphs = ARABIC_OFF_TOPIC[index % len(ARABIC_OFF_TOPIC)]
    city = rng.choice(list(ARABIC_CITIES))
    values = {"city": ARABIC_CITIES[city], "pct": str(rng.randint(12, 78)),
              "small": str(rng.randint(6, 14))}
    return ReplicaArticle(
        site=site,
        slug=f"akhbar-{slugify(city)}-{index}",
        title=Template(title).substitute(values),
        lead=None,
        paragraphs=[Template(p).substitute(values) for p in paragraphs],
        published=published.replace(microsecond=0),
        author="هيئة التحرير",
        language="ar",
        expected={"topic": "arabic_news", "on_topic": False, "announcement": False,
                  "alert": False},
    )
