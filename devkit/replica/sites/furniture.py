"""The heavy furniture of real news article pages, for `ReplicaWeb(page_weight="real")`.

Real Moroccan article pages weigh 100-600 KB although their article is 5-10 KB: mega-menu
navigation (twice, desktop and off-canvas), a breaking-news ticker, inline theme CSS and
script configuration, analytics and ad code, teasers of other articles around the body,
share and comment furniture, a large footer and a JSON-LD graph. Extraction time follows
that weight, so a replica without it makes the crawler look faster than it is.

Everything here is written for the replica; only the overall structure and the kinds of
class names follow the real pages. A page must be byte-identical on every request, so
nothing depends on the clock or on randomness: teasers come from the site's other
articles (stock teasers fill the gaps), "popularity" from a checksum of the slug.
"""

from __future__ import annotations

import hashlib
import heapq
import json
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from devkit.replica.article import ReplicaArticle, iso_utc, local_time, slugify
from devkit.replica.sites.base import esc, excerpt, json_ld

if TYPE_CHECKING:
    from devkit.replica.sites.base import Site

TICKER_SIZE = 10
MEGA_PANELS = 6  # sections whose desktop menu entry opens a panel of sub-sections
RELATED_SIZE = 6
MOST_READ_SIZE = 5
LATEST_SIZE = 6
TEASER_WORDS = 25


# -- per-site look ------------------------------------------------------------------------
@dataclass(frozen=True)
class Skin:
    """What differs between the site kinds' furniture: asset paths, URL shapes, naming."""

    theme: str  # asset folder and script global names
    prefix: str  # block class prefix of the theme
    accent: str
    section_path: str  # "{}" is the section slug
    image_path: str  # "{key}", "{w}", "{h}"
    handle: str  # social account name
    css_vars: str  # custom property namespace of the theme's design tokens


SKINS: dict[str, Skin] = {
    "wordpress": Skin(
        theme="wp-theme-eco24", prefix="eco", accent="#c8102e", section_path="/categorie/{}/",
        image_path="/content/uploads/{key}-{w}x{h}.jpg", handle="eco24ma",
        css_vars="--wp--preset",
    ),
    "arc": Skin(
        theme="maroc360", prefix="b", accent="#e4002b", section_path="/{}/",
        image_path="/resizer/v2/{key}.jpg?auth=7c1e&width={w}&height={h}&smart=true",
        handle="maroc360", css_vars="--c"
    ),
    "custom": Skin(
        theme="lematinal", prefix="mt", accent="#0b4f8a", section_path="/{}",
        image_path="/uploads/articles/{key}_{w}x{h}.jpg", handle="lematinal_ma",
        css_vars="--mt",
    ),
    "hespress-ar": Skin(
        theme="hespress-replica", prefix="hr", accent="#1f8a3b", section_path="/{}",
        image_path="/wp-content/uploads/{key}-{w}x{h}.jpg", handle="hespressreplica",
        css_vars="--wp--preset",
    ),
}


# -- words --------------------------------------------------------------------------------
WORDS: dict[str, dict[str, str]] = {
    "fr": {
        "home": "Accueil", "country": "Maroc", "menu": "Menu", "search": "Rechercher", "search_hint": "Rechercher un article, un dossier…",
        "ticker": "Flash", "most_read": "Les plus lus", "related": "À lire aussi", "latest": "Dernières infos",
        "same_section": "Dans la même rubrique", "share": "Partager", "tags": "Mots-clés", "follow": "Suivez-nous",
        "newsletter": "Newsletter", "newsletter_text": "Chaque matin à 7h, l'essentiel de l'actualité économique et financière dans votre boîte mail.",
        "email": "Votre adresse e-mail", "subscribe": "Je m'inscris", "login": "Se connecter", "subscribe_paper": "S'abonner",
        "comments": "Commentaires", "comment_title": "Laisser un commentaire",
        "comment_note": "Votre adresse e-mail ne sera pas publiée. Les commentaires sont modérés avant publication.",
        "name": "Nom", "comment": "Commentaire", "publish": "Publier", "ad": "Publicité", "close": "Fermer",
        "article": "Article : ", "read_time": "min de lecture", "read_label": "Durée de lecture estimée", "apps": "Nos applications", "groups": "Le groupe",
        "services": "Services", "legal": "Informations légales", "sections": "Rubriques",
        "copyright": "Tous droits réservés. Reproduction interdite sans autorisation écrite de la rédaction.",
        "consent_title": "Vos choix en matière de cookies",
        "consent_text": "Avec votre accord, nos partenaires et nous utilisons des traceurs pour mesurer l'audience, "
        "afficher des publicités adaptées et améliorer nos services. Vous pouvez modifier vos choix à tout moment.",
        "accept": "Tout accepter", "refuse": "Continuer sans accepter", "settings": "Paramétrer",
        "password": "Mot de passe", "forgot": "Mot de passe oublié ?", "print": "Imprimer", "copy": "Copier le lien",
    },
    "ar": {
        "home": "الرئيسية", "country": "المغرب", "menu": "القائمة", "search": "بحث", "search_hint": "ابحث عن مقال أو ملف…",
        "ticker": "عاجل", "most_read": "الأكثر قراءة", "related": "اقرأ أيضا", "latest": "آخر الأخبار",
        "same_section": "في نفس القسم", "share": "شارك", "tags": "الوسوم", "follow": "تابعونا",
        "newsletter": "النشرة البريدية", "newsletter_text": "توصلوا كل صباح بأهم الأخبار الاقتصادية والاجتماعية في بريدكم الإلكتروني.",
        "email": "بريدكم الإلكتروني", "subscribe": "اشترك", "login": "تسجيل الدخول", "subscribe_paper": "اشتراك",
        "comments": "التعليقات", "comment_title": "أضف تعليقك",
        "comment_note": "لن يتم نشر بريدكم الإلكتروني. تخضع التعليقات للمراجعة قبل النشر.",
        "name": "الاسم", "comment": "التعليق", "publish": "نشر", "ad": "إعلان", "close": "إغلاق",
        "article": "مقال: ", "read_time": "دقائق للقراءة", "read_label": "مدة القراءة", "apps": "تطبيقاتنا", "groups": "من نحن",
        "services": "خدمات", "legal": "معلومات قانونية", "sections": "الأقسام",
        "copyright": "جميع الحقوق محفوظة. يمنع النقل دون إذن كتابي من هيئة التحرير.",
        "consent_title": "خياراتكم بخصوص ملفات الارتباط",
        "consent_text": "بموافقتكم، نستعمل نحن وشركاؤنا ملفات الارتباط لقياس عدد الزوار وعرض إعلانات ملائمة وتحسين خدماتنا.",
        "accept": "قبول الكل", "refuse": "المتابعة دون قبول", "settings": "الإعدادات",
        "password": "كلمة المرور", "forgot": "نسيتم كلمة المرور؟", "print": "طباعة", "copy": "نسخ الرابط",
    },
}

# Sections of a general business daily, with sub-sections: (slug, label, [(slug, label)]).
Menu = tuple[tuple[str, str, tuple[tuple[str, str], ...]], ...]

MENUS: dict[str, Menu] = {
    "fr": (
        ("economie", "Économie", (("agriculture", "Agriculture"), ("industrie", "Industrie"), ("btp", "BTP"),
                                  ("tourisme", "Tourisme"), ("energie", "Énergie"), ("transport", "Transport & logistique"),
                                  ("commerce", "Commerce"))),
        ("entreprises", "Entreprises", (("nominations", "Nominations"), ("resultats", "Résultats"), ("pme", "PME"),
                                        ("start-up", "Start-up"), ("rse", "RSE"), ("offshoring", "Offshoring"))),
        ("finance", "Finance", (("banques", "Banques"), ("assurances", "Assurances"), ("bourse", "Bourse"),
                                ("fiscalite", "Fiscalité"), ("marches", "Marchés"), ("change", "Change"))),
        ("immobilier", "Immobilier", (("logement", "Logement"), ("foncier", "Foncier"), ("bureaux", "Bureaux"),
                                      ("urbanisme", "Urbanisme"))),
        ("emploi", "Emploi", (("recrutement", "Recrutement"), ("formation", "Formation"), ("carrieres", "Carrières"),
                              ("salaires", "Salaires"), ("fonction-publique", "Fonction publique"))),
        ("regions", "Régions", (("casablanca-settat", "Casablanca-Settat"), ("rabat-sale-kenitra", "Rabat-Salé-Kénitra"),
                                ("tanger-tetouan-al-hoceima", "Tanger-Tétouan-Al Hoceima"), ("fes-meknes", "Fès-Meknès"),
                                ("marrakech-safi", "Marrakech-Safi"), ("souss-massa", "Souss-Massa"), ("oriental", "L'Oriental"))),
        ("societe", "Société", (("education", "Éducation"), ("sante", "Santé"), ("justice", "Justice"),
                                ("environnement", "Environnement"), ("medias", "Médias"))),
        ("politique", "Politique", (("gouvernement", "Gouvernement"), ("parlement", "Parlement"), ("partis", "Partis"),
                                    ("diplomatie", "Diplomatie"))),
        ("monde", "Monde", (("afrique", "Afrique"), ("europe", "Europe"), ("moyen-orient", "Moyen-Orient"),
                            ("ameriques", "Amériques"), ("asie", "Asie"))),
        ("tech", "Tech", (("telecoms", "Télécoms"), ("numerique", "Numérique"), ("intelligence-artificielle", "Intelligence artificielle"),
                          ("cybersecurite", "Cybersécurité"))),
        ("culture", "Culture", (("cinema", "Cinéma"), ("musique", "Musique"), ("livres", "Livres"), ("patrimoine", "Patrimoine"))),
        ("sport", "Sport", (("football", "Football"), ("athletisme", "Athlétisme"), ("tennis", "Tennis"),
                            ("autres-sports", "Autres sports"))),
        ("opinions", "Opinions", (("editorial", "Éditorial"), ("tribunes", "Tribunes"), ("chroniques", "Chroniques"))),
        ("videos", "Vidéos", (("entretiens", "Entretiens"), ("reportages", "Reportages"), ("podcasts", "Podcasts"))),
    ),
    "ar": (
        ("economie", "اقتصاد", (("filaha", "فلاحة"), ("sinaa", "صناعة"), ("siyaha", "سياحة"), ("taqa", "طاقة"),
                                ("naql", "نقل ولوجستيك"))),
        ("mal", "مال وأعمال", (("abnak", "أبناك"), ("taamin", "تأمين"), ("boursa", "بورصة"), ("daraib", "ضرائب"))),
        ("societe", "مجتمع", (("taalim", "تعليم"), ("siha", "صحة"), ("adala", "عدالة"), ("biaa", "بيئة"))),
        ("regions", "جهات", (("casablanca", "الدار البيضاء"), ("rabat", "الرباط"), ("tanja", "طنجة"), ("fes", "فاس"),
                             ("marrakech", "مراكش"), ("agadir", "أكادير"), ("oujda", "وجدة"))),
        ("emploi", "تشغيل", (("tawdif", "توظيف"), ("takwin", "تكوين"), ("ajour", "أجور"))),
        ("siyasa", "سياسة", (("hukuma", "حكومة"), ("barlaman", "برلمان"), ("ahzab", "أحزاب"), ("diplomasiya", "دبلوماسية"))),
        ("dawli", "دولي", (("ifriqya", "إفريقيا"), ("orouba", "أوروبا"), ("sharq-awsat", "الشرق الأوسط"), ("amrika", "أمريكا"))),
        ("riyada", "رياضة", (("koura", "كرة القدم"), ("alaab-qiwa", "ألعاب القوى"), ("riyadat-ukhra", "رياضات أخرى"))),
        ("thaqafa", "فن وثقافة", (("cinema", "سينما"), ("mousiqa", "موسيقى"), ("kutub", "كتب"), ("turath", "تراث"))),
        ("tech", "تكنولوجيا", (("ittisalat", "اتصالات"), ("raqmi", "رقمي"), ("dakaa", "ذكاء اصطناعي"))),
        ("kuttab", "كتاب وآراء", (("iftitahiya", "افتتاحية"), ("arae", "آراء"))),
        ("video", "فيديو", (("hiwarat", "حوارات"), ("roubourtaj", "روبورتاج"))),
    ),
}

FOOTER_LINKS: dict[str, dict[str, tuple[tuple[str, str], ...]]] = {
    "fr": {
        "groups": (("/qui-sommes-nous/", "Qui sommes-nous"), ("/la-redaction/", "La rédaction"),
                   ("/charte-editoriale/", "Charte éditoriale"), ("/recrutement/", "Nous rejoindre"),
                   ("/publicite/", "Annoncer chez nous"), ("/contact/", "Contact")),
        "services": (("/newsletters/", "Newsletters"), ("/archives/", "Archives"), ("/flux-rss/", "Flux RSS"),
                     ("/applications/", "Applications mobiles"), ("/abonnement/", "Abonnement"),
                     ("/edition-numerique/", "Édition numérique"), ("/annonces-legales/", "Annonces légales")),
        "legal": (("/mentions-legales/", "Mentions légales"), ("/cgu/", "Conditions générales d'utilisation"),
                  ("/politique-de-confidentialite/", "Politique de confidentialité"), ("/cookies/", "Gestion des cookies"),
                  ("/plan-du-site/", "Plan du site"), ("/accessibilite/", "Accessibilité")),
    },
    "ar": {
        "groups": (("/man-nahnu/", "من نحن"), ("/hayat-tahrir/", "هيئة التحرير"), ("/mithaq/", "ميثاق التحرير"),
                   ("/ishhar/", "الإشهار"), ("/ittisal/", "اتصل بنا")),
        "services": (("/nashra/", "النشرة البريدية"), ("/arshif/", "الأرشيف"), ("/rss/", "خلاصات RSS"),
                     ("/tatbiqat/", "التطبيقات"), ("/ishtirak/", "الاشتراك")),
        "legal": (("/shurut/", "شروط الاستخدام"), ("/khususiya/", "سياسة الخصوصية"), ("/cookies/", "ملفات الارتباط"),
                  ("/kharita/", "خريطة الموقع")),
    },
}

SOCIAL = (
    ("facebook", "Facebook", "https://www.facebook.com/{}"),
    ("x", "X", "https://x.com/{}"),
    ("instagram", "Instagram", "https://www.instagram.com/{}/"),
    ("linkedin", "LinkedIn", "https://www.linkedin.com/company/{}/"),
    ("youtube", "YouTube", "https://www.youtube.com/@{}"),
    ("telegram", "Telegram", "https://t.me/{}"),
    ("whatsapp", "WhatsApp", "https://whatsapp.com/channel/{}"),
)

# Teasers that fill the rails when the site has too few other articles (a fresh replica
# serves four per site): our own headlines, in the site's language.
STOCK_TEASERS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "fr": (
        ("finance", "Le marché obligataire reprend des couleurs après trois mois de repli",
         "Les taux souverains se sont détendus sur l'ensemble de la courbe, portés par une demande soutenue des "
         "investisseurs institutionnels et par la baisse de l'inflation importée."),
        ("economie", "Les exportations de câblage automobile atteignent un niveau record",
         "Le secteur profite de la hausse de la production européenne de véhicules électriques et de l'arrivée "
         "de nouveaux équipementiers dans les zones franches du nord du pays."),
        ("entreprises", "Un distributeur de matériel agricole ouvre son capital à un fonds régional",
         "L'opération doit financer l'ouverture de six agences dans les plaines irriguées et la création d'un "
         "centre de formation pour les techniciens de maintenance."),
        ("immobilier", "Le prix du mètre carré se stabilise dans les grandes villes",
         "Après deux années de hausse, les transactions marquent le pas dans l'ancien tandis que le neuf "
         "profite des aides directes au logement."),
        ("emploi", "Les métiers du numérique restent les plus difficiles à pourvoir",
         "Développeurs, analystes de données et techniciens réseau figurent en tête des profils recherchés par "
         "les entreprises interrogées par le cabinet de recrutement."),
        ("societe", "La rentrée universitaire se prépare avec trois nouveaux campus",
         "Les établissements ouvriront leurs portes en septembre avec des filières d'ingénierie et de gestion "
         "adossées aux besoins des zones industrielles voisines."),
        ("regions", "Le port de pêche de la ville modernise ses halles de débarquement",
         "Les travaux porteront sur la chaîne du froid, la traçabilité des captures et l'aménagement d'espaces "
         "de vente pour les coopératives de femmes."),
        ("finance", "Les banques accélèrent sur le paiement mobile",
         "Le nombre de portefeuilles électroniques actifs a doublé en un an, selon les chiffres publiés par "
         "l'autorité monétaire dans son rapport annuel."),
        ("economie", "Le tourisme intérieur tire l'activité hôtelière au premier semestre",
         "Les nuitées des résidents progressent plus vite que celles des non-résidents, surtout dans les "
         "stations balnéaires et les villes impériales."),
        ("entreprises", "Une start-up de logistique lève des fonds pour étendre son réseau",
         "La jeune pousse, qui gère la livraison du dernier kilomètre pour les commerçants en ligne, vise dix "
         "nouvelles villes d'ici la fin de l'année."),
        ("emploi", "L'apprentissage gagne du terrain dans l'industrie",
         "Les conventions signées avec les centres de formation ont permis d'accueillir davantage d'apprentis "
         "dans les usines de l'agroalimentaire et du textile."),
        ("societe", "Les hôpitaux régionaux reçoivent de nouveaux équipements d'imagerie",
         "Le programme prévoit l'installation de scanners et d'appareils d'IRM dans douze établissements, avec "
         "la formation des équipes médicales concernées."),
    ),
    "ar": (
        ("economie", "ارتفاع صادرات الحوامض خلال الموسم الحالي",
         "سجلت صادرات الحوامض نموا ملحوظا مقارنة بالموسم الماضي بفضل تحسن التساقطات المطرية وتوسيع الأسواق الخارجية."),
        ("societe", "افتتاح ثلاث مؤسسات جامعية جديدة مع الدخول المقبل",
         "ستفتح المؤسسات أبوابها في شتنبر بمسالك في الهندسة والتدبير مرتبطة بحاجيات المناطق الصناعية المجاورة."),
        ("regions", "تأهيل ميناء الصيد بالمدينة وتحديث أسواق السمك",
         "تشمل الأشغال سلسلة التبريد وتتبع المصطادات وتهيئة فضاءات للبيع لفائدة التعاونيات النسائية."),
        ("emploi", "مهن الرقمنة تتصدر قائمة الكفاءات المطلوبة",
         "يحتل المطورون ومحللو البيانات وتقنيو الشبكات صدارة الملفات التي تبحث عنها المقاولات المستجوبة."),
        ("economie", "السياحة الداخلية تنعش نشاط الفنادق خلال النصف الأول",
         "ارتفعت ليالي المبيت للمقيمين بوتيرة أسرع من غير المقيمين خاصة في المدن الشاطئية والمدن العتيقة."),
        ("societe", "تجهيز المستشفيات الجهوية بأجهزة جديدة للتصوير الطبي",
         "يهم البرنامج تركيب أجهزة السكانير والرنين المغناطيسي في اثنتي عشرة مؤسسة مع تكوين الأطقم الطبية."),
        ("economie", "البنوك تسرع وتيرة الأداء عبر الهاتف المحمول",
         "تضاعف عدد المحافظ الإلكترونية النشيطة خلال سنة واحدة حسب الأرقام الواردة في التقرير السنوي."),
        ("emploi", "التكوين بالتدرج المهني يكسب مواقع جديدة في الصناعة",
         "مكنت الاتفاقيات الموقعة مع مراكز التكوين من استقبال عدد أكبر من المتدربين في مصانع النسيج والصناعات الغذائية."),
    ),
}


# -- teasers ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Teaser:
    """Another article as the rails show it."""

    key: str  # stable identifier for image names and hashes
    title: str
    url: str
    section: str
    excerpt: str
    published: datetime


@dataclass(frozen=True)
class Teasers:
    ticker: list[Teaser]
    related: list[Teaser]
    most_read: list[Teaser]
    latest: list[Teaser]

    def all(self) -> list[Teaser]:
        return [*self.ticker, *self.related, *self.most_read, *self.latest]


def teaser_excerpt(article: ReplicaArticle) -> str:
    return excerpt(article, TEASER_WORDS)


def _checksum(text: str) -> int:
    return zlib.crc32(text.encode())


# -- the furniture of one page ------------------------------------------------------------
class Furniture:
    """The heavy pieces of one article page; each site places them in its own layout.

    `date_text` prints a date as the site does, so teasers look like the site's own cards.
    """

    def __init__(
        self, site: Site, article: ReplicaArticle, date_text: Callable[[datetime], str]
    ) -> None:
        self.site = site
        self.article = article
        self.url = site.article_url(article)
        self.skin = SKINS[site.kind]
        self.words = WORDS[site.language]
        self.menu = MENUS[site.language]
        self.date_text = date_text

    # -- URLs and labels -------------------------------------------------------------
    def section_url(self, section: str) -> str:
        return _section_url(self.skin, self.site.base_url, section)

    def section_label(self, section: str) -> str:
        for slug, label, _ in self.menu:
            if slug == section:
                return label
        return section

    def image(self, key: str, width: int, height: int) -> str:
        path = self.skin.image_path.format(key=quote(key, safe="-_"), w=width, h=height)
        return self.site.url(path)

    # -- teasers ---------------------------------------------------------------------
    def teaser(self, article: ReplicaArticle) -> Teaser:
        return Teaser(
            key=f"{article.slug[:60]}-{_checksum(article.slug) % 100000}",
            title=article.title,
            url=self.site.article_url(article),
            section=article.section,
            excerpt=teaser_excerpt(article),
            published=article.published,
        )

    def stock(self, count: int, start: int) -> list[Teaser]:
        """`count` stock teasers dated a few hours before the article (never after: no clock)."""
        pool = STOCK_TEASERS[self.site.language]
        picked = []
        for index in range(start, start + count):
            section, title, text = pool[index % len(pool)]
            slug = slugify(title) or f"dossier-{index % len(pool)}"
            picked.append(
                Teaser(
                    key=f"dossier-{index % len(pool)}",
                    title=title,
                    url=self.site.url(f"/dossiers/{slug}/"),
                    section=section,
                    excerpt=text,
                    published=self.article.published - timedelta(hours=3 + 5 * (index % len(pool))),
                )
            )
        return picked

    @cached_property
    def teasers(self) -> Teasers:
        """The other articles each block shows, newest first; only those shown are built,
        since a benchmark replica holds hundreds of articles per site."""
        article = self.article
        # Slugs are unique within a site.
        others = [a for a in self.site.articles() if a.slug != article.slug]
        # "À lire aussi" shows the same section first.
        same = [a for a in others if a.section == article.section][:RELATED_SIZE]
        rest = [a for a in others if a.section != article.section]
        related = same + rest[: RELATED_SIZE - len(same)]
        # "Les plus lus": a stable stand-in for audience figures, different on every page.
        popular = heapq.nsmallest(
            MOST_READ_SIZE, others, key=lambda a: _checksum(a.slug + article.slug)
        )
        return Teasers(
            ticker=self._filled(others[:TICKER_SIZE], TICKER_SIZE, 0),
            related=self._filled(related, RELATED_SIZE, 3),
            most_read=self._filled(popular, MOST_READ_SIZE, 7),
            latest=self._filled(others[1 : LATEST_SIZE + 1], LATEST_SIZE, 1),
        )

    def _filled(self, chosen: list[ReplicaArticle], size: int, start: int) -> list[Teaser]:
        teasers = [self.teaser(a) for a in chosen]
        return teasers + self.stock(size - len(teasers), start) if len(teasers) < size else teasers

    # -- head ------------------------------------------------------------------------
    def head(self, graph: bool = True, with_article: bool = False) -> str:
        """Meta, preloads, inline CSS and scripts, and unless the site merges `graph_nodes`
        into its own graph, a JSON-LD graph (with a NewsArticle if the light page has none)."""
        parts = [
            self.social_meta(),
            _static_head(self.skin, self.site.language, self.site.base_url, self.site.name),
            self.page_data_script(),
        ]
        if graph:
            data = {"@context": "https://schema.org", "@graph": self.graph_nodes(with_article)}
            parts.append(f'<script type="application/ld+json" class="schema-graph">{json_ld(data)}</script>')
        return "\n".join(parts)

    def social_meta(self) -> str:
        article = self.article
        description = esc(article.lead or excerpt(article, 30))
        image = esc(self.image(self.teaser(article).key, 1200, 675))
        handle = self.skin.handle
        label = esc(self.section_label(article.section))
        return f"""<meta name="robots" content="index, follow, max-image-preview:large, max-snippet:-1, max-video-preview:-1" />
<meta property="og:image" content="{image}" />
<meta property="og:image:width" content="1200" />
<meta property="og:image:height" content="675" />
<meta property="og:image:type" content="image/jpeg" />
<meta property="article:publisher" content="https://www.facebook.com/{handle}" />
<meta property="article:tag" content="{label}" />
<meta property="article:tag" content="{esc(self.words['country'])}" />
<meta name="twitter:card" content="summary_large_image" />
<meta name="twitter:site" content="@{handle}" />
<meta name="twitter:creator" content="@{handle}" />
<meta name="twitter:title" content="{esc(article.title)}" />
<meta name="twitter:description" content="{description}" />
<meta name="twitter:image" content="{image}" />
<meta name="twitter:label1" content="{esc(self.words['read_label'])}" />
<meta name="twitter:data1" content="{max(1, article.word_count // 200)} {esc(self.words['read_time'])}" />
<link rel="preload" as="image" href="{image}" fetchpriority="high" />"""

    def graph_nodes(self, with_article: bool = False) -> list[dict[str, object]]:
        """WebSite, Organization, BreadcrumbList and ImageObject (and NewsArticle when asked)."""
        article, url = self.article, self.url
        home = self.site.url("/")
        published = iso_utc(article.published)
        image = self.image(self.teaser(article).key, 1200, 675)
        logo = self.site.url(f"/assets/{self.skin.theme}/logo-512.png")
        search = {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": f"{home}?s={{search_term_string}}"},
            "query-input": {
                "@type": "PropertyValueSpecification", "valueRequired": True,
                "valueName": "search_term_string",
            },
        }
        nodes: list[dict[str, object]] = [
            {
                "@type": "WebSite", "@id": f"{home}#website", "url": home, "name": self.site.name,
                "publisher": {"@id": f"{home}#organization"}, "inLanguage": self.site.language,
                "potentialAction": [search],
            },
            {
                "@type": "NewsMediaOrganization", "@id": f"{home}#organization",
                "name": self.site.name, "url": home,
                "logo": {
                    "@type": "ImageObject", "@id": f"{home}#/schema/logo/image/", "url": logo,
                    "contentUrl": logo, "width": 512, "height": 512, "caption": self.site.name,
                },
                "image": {"@id": f"{home}#/schema/logo/image/"},
                "sameAs": [pattern.format(self.skin.handle) for _, _, pattern in SOCIAL],
                "publishingPrinciples": self.site.url("/charte-editoriale/"),
                "ethicsPolicy": self.site.url("/charte-editoriale/#deontologie"),
                "correctionsPolicy": self.site.url("/charte-editoriale/#corrections"),
                "foundingDate": "2010-03-01",
                "address": {
                    "@type": "PostalAddress", "addressLocality": "Casablanca", "addressCountry": "MA",
                },
            },
            {
                "@type": "BreadcrumbList", "@id": f"{url}#breadcrumb",
                "itemListElement": [
                    {"@type": "ListItem", "position": 1, "name": self.words["home"], "item": home},
                    {"@type": "ListItem", "position": 2, "name": self.section_label(article.section),
                     "item": self.section_url(article.section)},
                    {"@type": "ListItem", "position": 3, "name": article.title},
                ],
            },
            {"@type": "ImageObject", "@id": f"{url}#primaryimage", "url": image, "contentUrl": image,
             "width": 1200, "height": 675, "inLanguage": self.site.language},
        ]
        if with_article:
            author = article.author or self.site.name
            nodes.append({
                "@type": "NewsArticle", "@id": f"{url}#article", "headline": article.title,
                "description": article.lead or excerpt(article, 30), "url": url,
                "mainEntityOfPage": {"@id": url}, "image": {"@id": f"{url}#primaryimage"},
                "datePublished": published, "dateModified": published,
                "author": ({"@type": "Person", "name": author} if article.author
                           else {"@type": "Organization", "name": author}),
                "publisher": {"@id": f"{home}#organization"},
                "isPartOf": {"@id": f"{home}#website"},
                "articleSection": self.section_label(article.section),
                "wordCount": article.word_count,
                "inLanguage": self.site.language, "isAccessibleForFree": True,
            })
        return nodes

    def page_data_script(self) -> str:
        """The data layer analytics and ad targeting read on load."""
        article, url = self.article, self.url
        data = {
            "pageType": "article", "contentId": hashlib.sha1(url.encode()).hexdigest()[:12],
            "section": article.section, "sectionLabel": self.section_label(article.section),
            "author": article.author or "", "publishedAt": iso_utc(article.published),
            "wordCount": article.word_count, "paragraphs": len(article.paragraphs),
            "access": "free", "language": self.site.language, "tags": [article.section, "maroc"],
        }
        return (
            "<script>window.dataLayer=window.dataLayer||[];"
            f"window.dataLayer.push({json_ld(data)});"
            f"window.{_global(self.skin)}=window.{_global(self.skin)}||{{}};"
            f"window.{_global(self.skin)}.page={json_ld({'url': url, 'section': article.section})};</script>"
        )

    # -- body: top -------------------------------------------------------------------
    def top(self) -> str:
        """Everything above the article: header, menus, login modal, ticker."""
        return "\n".join([
            _static_top(self.skin, self.site.language, self.site.base_url, self.site.name),
            self.ticker(self.teasers.ticker),
        ])

    def ticker(self, teasers: list[Teaser]) -> str:
        p = self.skin.prefix
        links = "\n".join(
            f'\t\t\t<a href="{esc(t.url)}" class="{p}-ticker__item text-white mx-3 text-nowrap">{esc(t.title)}</a>'
            for t in teasers
        )
        return f"""<div class="ticker-wrapper {p}-ticker bg-danger text-white overflow-hidden" role="region" aria-label="{esc(self.words['ticker'])}">
	<div class="ticker-content d-flex align-items-center">
		<span class="{p}-ticker__label fw-bold text-uppercase px-3">{esc(self.words['ticker'])}</span>
		<div class="ticker-track d-flex" data-speed="40">
{links}
		</div>
	</div>
</div>"""

    # -- body: around the article ------------------------------------------------------
    def body_ad(self, position: int = 1) -> str:
        """An in-article ad slot: code only, no text, as the real slots are before they fill."""
        slot = f"div-gpt-ad-{self.skin.prefix}-inread-{position}"
        return f"""<div id="inread-{position}" class="{self.skin.prefix}-ad {self.skin.prefix}-ad--inread full-bunner" data-position="inread{position}">
	<div id="{slot}" class="ad-slot" role="region" style="min-height:250px"><script>
	window.adQueue=window.adQueue||[];window.adQueue.push(function(){{window.themeAds.display("{slot}",{{pos:"inread{position}",sizes:[[300,250],[336,280],[640,360]]}});}});
	</script></div>
</div>"""

    def after_body(self) -> str:
        """What follows the article on the page: tags, share bar, related teasers, comments."""
        return "\n".join([
            self.tag_list(),
            self.share_bar(),
            self.ad_block("after-article", [[728, 90], [970, 250], [300, 250]]),
            self.related(self.teasers.related),
            self.newsletter_box("inline"),
            self.comment_form(),
        ])

    def tag_list(self) -> str:
        article = self.article
        p = self.skin.prefix
        tags = [(article.section, self.section_label(article.section))]
        for slug, _label, subs in self.menu:
            if slug == article.section:
                tags += [(f"{slug}-{sub}", sub_label) for sub, sub_label in subs[:3]]
        tags.append(("maroc", self.words["country"]))
        links = "".join(
            f'<li class="{p}-tags__item"><a class="{p}-tags__link" rel="tag" href="{esc(self.site.url(f"/tag/{slug}/"))}">{esc(label)}</a></li>'
            for slug, label in tags
        )
        return f'<nav class="{p}-tags tags-list" aria-label="{esc(self.words["tags"])}"><span class="{p}-tags__title">{esc(self.words["tags"])}</span><ul class="{p}-tags__list list-inline">{links}</ul></nav>'

    def share_bar(self) -> str:
        article, url = self.article, self.url
        p = self.skin.prefix
        target = quote(url, safe="")
        text = quote(article.title, safe="")
        networks = (
            ("facebook", "Facebook", f"https://www.facebook.com/sharer/sharer.php?u={target}"),
            ("x", "X", f"https://x.com/intent/post?url={target}&text={text}&via={self.skin.handle}"),
            ("linkedin", "LinkedIn", f"https://www.linkedin.com/sharing/share-offsite/?url={target}"),
            ("whatsapp", "WhatsApp", f"https://api.whatsapp.com/send?text={text}%20{target}"),
            ("telegram", "Telegram", f"https://t.me/share/url?url={target}&text={text}"),
            ("mail", "E-mail", f"mailto:?subject={text}&body={target}"),
        )
        items = "\n".join(
            f"""		<li class="{p}-share__item {p}-share__item--{key}"><a class="{p}-share__link" href="{esc(href)}" target="_blank" rel="noopener nofollow" aria-label="{esc(self.words['share'])} : {name}" data-network="{key}"><i class="bi bi-{key}" aria-hidden="true"></i></a></li>"""
            for key, name, href in networks
        )
        return f"""<div id="shareButton" class="{p}-share social-share-bar d-flex" data-url="{esc(url)}">
	<ul class="{p}-share__list nav">
{items}
		<li class="{p}-share__item"><button class="{p}-share__copy" type="button" data-copy="{esc(url)}" aria-label="{esc(self.words['copy'])}"><i class="bi bi-link-45deg" aria-hidden="true"></i></button></li>
		<li class="{p}-share__item"><button class="{p}-share__print" type="button" onclick="window.print()" aria-label="{esc(self.words['print'])}"><i class="bi bi-printer" aria-hidden="true"></i></button></li>
	</ul>
</div>"""

    def ad_block(self, position: str, sizes: list[list[int]]) -> str:
        p = self.skin.prefix
        slot = f"div-gpt-ad-{p}-{position}"
        return f"""<div class="{p}-ad {p}-ad--{position} text-center my-4" data-position="{position}">
	<div class="{p}-ad__label" style="display:none">{esc(self.words['ad'])}</div>
	<div id="{slot}" class="ad-slot" style="min-height:{min(h for _, h in sizes)}px"><script>
	window.adQueue=window.adQueue||[];window.adQueue.push(function(){{window.themeAds.display("{slot}",{{pos:"{position}",sizes:{json.dumps(sizes)}}});}});
	</script></div>
</div>"""

    def card(self, teaser: Teaser, with_excerpt: bool) -> str:
        """One teaser card, thumbnail first, in the Bootstrap grid the real rails use."""
        p = self.skin.prefix
        image = self.image(teaser.key, 293, 220)
        body = ""
        if with_excerpt:
            body = f'\n\t\t\t<p class="{p}-card__excerpt mb-auto mt-2 lh-base">{esc(teaser.excerpt)}</p>'
        return f"""<div class="col-md-6 col-lg-4">
	<div class="{p}-card row g-0 overflow-hidden flex-md-row mb-4 position-relative">
		<div class="col-auto w-100 ratio ratio-16x9">
			<picture class="{p}-card__media lozad w-100 rounded-3 overflow-hidden"><source type="image/webp" data-srcset="{esc(image)}.webp"><img data-src="{esc(image)}" src="data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20293%20220'%3E%3C/svg%3E" width="293" height="220" alt="{esc(teaser.title)}" decoding="async" loading="lazy"></picture>
		</div>
		<div class="col p-1 pt-2 d-flex flex-column position-static">
			<a class="{p}-card__section mb-2 text-danger" href="{esc(self.section_url(teaser.section))}">{esc(self.section_label(teaser.section))}</a>
			<a href="{esc(teaser.url)}" class="stretched-link"><h3 class="{p}-card__title mb-0"><span class="visually-hidden">{esc(self.words['article'])}</span>{esc(teaser.title)}</h3></a>{body}
			<span class="{p}-card__date small text-muted" data-published="{iso_utc(teaser.published)}">{esc(self.date_text(teaser.published))}</span>
		</div>
	</div>
</div>"""

    def related(self, teasers: list[Teaser]) -> str:
        cards = "\n".join(self.card(t, with_excerpt=True) for t in teasers)
        p = self.skin.prefix
        return f"""<div class="container read-more {p}-related my-5" data-block="related">
	<div class="{p}-block-title h4 mb-3">{esc(self.words['related'])}</div>
	<div class="row mb-2">
{cards}
	</div>
</div>"""

    def newsletter_box(self, place: str) -> str:
        p = self.skin.prefix
        w = self.words
        return f"""<div class="{p}-newsletter newsletter-box newsletter-box--{place} rounded-3 p-4 my-4">
	<div class="{p}-newsletter__title h5"><svg class="icon" width="24" height="24" aria-hidden="true"><use href="#icon-mail"></use></svg> {esc(w['newsletter'])}</div>
	{f'<div class="{p}-newsletter__text">{esc(w["newsletter_text"])}</div>' if place == "inline" else ""}
	<form class="{p}-newsletter__form subscribe-form d-flex" action="{esc(self.site.url('/newsletter/inscription/'))}" method="post" novalidate data-list="quotidienne">
		<label class="visually-hidden" for="nl-email-{place}">{esc(w['email'])}</label>
		<input id="nl-email-{place}" class="form-control" type="email" name="email" required autocomplete="email" placeholder="{esc(w['email'])}">
		<input type="hidden" name="source" value="article-{place}">
		<button class="btn btn-dark" type="submit">{esc(w['subscribe'])}</button>
	</form>
</div>"""

    def comment_form(self) -> str:
        p = self.skin.prefix
        w = self.words
        post = _checksum(self.url) % 900000 + 100000
        return f"""<div id="comments" class="{p}-comments comments-area my-5">
	<div class="{p}-comments__title h4">{esc(w['comments'])} <span class="{p}-comments__count">(0)</span></div>
	<div id="respond" class="comment-respond">
		<div id="reply-title" class="comment-reply-title h5">{esc(w['comment_title'])}</div>
		<form action="{esc(self.site.url('/comments-post/'))}" method="post" id="commentform" class="comment-form" novalidate>
			<p class="comment-notes"><span id="email-notes">{esc(w['comment_note'])}</span></p>
			<p class="comment-form-comment"><label for="comment">{esc(w['comment'])}</label><textarea id="comment" name="comment" cols="45" rows="6" maxlength="2000" required></textarea></p>
			<p class="comment-form-author"><label for="author">{esc(w['name'])}</label><input id="author" name="author" type="text" size="30" maxlength="120" autocomplete="name" required></p>
			<p class="comment-form-email"><label for="email">E-mail</label><input id="email" name="email" type="email" size="30" maxlength="100" autocomplete="email" required></p>
			<p class="form-submit"><input name="submit" type="submit" id="submit" class="submit btn btn-danger" value="{esc(w['publish'])}"><input type="hidden" name="comment_post_ID" value="{post}" id="comment_post_ID"><input type="hidden" name="comment_parent" id="comment_parent" value="0"></p>
		</form>
	</div>
</div>"""

    # -- body: the rail ----------------------------------------------------------------
    def rail(self) -> str:
        """The sidebar: ads, most-read teasers with thumbnails, the latest headlines, newsletter."""
        teasers = self.teasers
        p = self.skin.prefix
        most_read = "\n".join(
            f"""		<li class="{p}-most-read__item d-flex mb-3">
			<span class="{p}-most-read__rank fw-bold me-2">{rank}</span>
			<a class="{p}-most-read__thumb flex-shrink-0" href="{esc(t.url)}" tabindex="-1"><img class="lozad" data-src="{esc(self.image(t.key, 120, 90))}" width="120" height="90" alt="" loading="lazy"></a>
			<div class="{p}-most-read__text"><a class="{p}-most-read__link" href="{esc(t.url)}">{esc(t.title)}</a>
			<span class="{p}-most-read__date small text-muted">{esc(self.date_text(t.published))}</span></div>
		</li>"""
            for rank, t in enumerate(teasers.most_read, start=1)
        )
        latest = "\n".join(
            f'\t\t<li class="{p}-latest__item"><span class="{p}-latest__time">{local_time(t.published):%H:%M}</span> '
            f'<a class="{p}-latest__link" href="{esc(t.url)}">{esc(t.title)}</a></li>'
            for t in teasers.latest
        )
        return f"""<aside class="sidebar {p}-rail col-lg-4" role="complementary">
	{self.ad_block("rail-top", [[300, 250], [300, 600]])}
	<div class="widget {p}-most-read" data-block="most-read">
		<div class="widget-title {p}-block-title">{esc(self.words['most_read'])}</div>
		<ol class="{p}-most-read__list list-unstyled">
{most_read}
		</ol>
	</div>
	<div class="widget {p}-latest" data-block="latest">
		<div class="widget-title {p}-block-title">{esc(self.words['latest'])}</div>
		<ul class="{p}-latest__list list-unstyled">
{latest}
		</ul>
	</div>
	{self.newsletter_box("rail")}
	{self.follow_box()}
	{self.ad_block("rail-bottom", [[300, 250], [300, 600]])}
</aside>"""

    def follow_box(self) -> str:
        p = self.skin.prefix
        return f"""<div class="widget {p}-follow"><div class="widget-title {p}-block-title">{esc(self.words['follow'])}</div>
	{_social_links(self.skin)}</div>"""

    # -- body: bottom ----------------------------------------------------------------
    def bottom(self) -> str:
        """Footer, consent dialog and the trailing scripts."""
        year = local_time(self.article.published).year  # the page's own year: no clock
        static = _static_bottom(self.skin, self.site.language, self.site.base_url, self.site.name)
        return static.replace("{{year}}", str(year))


def _section_url(skin: Skin, base_url: str, section: str, sub: str | None = None) -> str:
    path = skin.section_path.format(section)
    if sub:
        path = path.rstrip("/") + "/" + sub + ("/" if path.endswith("/") else "")
    return base_url + path


def _global(skin: Skin) -> str:
    """The theme's window global, e.g. `ECO_THEME`."""
    return f"{skin.prefix.upper()}_THEME"


# -- cached site-wide pieces ----------------------------------------------------------------
# Identical on every article page of a site, so rendered once per (site, address).


@lru_cache(maxsize=32)
def _static_head(skin: Skin, language: str, base_url: str, name: str) -> str:
    return "\n".join([
        _preload_links(skin, base_url),
        f'<style id="global-styles-inline-css">{_design_tokens(skin)}</style>',
        f'<style id="{skin.prefix}-critical-css">{_critical_css(skin)}</style>',
        _config_script(skin, language, base_url, name),
        f"<script>{CONSENT_STUB_JS}</script>",
        f"<script>{ANALYTICS_JS.replace('__ACCOUNT__', skin.handle)}</script>",
        f"<script>{ADS_BOOT_JS}</script>",
        f'<link rel="icon" href="{base_url}/assets/{skin.theme}/favicon-32.png" sizes="32x32" />',
        f'<link rel="icon" href="{base_url}/assets/{skin.theme}/favicon-192.png" sizes="192x192" />',
        f'<link rel="apple-touch-icon" href="{base_url}/assets/{skin.theme}/apple-touch-icon.png" />',
        f'<link rel="manifest" href="{base_url}/manifest.webmanifest" />',
        f'<meta name="theme-color" content="{skin.accent}" />',
    ])


def _config_script(skin: Skin, language: str, base_url: str, name: str) -> str:
    config = json_ld(_theme_config(skin, language, base_url, name))
    theme = _global(skin)
    return (
        f'<script id="{skin.prefix}-config">window.{theme}=window.{theme}||{{}};'
        f"window.{theme}.config={config};</script>"
    )


def _preload_links(skin: Skin, base_url: str) -> str:
    fonts = (
        "Montserrat-Medium", "Montserrat-Bold", "Oswald-Light",
        "Merriweather-Regular", "Merriweather-Bold", "Stag-Book",
    )
    links = [
        f'<link rel="preload" href="{base_url}/assets/{skin.theme}/fonts/{font}.woff2" as="font" type="font/woff2" crossorigin />'
        for font in fonts
    ]
    links += [
        '<link rel="preconnect" href="https://securepubads.g.doubleclick.net" crossorigin />',
        '<link rel="dns-prefetch" href="//www.googletagmanager.com" />',
        '<link rel="dns-prefetch" href="//cdn.jsdelivr.net" />',
        f'<link rel="preload" href="{base_url}/assets/{skin.theme}/dist/app.css?ver=4.2.7" as="style" />',
        f'<link rel="stylesheet" href="{base_url}/assets/{skin.theme}/dist/vendor.css?ver=4.2.7" media="print" onload="this.media=\'all\'" />',
    ]
    return "\n".join(links)


PALETTE = (
    ("black", "#000000"), ("white", "#ffffff"), ("ink", "#1d1d1f"), ("slate", "#4a5260"), ("stone", "#8a8f98"),
    ("mist", "#eef1f4"), ("sand", "#f6efe3"), ("ochre", "#c98a1b"), ("olive", "#6b7f2a"), ("teal", "#137c7a"),
    ("sky", "#3b8fd6"), ("night", "#0f2740"), ("rose", "#d6336c"), ("coral", "#f06543"), ("amber", "#ffb703"),
    ("forest", "#2d6a4f"), ("plum", "#6a3d7a"), ("brick", "#9c2f1d"),
)
GRADIENTS = (
    ("dawn", "135deg,#ffb703 0%,#f06543 100%"), ("lagoon", "135deg,#137c7a 0%,#3b8fd6 100%"),
    ("dusk", "135deg,#0f2740 0%,#6a3d7a 100%"), ("sand-dune", "180deg,#f6efe3 0%,#c98a1b 100%"),
    ("mint", "135deg,#eef1f4 0%,#2d6a4f 100%"), ("ember", "90deg,#9c2f1d 0%,#ffb703 100%"),
    ("slate-fade", "180deg,rgba(74,82,96,0) 0%,rgba(74,82,96,.85) 100%"), ("ink-fade", "180deg,rgba(0,0,0,0) 40%,rgba(0,0,0,.8) 100%"),
)
FONT_SIZES = (("small", "13px"), ("medium", "16px"), ("large", "20px"), ("x-large", "28px"), ("xx-large", "40px"), ("huge", "56px"))
SPACING = (("10", "0.25rem"), ("20", "0.5rem"), ("30", "1rem"), ("40", "1.5rem"), ("50", "2.25rem"), ("60", "3.4rem"), ("70", "5rem"))
SHADOWS = (("natural", "6px 6px 9px rgba(0,0,0,.2)"), ("deep", "12px 12px 50px rgba(0,0,0,.4)"),
           ("sharp", "6px 6px 0 rgba(0,0,0,.2)"), ("outlined", "6px 6px 0 -3px #fff,6px 6px #000"), ("crisp", "6px 6px 0 #000"))


def _design_tokens(skin: Skin) -> str:
    """Theme tokens as custom properties plus one utility class per token, as block themes print."""
    v = skin.css_vars
    props = [f"{v}--color--{n}: {c};" for n, c in (*PALETTE, ("brand", skin.accent))]
    props += [f"{v}--gradient--{n}: linear-gradient({g});" for n, g in GRADIENTS]
    props += [f"{v}--font-size--{n}: {s};" for n, s in FONT_SIZES]
    props += [f"{v}--spacing--{n}: {s};" for n, s in SPACING]
    props += [f"{v}--shadow--{n}: {s};" for n, s in SHADOWS]
    rules = [":root{" + "".join(props) + "}"]
    for n, _ in (*PALETTE, ("brand", "")):
        rules.append(f".has-{n}-color{{color: var({v}--color--{n}) !important;}}")
        rules.append(f".has-{n}-background-color{{background-color: var({v}--color--{n}) !important;}}")
        rules.append(f".has-{n}-border-color{{border-color: var({v}--color--{n}) !important;}}")
    for n, _ in GRADIENTS:
        rules.append(f".has-{n}-gradient-background{{background: var({v}--gradient--{n}) !important;}}")
    for n, _ in FONT_SIZES:
        rules.append(f".has-{n}-font-size{{font-size: var({v}--font-size--{n}) !important;}}")
    rules.append(":where(.is-layout-flex){gap: 0.5em;}:where(.is-layout-grid){gap: 0.5em;}")
    rules.append("body .is-layout-flex{display: flex;}.is-layout-flex{flex-wrap: wrap;align-items: center;}")
    rules.append(":where(.wp-block-columns.is-layout-flex){gap: 2em;}:where(.wp-block-post-template.is-layout-grid){gap: 1.25em;}")
    return "\n".join(rules)


def _critical_css(skin: Skin) -> str:
    """Above-the-fold rules of the theme, inlined so the header paints before app.css loads."""
    p = skin.prefix
    spacing = {"0": "0", "1": ".25rem", "2": ".5rem", "3": "1rem", "4": "1.5rem", "5": "3rem"}
    sides = {"t": ("top",), "b": ("bottom",), "s": ("left",), "e": ("right",), "x": ("left", "right"), "y": ("top", "bottom")}
    utilities = []
    for letter, prop in (("m", "margin"), ("p", "padding")):
        for key, value in spacing.items():
            utilities.append(f".{letter}-{key}{{{prop}:{value}!important}}")
            for side, names in sides.items():
                body = ";".join(f"{prop}-{n}:{value}!important" for n in names)
                utilities.append(f".{letter}{side}-{key}{{{body}}}")
    components = f"""
@font-face{{font-family:"Montserrat";font-style:normal;font-weight:500;font-display:swap;src:url(/assets/{skin.theme}/fonts/Montserrat-Medium.woff2) format("woff2")}}
@font-face{{font-family:"Montserrat";font-style:normal;font-weight:700;font-display:swap;src:url(/assets/{skin.theme}/fonts/Montserrat-Bold.woff2) format("woff2")}}
@font-face{{font-family:"Oswald";font-style:normal;font-weight:300;font-display:swap;src:url(/assets/{skin.theme}/fonts/Oswald-Light.woff2) format("woff2")}}
@font-face{{font-family:"Merriweather";font-style:normal;font-weight:400;font-display:swap;src:url(/assets/{skin.theme}/fonts/Merriweather-Regular.woff2) format("woff2")}}
:root{{--{p}-accent:{skin.accent};--{p}-header-h:64px;--{p}-ticker-h:40px;--{p}-radius:.5rem;--{p}-rail-w:336px}}
html{{scroll-behavior:smooth;-webkit-text-size-adjust:100%}}body{{margin:0;font-family:"Montserrat",system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1d1d1f;background:#fff}}
.visually-hidden{{position:absolute!important;width:1px!important;height:1px!important;padding:0!important;margin:-1px!important;overflow:hidden!important;clip:rect(0,0,0,0)!important;white-space:nowrap!important;border:0!important}}
.{p}-topbar{{display:flex;justify-content:space-between;align-items:center;height:36px;font-size:.8rem;background:#111;color:#fff}}
.{p}-header{{position:sticky;top:0;z-index:1030;height:var(--{p}-header-h);background:#fff;box-shadow:0 1px 4px rgba(0,0,0,.08)}}
.{p}-header__logo img{{height:40px;width:auto}}.{p}-header__actions{{display:flex;gap:.75rem;align-items:center}}
.{p}-mega{{display:flex;flex-wrap:wrap;justify-content:center;margin:0;padding:0;list-style:none;text-transform:uppercase;font-weight:700}}
.{p}-mega__item{{position:relative}}.{p}-mega__link{{display:block;padding:.75rem .9rem;color:#1d1d1f;text-decoration:none}}
.{p}-mega__panel{{display:none;position:absolute;left:0;top:100%;min-width:260px;padding:1rem;background:#fff;box-shadow:0 12px 24px rgba(0,0,0,.12);border-top:3px solid var(--{p}-accent)}}
.{p}-mega__item:hover .{p}-mega__panel,.{p}-mega__item:focus-within .{p}-mega__panel{{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:.25rem 1rem}}
.{p}-mega__sublink{{display:block;padding:.3rem 0;font-weight:500;text-transform:none;color:#4a5260}}
.{p}-offcanvas{{position:fixed;inset:0 auto 0 0;width:min(88vw,380px);transform:translateX(-100%);transition:transform .3s ease;background:var(--{p}-accent);color:#fff;overflow-y:auto;z-index:1050}}
.{p}-offcanvas.show{{transform:none}}.{p}-offcanvas__link{{color:#fff;font-size:1.4rem;text-decoration:none}}
.ticker-wrapper{{height:var(--{p}-ticker-h);line-height:var(--{p}-ticker-h);white-space:nowrap}}.ticker-track{{animation:{p}-ticker 60s linear infinite}}
.ticker-track:hover{{animation-play-state:paused}}@keyframes {p}-ticker{{from{{transform:translateX(0)}}to{{transform:translateX(-50%)}}}}
.{p}-card__title{{font-size:1.05rem;line-height:1.3;color:#1d1d1f}}.{p}-card__excerpt{{font-size:.95rem;color:#4a5260}}
.{p}-card__media img{{width:100%;height:100%;object-fit:cover}}.{p}-block-title{{font-weight:700;text-transform:uppercase;border-bottom:3px solid var(--{p}-accent);padding-bottom:.35rem}}
.{p}-most-read__rank{{font-size:2rem;color:var(--{p}-accent);min-width:2rem}}.{p}-latest__time{{font-weight:700;color:var(--{p}-accent);margin-inline-end:.5rem}}
.{p}-share__list{{gap:.5rem}}.{p}-share__link,.{p}-share__copy,.{p}-share__print{{display:inline-flex;width:44px;height:44px;align-items:center;justify-content:center;border-radius:var(--{p}-radius);background:#111;color:#fff;border:0}}
.{p}-share__item--facebook .{p}-share__link{{background:#1877f2}}.{p}-share__item--x .{p}-share__link{{background:#000}}.{p}-share__item--linkedin .{p}-share__link{{background:#0a66c2}}
.{p}-share__item--whatsapp .{p}-share__link{{background:#25d366}}.{p}-share__item--telegram .{p}-share__link{{background:#229ed9}}
.{p}-ad{{display:flex;flex-direction:column;align-items:center;justify-content:center;background:#f6f6f6}}.{p}-ad__label{{font-size:.7rem;color:#666;font-style:italic}}
.{p}-newsletter{{background:#f6efe3;border-left:4px solid var(--{p}-accent)}}.{p}-newsletter__form input{{flex:1 1 auto;min-width:0}}
.{p}-footer{{background:#14181f;color:#c9ced6;padding:3rem 0 1.5rem}}.{p}-footer a{{color:#c9ced6;text-decoration:none}}.{p}-footer a:hover{{color:#fff}}
.{p}-footer__cols{{display:grid;grid-template-columns:repeat(auto-fit,minmax(180px,1fr));gap:2rem}}.{p}-footer__title{{color:#fff;font-weight:700;text-transform:uppercase;margin-bottom:.75rem}}
.{p}-consent{{position:fixed;inset:auto 0 0 0;z-index:2000;background:#fff;box-shadow:0 -8px 24px rgba(0,0,0,.15);padding:1.25rem}}
.{p}-consent[hidden]{{display:none}}.lozad{{opacity:0;transition:opacity .3s}}.lozad.is-loaded{{opacity:1}}
@media (max-width:991.98px){{.{p}-mega{{display:none}}.{p}-rail{{margin-top:2rem}}.{p}-topbar{{display:none}}}}
@media (min-width:992px){{.{p}-burger{{display:none}}.{p}-rail{{position:sticky;top:calc(var(--{p}-header-h) + 1rem)}}}}
@media print{{.{p}-header,.{p}-footer,.{p}-rail,.{p}-share,.ticker-wrapper,.{p}-ad,.{p}-consent{{display:none!important}}}}
"""
    return "".join(utilities) + components


def _theme_config(skin: Skin, language: str, base_url: str, name: str) -> dict[str, object]:
    """The configuration object themes print for their bundles: endpoints, menus, ad units, i18n."""
    menu = MENUS[language]
    units = []
    for slug, _, subs in menu:
        for place, sizes in AD_PLACES:
            units.append({
                "code": f"/21{_checksum(skin.theme) % 1000000:06d}/{skin.theme}/{slug}/{place}",
                "place": place, "section": slug, "sizes": sizes,
                "targeting": {"sec": slug, "subs": [s for s, _ in subs][:4], "pos": place},
            })
    return {
        "site": {"name": name, "url": base_url, "lang": language, "theme": skin.theme, "version": "4.2.7",
                 "accent": skin.accent},
        "endpoints": {"api": f"{base_url}/api/v2/", "search": f"{base_url}/?s=", "newsletter": f"{base_url}/newsletter/inscription/",
                      "comments": f"{base_url}/comments-post/", "stats": f"{base_url}/stats/collect",
                      "most_read": f"{base_url}/api/v2/most-read?period=24h", "live": f"{base_url}/api/v2/live"},
        "breakpoints": {"xs": 0, "sm": 576, "md": 768, "lg": 992, "xl": 1200, "xxl": 1400},
        "lazy": {"rootMargin": "300px 0px", "threshold": 0.01, "selector": ".lozad,[data-src],[data-bg]"},
        "ticker": {"speed": 40, "pauseOnHover": True, "refresh": 120},
        "menu": [
            {"slug": slug, "label": label, "url": _section_url(skin, base_url, slug),
             "children": [{"slug": s, "label": sl} for s, sl in subs]}
            for slug, label, subs in menu
        ],
        "ads": {"network": f"21{_checksum(skin.theme) % 1000000:06d}", "lazyLoad": {"fetchMarginPercent": 200, "renderMarginPercent": 80, "mobileScaling": 2},
                "refresh": {"seconds": 45, "max": 4, "places": ["rail-top", "rail-bottom"]}, "units": units},
        "consent": {"version": 3, "vendors": CONSENT_VENDORS, "purposes": list(range(1, 11)),
                    "cookie": f"{skin.prefix}_consent", "days": 180},
        "i18n": WORDS[language],
        "features": {"darkMode": False, "readingProgress": True, "stickyRail": True, "comments": True,
                     "paywall": False, "pushNotifications": True, "infiniteScroll": False},
    }


AD_PLACES = (
    ("header", [[728, 90], [970, 90], [970, 250], [320, 100]]),
    ("inread1", [[300, 250], [336, 280], [640, 360]]),
    ("after-article", [[728, 90], [970, 250], [300, 250]]),
    ("rail-top", [[300, 250], [300, 600]]),
    ("rail-bottom", [[300, 250], [300, 600]]),
)

# Our own stand-in ad and measurement vendors for the consent configuration.
CONSENT_VENDORS = [
    {"id": 700 + n, "name": name, "purposes": purposes, "legInt": leg, "cookieMaxAge": age}
    for n, (name, purposes, leg, age) in enumerate([
        ("Atlas Régie", [1, 2, 3, 4], [7, 9], 31536000), ("Zellige Analytics", [1, 8, 9], [10], 33696000),
        ("Kasbah Ads Exchange", [1, 2, 7], [9, 10], 15552000), ("Medina Audience", [1, 5, 6], [], 7776000),
        ("Argan Measure", [1, 7, 8], [9], 31536000), ("Oasis Video Ads", [1, 2, 4, 7], [10], 2592000),
        ("Sahel Retargeting", [1, 3, 4], [], 15552000), ("Noria Consent Sync", [1], [10], 31536000),
        ("Cèdre Push", [1, 11], [], 7776000), ("Tafraout Heatmaps", [1, 8], [9, 10], 2592000),
        ("Majorelle Native", [1, 2, 3, 4, 7], [], 31536000), ("Volubilis DSP", [1, 2, 3, 4], [7], 15552000),
    ])
]


@lru_cache(maxsize=32)
def _static_top(skin: Skin, language: str, base_url: str, name: str) -> str:
    return "\n".join([
        SVG_SPRITE,
        f'<noscript><iframe src="https://www.googletagmanager.com/ns.html?id=GTM-{skin.prefix.upper()}24" height="0" width="0" style="display:none;visibility:hidden"></iframe></noscript>',
        f'<a class="visually-hidden-focusable skip-link" href="#main-content">{"Aller au contenu" if language == "fr" else "انتقل إلى المحتوى"}</a>',
        _topbar(skin, language),
        _header(skin, language, base_url, name),
        _offcanvas(skin, language, base_url),
        _login_modal(skin, language, base_url),
        _ad_header(skin),
    ])


def _social_links(skin: Skin) -> str:
    p = skin.prefix
    items = "".join(
        f'<li class="{p}-social__item"><a class="{p}-social__link" href="{esc(pattern.format(skin.handle))}" target="_blank" rel="noopener" aria-label="{label}"><i class="bi bi-{key}" aria-hidden="true"></i></a></li>'
        for key, label, pattern in SOCIAL
    )
    return f'<ul class="{p}-social list-inline d-flex">{items}</ul>'


def _topbar(skin: Skin, language: str) -> str:
    w = WORDS[language]
    p = skin.prefix
    return f"""<div id="top-menu-container" class="{p}-topbar">
	<nav class="navbar navbar-expand-lg navbar-dark bg-danger" aria-label="{esc(w['follow'])}">
		{_social_links(skin)}
		<div class="{p}-topbar__links"><a href="/edition-numerique/">{"Édition numérique" if language == "fr" else "النسخة الرقمية"}</a> <a href="/newsletters/">{esc(w['newsletter'])}</a> <a href="/applications/">{esc(w['apps'])}</a></div>
		<div id="login-btns" class="{p}-topbar__account"><button type="button" class="btn btn-link text-white" data-bs-toggle="modal" data-bs-target="#loginModal">{esc(w['login'])}</button> <a class="btn btn-light btn-sm" href="/abonnement/">{esc(w['subscribe_paper'])}</a></div>
	</nav>
</div>"""


def _header(skin: Skin, language: str, base_url: str, name: str) -> str:
    w = WORDS[language]
    p = skin.prefix
    items = []
    for index, (slug, label, subs) in enumerate(MENUS[language]):
        url = _section_url(skin, base_url, slug)
        if index >= MEGA_PANELS:
            items.append(
                f'\t\t<li class="{p}-mega__item nav-item" data-section="{slug}"><a class="{p}-mega__link nav-link" href="{esc(url)}">{esc(label)}</a></li>'
            )
            continue
        links = "".join(
            f'<li class="{p}-mega__subitem"><a class="{p}-mega__sublink dropdown-item" href="{esc(_section_url(skin, base_url, slug, sub))}">{esc(sub_label)}</a></li>'
            for sub, sub_label in subs
        )
        items.append(
            f"""		<li class="{p}-mega__item nav-item dropdown" data-section="{slug}">
			<a class="{p}-mega__link nav-link dropdown-toggle" href="{esc(url)}" role="button" aria-expanded="false">{esc(label)}</a>
			<div class="{p}-mega__panel dropdown-menu"><ul class="{p}-mega__sublist list-unstyled">{links}</ul></div>
		</li>"""
        )
    menu = "\n".join(items)
    return f"""<header id="top-menu" class="{p}-header site-header">
	<div class="{p}-header__inner container-xxl d-flex align-items-center justify-content-between">
		<button class="{p}-burger btn" type="button" data-bs-toggle="offcanvas" data-bs-target="#offcanvasMenu" aria-controls="offcanvasMenu" aria-label="{esc(w['menu'])}"><svg class="icon" width="28" height="28" aria-hidden="true"><use href="#icon-menu"></use></svg></button>
		<a class="{p}-header__logo blog-header-logo" href="{esc(base_url)}/" rel="home" aria-label="{esc(name)}"><img src="{esc(base_url)}/assets/{skin.theme}/logo.svg" width="220" height="48" alt="{esc(name)}"></a>
		<div class="{p}-header__actions">
			<form class="{p}-search search-form d-flex" role="search" action="{esc(base_url)}/" method="get">
				<label class="visually-hidden" for="header-search">{esc(w['search'])}</label>
				<input id="header-search" class="form-control" type="search" name="s" placeholder="{esc(w['search_hint'])}" autocomplete="off">
				<button class="btn" type="submit" aria-label="{esc(w['search'])}"><svg class="icon" width="20" height="20" aria-hidden="true"><use href="#icon-search"></use></svg></button>
			</form>
		</div>
	</div>
	<nav id="main-menu" class="{p}-nav navbar navbar-expand-lg" aria-label="{esc(w['sections'])}">
		<ul id="menu-mainmenu" class="{p}-mega navbar-nav">
{menu}
		</ul>
	</nav>
</header>"""


def _offcanvas(skin: Skin, language: str, base_url: str) -> str:
    """The mobile menu: the same tree again, as collapsible lists (real pages ship both)."""
    w = WORDS[language]
    p = skin.prefix
    items = []
    for index, (slug, label, subs) in enumerate(MENUS[language]):
        url = _section_url(skin, base_url, slug)
        if index >= MEGA_PANELS:
            items.append(
                f'\t\t<li class="list-group-item border-0 {p}-offcanvas__item"><a class="{p}-offcanvas__link" href="{esc(url)}">{esc(label)}</a></li>'
            )
            continue
        links = "".join(
            f'<li class="list-group-item border-0"><a class="{p}-offcanvas__sublink" href="{esc(_section_url(skin, base_url, slug, sub))}">{esc(sub_label)}</a></li>'
            for sub, sub_label in subs
        )
        items.append(
            f"""		<li class="list-group-item border-0 {p}-offcanvas__item"><a class="{p}-offcanvas__link" href="{esc(url)}">{esc(label)}</a>
			<button class="btn btn-sm {p}-offcanvas__toggle" type="button" data-bs-toggle="collapse" data-bs-target="#submenu-{index}" aria-expanded="false" aria-label="{esc(label)}"><i class="bi bi-chevron-down" aria-hidden="true"></i></button>
			<ul class="list-group list-group-flush collapse" id="submenu-{index}">{links}</ul></li>"""
        )
    menu = "\n".join(items)
    return f"""<div class="offcanvas offcanvas-start {p}-offcanvas" tabindex="-1" id="offcanvasMenu" aria-labelledby="offcanvasMenuLabel">
	<div class="offcanvas-header"><span id="offcanvasMenuLabel" class="h5">{esc(w['menu'])}</span><button type="button" class="btn-close btn-close-white" data-bs-dismiss="offcanvas" aria-label="{esc(w['close'])}"></button></div>
	<div class="offcanvas-body">
		<ul id="menu-rubriques" class="list-group rounded-0">
{menu}
		</ul>
		{_social_links(skin)}
	</div>
</div>"""


def _login_modal(skin: Skin, language: str, base_url: str) -> str:
    w = WORDS[language]
    p = skin.prefix
    return f"""<div class="modal fade {p}-login" id="loginModal" tabindex="-1" aria-labelledby="loginModalLabel" aria-hidden="true">
	<div class="modal-dialog modal-dialog-centered"><div class="modal-content rounded-4">
		<form id="loginbox" action="{esc(base_url)}/mon-compte/connexion/" method="post">
			<div class="modal-header"><span class="modal-title h5" id="loginModalLabel">{esc(w['login'])}</span><button type="button" class="btn-close" data-bs-dismiss="modal" aria-label="{esc(w['close'])}"></button></div>
			<div class="modal-body d-flex flex-wrap">
				<label for="login-email" class="form-label w-100">E-mail</label><input id="login-email" class="form-control mb-3" type="email" name="log" autocomplete="username" required>
				<label for="login-password" class="form-label w-100">{esc(w['password'])}</label><input id="login-password" class="form-control mb-3" type="password" name="pwd" autocomplete="current-password" required>
				<a class="small" href="{esc(base_url)}/mon-compte/mot-de-passe/">{esc(w['forgot'])}</a>
			</div>
			<div class="modal-footer"><button type="submit" class="btn btn-danger w-100">{esc(w['login'])}</button></div>
		</form>
	</div></div>
</div>"""


def _ad_header(skin: Skin) -> str:
    p = skin.prefix
    return f"""<div class="{p}-ad {p}-ad--header container-xxl my-2" data-position="header">
	<div id="div-gpt-ad-{p}-header" class="ad-slot" style="min-height:90px"><script>
	window.adQueue=window.adQueue||[];window.adQueue.push(function(){{window.themeAds.display("div-gpt-ad-{p}-header",{{pos:"header",sizes:[[728,90],[970,90],[970,250],[320,100]]}});}});
	</script></div>
</div>"""


@lru_cache(maxsize=32)
def _static_bottom(skin: Skin, language: str, base_url: str, name: str) -> str:
    return "\n".join([
        _footer(skin, language, base_url, name),
        _consent_dialog(skin, language),
        f'<script type="speculationrules">{json.dumps(_speculation_rules(base_url))}</script>',
        f"<script>{LAZYLOAD_JS}</script>",
        f"<script>{MENU_JS}</script>",
        f"<script>{TICKER_JS}</script>",
        f"<script>{SHARE_JS}</script>",
        f"<script>{NEWSLETTER_JS}</script>",
        f"<script>{ADS_JS}</script>",
        f"<script>{READING_JS}</script>",
        f'<script src="{base_url}/assets/{skin.theme}/dist/vendor.js?ver=4.2.7" defer></script>',
        f'<script src="{base_url}/assets/{skin.theme}/dist/app.js?ver=4.2.7" defer></script>',
    ])


def _speculation_rules(base_url: str) -> dict[str, object]:
    return {"prefetch": [{"source": "document", "where": {"and": [
        {"href_matches": "/*"},
        {"not": {"href_matches": ["/wp-*.php", "/admin/*", "/assets/*", "/*\\?(.+)", "/mon-compte/*"]}},
        {"not": {"selector_matches": "a[rel~=\"nofollow\"]"}},
        {"not": {"selector_matches": ".no-prefetch, .no-prefetch a"}},
    ]}, "eagerness": "conservative"}]}


def _footer(skin: Skin, language: str, base_url: str, name: str) -> str:
    w = WORDS[language]
    p = skin.prefix
    sections = "".join(
        f'<li><a href="{esc(_section_url(skin, base_url, slug))}">{esc(label)}</a></li>'
        for slug, label, _ in MENUS[language]
    )
    columns = [f'<div class="{p}-footer__col"><div class="{p}-footer__title">{esc(w["sections"])}</div><ul class="list-unstyled">{sections}</ul></div>']
    for key, links in FOOTER_LINKS[language].items():
        items = "".join(f'<li><a href="{esc(base_url + path)}">{esc(label)}</a></li>' for path, label in links)
        columns.append(f'<div class="{p}-footer__col"><div class="{p}-footer__title">{esc(w[key])}</div><ul class="list-unstyled">{items}</ul></div>')
    stores = "".join(
        f'<a class="{p}-footer__store" href="{href}" rel="noopener"><img src="{esc(base_url)}/assets/{skin.theme}/{badge}" width="135" height="40" alt="{alt}" loading="lazy"></a>'
        for href, badge, alt in (("https://apps.apple.com/app/id1500000024", "badge-app-store.svg", "App Store"),
                                 ("https://play.google.com/store/apps/details?id=ma.replica." + skin.prefix, "badge-google-play.svg", "Google Play"))
    )
    return f"""<footer class="{p}-footer site-footer">
	<div class="container-xxl">
		<div id="footer-top-section" class="{p}-footer__top d-flex justify-content-between align-items-center">
			<a class="{p}-footer__logo" href="{esc(base_url)}/"><img src="{esc(base_url)}/assets/{skin.theme}/logo-white.svg" width="200" height="44" alt="{esc(name)}" loading="lazy"></a>
			{_social_links(skin)}
		</div>
		<div id="footer-middle-section" class="{p}-footer__cols">
			{"".join(columns)}
			<div class="{p}-footer__col"><div class="{p}-footer__title">{esc(w['apps'])}</div>{stores}
				<form id="newsletter-footer-form" class="{p}-footer__newsletter" action="{esc(base_url)}/newsletter/inscription/" method="post"><label class="visually-hidden" for="footer-email">{esc(w['email'])}</label><input id="footer-email" type="email" name="email" placeholder="{esc(w['email'])}" required><button type="submit">{esc(w['subscribe'])}</button></form>
			</div>
		</div>
		<div class="{p}-footer__bottom small">© {{{{year}}}} {esc(name)}. {esc(w['copyright'])}</div>
	</div>
</footer>"""


def _consent_dialog(skin: Skin, language: str) -> str:
    w = WORDS[language]
    p = skin.prefix
    return f"""<div id="{p}-consent" class="{p}-consent" role="dialog" aria-modal="true" aria-labelledby="{p}-consent-title" hidden>
	<div class="{p}-consent__title h5" id="{p}-consent-title">{esc(w['consent_title'])}</div>
	<div class="{p}-consent__text">{esc(w['consent_text'])}</div>
	<div class="{p}-consent__actions"><button type="button" class="btn btn-danger" data-consent="all">{esc(w['accept'])}</button> <button type="button" class="btn btn-link" data-consent="none">{esc(w['refuse'])}</button> <button type="button" class="btn btn-outline-dark" data-consent="settings">{esc(w['settings'])}</button></div>
</div>"""


# -- inline icons and scripts ----------------------------------------------------------------
# Simple geometric glyphs drawn for the replica; real themes inline a sprite like this.
_ICONS = {
    "facebook": "M14 8h3V4h-3c-2.8 0-5 2.2-5 5v2H7v4h2v9h4v-9h3l1-4h-4V9c0-.6.4-1 1-1z",
    "x": "M4 4h4.5l4 5.6L17 4h3l-6.1 7.4L21 20h-4.5l-4.3-6-5 6H4l6.6-7.9z",
    "instagram": "M7 3h10a4 4 0 0 1 4 4v10a4 4 0 0 1-4 4H7a4 4 0 0 1-4-4V7a4 4 0 0 1 4-4zm5 5a4 4 0 1 0 0 8 4 4 0 0 0 0-8zm5.5-2a1 1 0 1 0 0 2 1 1 0 0 0 0-2z",
    "linkedin": "M4 9h3.5v11H4zM5.8 3.5a2 2 0 1 1 0 4 2 2 0 0 1 0-4zM9.5 9H13v1.6c.6-1 1.8-1.9 3.6-1.9 3.4 0 4.1 2.2 4.1 5.2V20h-3.5v-5.4c0-1.3 0-2.9-1.8-2.9s-2.1 1.4-2.1 2.8V20H9.5z",
    "youtube": "M21.6 7.2a2.5 2.5 0 0 0-1.8-1.8C18.2 5 12 5 12 5s-6.2 0-7.8.4A2.5 2.5 0 0 0 2.4 7.2 26 26 0 0 0 2 12a26 26 0 0 0 .4 4.8 2.5 2.5 0 0 0 1.8 1.8C5.8 19 12 19 12 19s6.2 0 7.8-.4a2.5 2.5 0 0 0 1.8-1.8A26 26 0 0 0 22 12a26 26 0 0 0-.4-4.8zM10 15V9l5.2 3z",
    "telegram": "M21.5 3.5 2.8 10.7c-1.3.5-1.2 1.3-.2 1.6l4.8 1.5 1.8 5.6c.2.6.4.8.9.8.4 0 .6-.2.9-.4l2.3-2.2 4.8 3.5c.9.5 1.5.2 1.7-.8l3.1-14.7c.3-1.3-.5-1.9-1.4-1.6z",
    "whatsapp": "M12 2.5A9.5 9.5 0 0 0 3.8 16.8L2.5 21.5l4.8-1.3A9.5 9.5 0 1 0 12 2.5zm5.2 13.3c-.2.6-1.3 1.2-1.8 1.2-.5.1-1 .2-3.3-.7-2.8-1.1-4.5-3.9-4.7-4.1-.1-.2-1.1-1.5-1.1-2.8s.7-2 1-2.3c.2-.3.5-.3.7-.3h.5c.2 0 .4 0 .6.5l.9 2.1c.1.2.1.3 0 .5l-.3.5-.4.4c-.1.1-.3.3-.1.6.2.3.8 1.3 1.7 2.1 1.2 1 2.1 1.3 2.4 1.5.3.1.5.1.6-.1l.9-1c.2-.3.4-.2.7-.1l2 1c.3.1.5.2.5.3.1.1.1.7-.1 1.3z",
    "mail": "M3 5h18a1 1 0 0 1 1 1v12a1 1 0 0 1-1 1H3a1 1 0 0 1-1-1V6a1 1 0 0 1 1-1zm1 2.4V17h16V7.4l-8 5.3z",
    "search": "M10.5 3a7.5 7.5 0 0 1 6 12l4.3 4.3-1.4 1.4-4.3-4.3A7.5 7.5 0 1 1 10.5 3zm0 2a5.5 5.5 0 1 0 0 11 5.5 5.5 0 0 0 0-11z",
    "menu": "M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z",
    "close": "M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z",
    "chevron": "M8.6 5.4 10 4l8 8-8 8-1.4-1.4 6.6-6.6z",
    "link": "M10.6 13.4a1 1 0 0 1 0-1.4l3.5-3.5a3 3 0 0 1 4.2 4.2l-2.1 2.1-1.4-1.4 2.1-2.1a1 1 0 0 0-1.4-1.4L12 13.4a1 1 0 0 1-1.4 0zM7.8 11.3l1.4 1.4-2.1 2.1a1 1 0 0 0 1.4 1.4l3.5-3.5 1.4 1.4-3.5 3.5a3 3 0 0 1-4.2-4.2z",
    "print": "M7 3h10v4H7zM5 8h14a2 2 0 0 1 2 2v6h-4v5H7v-5H3v-6a2 2 0 0 1 2-2zm4 8v3h6v-3z",
    "clock": "M12 2a10 10 0 1 1 0 20 10 10 0 0 1 0-20zm0 2a8 8 0 1 0 0 16 8 8 0 0 0 0-16zm1 3v4.6l3.4 2-1 1.7L11 12.7V7z",
    "comment": "M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z",
    "user": "M12 3a4.5 4.5 0 1 1 0 9 4.5 4.5 0 0 1 0-9zm0 11c4.4 0 8 2.2 8 5v2H4v-2c0-2.8 3.6-5 8-5z",
    "bookmark": "M6 3h12a1 1 0 0 1 1 1v17l-7-4-7 4V4a1 1 0 0 1 1-1z",
}
SVG_SPRITE = (
    '<svg xmlns="http://www.w3.org/2000/svg" style="position:absolute;width:0;height:0;overflow:hidden" aria-hidden="true"><defs>'
    + "".join(f'<symbol id="icon-{name}" viewBox="0 0 24 24"><path fill="currentColor" d="{path}"/></symbol>' for name, path in _ICONS.items())
    + "</defs></svg>"
)

CONSENT_STUB_JS = """
(function (w, d) {
  "use strict";
  // Queue consent calls until the consent bundle has loaded, so ad code can ask early.
  var queue = [];
  var cfg = (w.ECO_THEME || w.B_THEME || w.MT_THEME || w.HR_THEME || {}).config || {};
  var cookieName = (cfg.consent && cfg.consent.cookie) || "site_consent";
  function readCookie(name) {
    var parts = ("; " + d.cookie).split("; " + name + "=");
    return parts.length === 2 ? decodeURIComponent(parts.pop().split(";").shift()) : null;
  }
  function stub() {
    var args = Array.prototype.slice.call(arguments);
    if (args[0] === "ping") {
      args[2]({ gdprApplies: true, cmpLoaded: false, cmpStatus: "stub", displayStatus: "hidden" }, true);
      return;
    }
    queue.push(args);
  }
  stub.queue = queue;
  w.__consentApi = w.__consentApi || stub;
  w.siteConsent = {
    stored: readCookie(cookieName),
    granted: function (purpose) {
      var value = this.stored;
      if (!value) { return false; }
      return value === "all" || value.split(",").indexOf(String(purpose)) !== -1;
    },
    save: function (value) {
      var days = (cfg.consent && cfg.consent.days) || 180;
      var expires = new Date(Date.now() + days * 864e5).toUTCString();
      d.cookie = cookieName + "=" + encodeURIComponent(value) + "; expires=" + expires + "; path=/; SameSite=Lax";
      this.stored = value;
      d.dispatchEvent(new CustomEvent("site:consent", { detail: value }));
    }
  };
  d.addEventListener("DOMContentLoaded", function () {
    var dialog = d.querySelector("[role=dialog][id$=-consent]");
    if (!dialog || w.siteConsent.stored) { return; }
    dialog.hidden = false;
    dialog.addEventListener("click", function (event) {
      var choice = event.target.getAttribute("data-consent");
      if (!choice) { return; }
      if (choice === "settings") { w.location.href = "/cookies/"; return; }
      w.siteConsent.save(choice === "all" ? "all" : "none");
      dialog.hidden = true;
    });
  });
})(window, document);
"""

ANALYTICS_JS = """
(function (w, d) {
  "use strict";
  // Page views, scroll depth and time spent, sent in one beacon when the page is hidden.
  var account = "__ACCOUNT__";
  var started = Date.now();
  var maxDepth = 0;
  var layer = w.dataLayer || [];
  var page = layer.length ? layer[layer.length - 1] : {};
  function endpoint() {
    var cfg = (w.ECO_THEME || w.B_THEME || w.MT_THEME || w.HR_THEME || {}).config || {};
    return (cfg.endpoints && cfg.endpoints.stats) || "/stats/collect";
  }
  function depth() {
    var doc = d.documentElement;
    var seen = (w.scrollY || doc.scrollTop) + w.innerHeight;
    return Math.min(100, Math.round((seen / Math.max(doc.scrollHeight, 1)) * 100));
  }
  function send(kind, extra) {
    if (!w.siteConsent || !w.siteConsent.granted(8)) { return; }
    var payload = {
      a: account, k: kind, u: w.location.pathname, r: d.referrer || "",
      s: page.section || "", c: page.contentId || "", t: Date.now() - started, d: maxDepth
    };
    for (var key in extra) { if (Object.prototype.hasOwnProperty.call(extra, key)) { payload[key] = extra[key]; } }
    var body = JSON.stringify(payload);
    if (navigator.sendBeacon) { navigator.sendBeacon(endpoint(), body); return; }
    var xhr = new XMLHttpRequest();
    xhr.open("POST", endpoint(), true);
    xhr.setRequestHeader("Content-Type", "application/json");
    xhr.send(body);
  }
  var ticking = false;
  w.addEventListener("scroll", function () {
    if (ticking) { return; }
    ticking = true;
    w.requestAnimationFrame(function () {
      var now = depth();
      [25, 50, 75, 100].forEach(function (mark) {
        if (maxDepth < mark && now >= mark) { send("depth", { m: mark }); }
      });
      maxDepth = Math.max(maxDepth, now);
      ticking = false;
    });
  }, { passive: true });
  d.addEventListener("visibilitychange", function () {
    if (d.visibilityState === "hidden") { send("leave", {}); }
  });
  d.addEventListener("site:consent", function () { send("view", { late: 1 }); });
  send("view", {});
  (function (i, s, o, g, r) {
    i.GoogleAnalyticsObject = r;
    i[r] = i[r] || function () { (i[r].q = i[r].q || []).push(arguments); };
    i[r].l = 1 * new Date();
    var a = s.createElement(o), m = s.getElementsByTagName(o)[0];
    a.async = 1; a.src = g; m.parentNode.insertBefore(a, m);
  })(w, d, "script", "https://www.googletagmanager.com/gtag/js?id=G-" + account.toUpperCase(), "gtagLegacy");
})(window, document);
"""

ADS_BOOT_JS = """
window.googletag = window.googletag || { cmd: [] };
window.adQueue = window.adQueue || [];
window.themeAds = window.themeAds || {
  pending: [],
  display: function (id, options) { this.pending.push([id, options]); }
};
"""

ADS_JS = """
(function (w, d) {
  "use strict";
  // Define the slots the page declared, load them lazily and refresh the rail ones while visible.
  var cfg = ((w.ECO_THEME || w.B_THEME || w.MT_THEME || w.HR_THEME || {}).config || {}).ads || {};
  var layer = w.dataLayer || [];
  var page = layer.length ? layer[layer.length - 1] : {};
  var refreshed = {};
  function unitFor(place) {
    var units = cfg.units || [];
    for (var i = 0; i < units.length; i++) {
      if (units[i].place === place && units[i].section === page.section) { return units[i]; }
    }
    return units.length ? units[0] : null;
  }
  function sizesFor(sizes) {
    var width = w.innerWidth;
    return sizes.filter(function (size) { return width >= 992 ? true : size[0] <= width; });
  }
  function define(id, options) {
    var unit = unitFor(options.pos);
    if (!unit || !d.getElementById(id)) { return; }
    w.googletag.cmd.push(function () {
      var slot = w.googletag.defineSlot(unit.code, sizesFor(options.sizes), id);
      if (!slot) { return; }
      slot.addService(w.googletag.pubads());
      Object.keys(unit.targeting || {}).forEach(function (key) { slot.setTargeting(key, unit.targeting[key]); });
      slot.setTargeting("tags", page.tags || []);
      w.googletag.display(id);
    });
  }
  function refresh(entries) {
    entries.forEach(function (entry) {
      var id = entry.target.id;
      var places = (cfg.refresh && cfg.refresh.places) || [];
      if (!entry.isIntersecting || places.indexOf(entry.target.parentNode.getAttribute("data-position")) === -1) { return; }
      refreshed[id] = (refreshed[id] || 0) + 1;
      if (refreshed[id] > ((cfg.refresh && cfg.refresh.max) || 3)) { return; }
      setTimeout(function () {
        w.googletag.cmd.push(function () {
          var slots = w.googletag.pubads().getSlots().filter(function (s) { return s.getSlotElementId() === id; });
          w.googletag.pubads().refresh(slots);
        });
      }, ((cfg.refresh && cfg.refresh.seconds) || 45) * 1000);
    });
  }
  w.googletag.cmd.push(function () {
    var pubads = w.googletag.pubads();
    pubads.enableLazyLoad(cfg.lazyLoad || {});
    pubads.setCentering(true);
    pubads.collapseEmptyDivs();
    pubads.addEventListener("slotRenderEnded", function (event) {
      var box = d.getElementById(event.slot.getSlotElementId());
      var label = box && box.parentNode.querySelector("[class$=ad__label]");
      if (label) { label.style.display = event.isEmpty ? "none" : "block"; }
    });
    w.googletag.enableServices();
  });
  w.themeAds.display = define;
  w.themeAds.pending.forEach(function (args) { define(args[0], args[1]); });
  w.adQueue.forEach(function (fn) { try { fn(); } catch (e) { /* one broken slot must not stop the others */ } });
  w.adQueue = { push: function (fn) { fn(); } };
  if ("IntersectionObserver" in w) {
    var watcher = new IntersectionObserver(refresh, { threshold: 0.5 });
    d.querySelectorAll(".ad-slot").forEach(function (slot) { watcher.observe(slot); });
  }
  var tag = d.createElement("script");
  tag.async = true;
  tag.src = "https://securepubads.g.doubleclick.net/tag/js/gpt.js";
  d.head.appendChild(tag);
})(window, document);
"""

LAZYLOAD_JS = """
(function (w, d) {
  "use strict";
  // Swap data-src/data-srcset/data-bg in when an element nears the viewport.
  var cfg = ((w.ECO_THEME || w.B_THEME || w.MT_THEME || w.HR_THEME || {}).config || {}).lazy || {};
  var selector = cfg.selector || ".lozad,[data-src],[data-bg]";
  function load(el) {
    if (el.getAttribute("data-loaded")) { return; }
    if (el.tagName === "PICTURE") {
      Array.prototype.forEach.call(el.children, function (child) { load(child); });
    }
    var src = el.getAttribute("data-src");
    var srcset = el.getAttribute("data-srcset");
    var bg = el.getAttribute("data-bg");
    if (src) { el.setAttribute("src", src); }
    if (srcset) { el.setAttribute("srcset", srcset); }
    if (bg) { el.style.backgroundImage = "url('" + bg + "')"; }
    el.setAttribute("data-loaded", "true");
    if (el.classList) { el.classList.add("is-loaded"); }
  }
  function all() { return d.querySelectorAll(selector); }
  if (!("IntersectionObserver" in w)) {
    d.addEventListener("DOMContentLoaded", function () { Array.prototype.forEach.call(all(), load); });
    return;
  }
  var observer = new IntersectionObserver(function (entries, self) {
    entries.forEach(function (entry) {
      if (entry.isIntersecting || entry.intersectionRatio > 0) {
        self.unobserve(entry.target);
        load(entry.target);
      }
    });
  }, { rootMargin: cfg.rootMargin || "300px 0px", threshold: cfg.threshold || 0.01 });
  function observe() { Array.prototype.forEach.call(all(), function (el) { observer.observe(el); }); }
  observe();
  if ("MutationObserver" in w) {
    new MutationObserver(function (mutations) {
      mutations.forEach(function (m) { if (m.addedNodes.length) { observe(); } });
    }).observe(d.body, { childList: true, subtree: true });
  }
  w.addEventListener("beforeprint", function () { Array.prototype.forEach.call(all(), load); });
})(window, document);
"""

MENU_JS = """
(function (w, d) {
  "use strict";
  // Mega-menu panels on hover and keyboard, the off-canvas menu, and the sticky header state.
  var header = d.querySelector(".site-header");
  var last = 0;
  d.querySelectorAll("[data-section] > .dropdown-toggle").forEach(function (toggle) {
    toggle.addEventListener("keydown", function (event) {
      if (event.key !== "ArrowDown" && event.key !== "Enter") { return; }
      var panel = toggle.nextElementSibling;
      if (!panel) { return; }
      event.preventDefault();
      toggle.setAttribute("aria-expanded", "true");
      panel.classList.add("show");
      var first = panel.querySelector("a");
      if (first) { first.focus(); }
    });
    toggle.parentNode.addEventListener("mouseleave", function () {
      toggle.setAttribute("aria-expanded", "false");
      if (toggle.nextElementSibling) { toggle.nextElementSibling.classList.remove("show"); }
    });
  });
  d.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") { return; }
    d.querySelectorAll(".dropdown-menu.show, .offcanvas.show").forEach(function (open) { open.classList.remove("show"); });
  });
  d.querySelectorAll("[data-bs-toggle=offcanvas]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = d.querySelector(button.getAttribute("data-bs-target"));
      if (target) { target.classList.toggle("show"); d.body.classList.toggle("overflow-hidden"); }
    });
  });
  d.querySelectorAll("[data-bs-toggle=collapse]").forEach(function (button) {
    button.addEventListener("click", function () {
      var target = d.querySelector(button.getAttribute("data-bs-target"));
      if (!target) { return; }
      var open = target.classList.toggle("show");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  });
  w.addEventListener("scroll", function () {
    var y = w.scrollY;
    if (!header) { return; }
    header.classList.toggle("is-scrolled", y > 80);
    header.classList.toggle("is-hidden", y > last && y > 400);
    last = y;
  }, { passive: true });
})(window, document);
"""

TICKER_JS = """
(function (w, d) {
  "use strict";
  // Duplicate the ticker items once so the CSS loop never shows a gap, and refresh them.
  var track = d.querySelector(".ticker-track");
  if (!track) { return; }
  var cfg = ((w.ECO_THEME || w.B_THEME || w.MT_THEME || w.HR_THEME || {}).config || {});
  var speed = Number(track.getAttribute("data-speed")) || 40;
  function fill() {
    var items = Array.prototype.slice.call(track.children);
    items.forEach(function (item) {
      var copy = item.cloneNode(true);
      copy.setAttribute("aria-hidden", "true");
      copy.setAttribute("tabindex", "-1");
      track.appendChild(copy);
    });
    track.style.animationDuration = Math.max(20, track.scrollWidth / speed) + "s";
  }
  function refresh() {
    if (!cfg.endpoints || !w.fetch) { return; }
    w.fetch(cfg.endpoints.live, { credentials: "omit" }).then(function (response) {
      return response.ok ? response.json() : [];
    }).then(function (items) {
      if (!items.length) { return; }
      track.innerHTML = "";
      items.slice(0, 12).forEach(function (item) {
        var link = d.createElement("a");
        link.href = item.url;
        link.className = "text-white mx-3 text-nowrap";
        link.textContent = item.title;
        track.appendChild(link);
      });
      fill();
    }).catch(function () { /* keep the server-rendered items */ });
  }
  fill();
  setInterval(refresh, ((cfg.ticker && cfg.ticker.refresh) || 120) * 1000);
})(window, document);
"""

SHARE_JS = """
(function (w, d) {
  "use strict";
  // Share links open in a small window; the copy button uses the clipboard when allowed.
  d.querySelectorAll("[data-network]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      var network = link.getAttribute("data-network");
      if (network === "mail" || network === "whatsapp" && /Mobi/.test(navigator.userAgent)) { return; }
      event.preventDefault();
      var width = 600, height = 480;
      var left = Math.round((w.screen.width - width) / 2), top = Math.round((w.screen.height - height) / 3);
      w.open(link.href, "share-" + network, "width=" + width + ",height=" + height + ",left=" + left + ",top=" + top + ",noopener");
      if (w.dataLayer) { w.dataLayer.push({ event: "share", network: network }); }
    });
  });
  d.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var text = button.getAttribute("data-copy");
      var done = function () { button.classList.add("is-copied"); setTimeout(function () { button.classList.remove("is-copied"); }, 2000); };
      if (navigator.clipboard) { navigator.clipboard.writeText(text).then(done); return; }
      var field = d.createElement("textarea");
      field.value = text; d.body.appendChild(field); field.select();
      try { d.execCommand("copy"); done(); } finally { d.body.removeChild(field); }
    });
  });
})(window, document);
"""

NEWSLETTER_JS = """
(function (w, d) {
  "use strict";
  // Subscribe without leaving the article; the server answers JSON {ok, message}.
  var pattern = /^[^\\s@]+@[^\\s@]+\\.[^\\s@]{2,}$/;
  d.querySelectorAll(".subscribe-form, #newsletter-footer-form").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var field = form.querySelector("input[type=email]");
      var button = form.querySelector("button[type=submit]");
      if (!field || !pattern.test(field.value.trim())) {
        if (field) { field.classList.add("is-invalid"); field.focus(); }
        return;
      }
      field.classList.remove("is-invalid");
      if (button) { button.disabled = true; }
      var data = new FormData(form);
      data.append("list", form.getAttribute("data-list") || "quotidienne");
      w.fetch(form.action, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (result) {
          var note = d.createElement("div");
          note.className = result.ok ? "alert alert-success mt-2" : "alert alert-warning mt-2";
          note.textContent = result.message || "";
          form.parentNode.replaceChild(note, form);
        })
        .catch(function () { if (button) { button.disabled = false; } });
    });
  });
})(window, document);
"""

READING_JS = """
(function (w, d) {
  "use strict";
  // A reading progress bar over the header, measured against the article body only.
  var body = d.querySelector("#postContent, .article-body-wrapper, .article-content, article");
  if (!body) { return; }
  var bar = d.createElement("div");
  bar.className = "reading-progress";
  bar.style.cssText = "position:fixed;top:0;left:0;height:3px;width:0;z-index:1100;background:currentColor";
  d.body.appendChild(bar);
  function update() {
    var box = body.getBoundingClientRect();
    var total = box.height - w.innerHeight;
    var done = total > 0 ? Math.min(1, Math.max(0, -box.top / total)) : 1;
    bar.style.width = (done * 100).toFixed(1) + "%";
  }
  w.addEventListener("scroll", update, { passive: true });
  w.addEventListener("resize", update);
  update();
})(window, document);
"""


def dress(site: Site, article: ReplicaArticle, date_text: Callable[[datetime], str]) -> Furniture | None:
    """The furniture of `article`'s page when its site serves real-weight pages, else None."""
    return Furniture(site, article, date_text) if site.page_weight == "real" else None
