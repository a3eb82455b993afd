"""Watches: the file (errors naming file, watch and key), each filter, the outbox per watch
and channel, `newswatch watches list|test` as a user runs them, and a crawl of the replica
routing two watches to their own destinations."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email import message_from_bytes
from email import policy as email_policy
from email.header import decode_header, make_header
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlmodel import Session, select

from alerts.config import AlertingConfig
from alerts.errors import WatchesFileError, WatchNotFound
from alerts.watches import (
    DEFAULT_WATCH,
    Watch,
    find_watch,
    load_watches,
    story_matches,
    try_watch,
)
from alerts_servers import T0, SlackServer, add_story, all_alerts, engine  # noqa: F401 - fixtures
from conftest import CliResult, CliRunner
from devkit.replica import ReplicaWeb
from newswatch.settings import load_settings
from newswatch.usecases import crawl_once, open_database
from storage.db import session_scope
from storage.models import Alert, Article, Story
from webhook_server import WebhookServer

SECRET = "crm-shared-secret"


def write(tmp_path: Path, text: str, name: str = "watches.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# -- the file ---------------------------------------------------------------------------------

BAD_FILES = [
    ('[[watch]]\nname = "tanger"\nkinds = ["jobs", "callcentre"]\n',
     ["watch 'tanger'", "key 'kinds.1'", "'callcentre' is not one of"]),
    ('[[watch]]\nname = "Tanger Parks"\n', ["watch 'Tanger Parks'", "key 'name'", "not a slug"]),
    ('[[watch]]\nname = "a"\n[[watch]]\nname = "a"\n', ["watch 'a': name used twice"]),
    (f'[[watch]]\nname = "{DEFAULT_WATCH}"\n', [f"watch '{DEFAULT_WATCH}'", "reserved"]),
    ('[[watch]]\nname = "crm"\nwebhook_url = "https://crm.example.ma/h"\n',
     ["watch 'crm'", "webhook_url needs webhook_secret"]),
    ('[[watch]]\nname = "crm"\nslack_webhook_url = "http://hooks.example.com/x"\n',
     ["watch 'crm'", "key 'slack_webhook_url'", "https://"]),
    ('[[watch]]\nname = "big"\nmin_jobs = -5\n', ["watch 'big'", "key 'min_jobs'"]),
    ('[[watch]]\nname = "big"\nmin_job = 5\n', ["watch 'big'", "key 'min_job'", "Extra inputs"]),
    ('[[watch]]\nname = "to"\nemail_to = ["not an address"]\n',
     ["watch 'to'", "key 'email_to'", "not an email address"]),
    ('[rates]\nEUR = "ten"\n', ["key 'rates.EUR'", "number above 0"]),
    ('[watches]\nname = "x"\n', ["unknown key 'watches'"]),
    ('[[watch]]\nname = "x"\ncities = [\n', ["not valid TOML"]),
    ('[[watch]]\ncities = ["Fès"]\n', ["watch #1", "key 'name'", "required"]),
]


@pytest.mark.parametrize(("text", "expected"), BAD_FILES)
def test_a_bad_watches_file_names_file_watch_and_key(tmp_path: Path, text: str,
                                                     expected: list[str]) -> None:
    path = write(tmp_path, text)
    with pytest.raises(WatchesFileError) as caught:
        load_watches(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    for part in expected:
        assert part in message, message


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(WatchesFileError, match="no such watches file"):
        load_watches(tmp_path / "absent.toml")


def test_no_file_gives_the_default_watch_on_the_global_channels() -> None:
    [watch] = load_watches(None, email_to=["desk@example.ma"])
    assert watch.name == DEFAULT_WATCH and watch.filters() == {}
    assert watch.channels() == ["email"]  # plain names: outbox keys from before watches hold


def test_the_file_adds_watches_with_rates(tmp_path: Path) -> None:
    path = write(tmp_path, '[rates]\nEUR = 11.5\n\n[[watch]]\nname = "crm"\n'
                           'min_investment_mad = 1e8\nwebhook_url = "https://crm.example.ma/h"\n'
                           f'webhook_secret = "{SECRET}"\n')
    default, crm = load_watches(path)
    assert default.name == DEFAULT_WATCH and crm.rates["EUR"] == 11.5
    own = write(tmp_path, '[rates]\nUSD = 9.5\n\n[[watch]]\nname = "a"\nrates = { EUR = 11.0 }\n',
                "own.toml")
    [_default, mine] = load_watches(own)
    assert (mine.rates["EUR"], mine.rates["USD"]) == (11.0, 9.5)  # refined, not replaced
    assert crm.channels() == ["webhook:crm"]
    assert SECRET not in repr(crm) and "crm.example.ma" not in repr(crm)


def test_settings_read_the_file_at_start_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, '[[watch]]\nname = "desk"\nemail_to = ["desk@example.ma"]\n')
    monkeypatch.setenv("NEWSWATCH_WATCHES", str(path))
    with pytest.raises(WatchesFileError, match=r"watch 'desk', key 'email_to': needs a mail server"):
        load_settings()
    settings = load_settings(smtp_host="127.0.0.1")
    assert [w.name for w in settings.alerting.watches] == ["desk"]


# -- the filters ------------------------------------------------------------------------------


def story(**values: object) -> Story:
    base: dict[str, object] = dict(
        title="Kestrel BPO ouvre un site à Salé", announcement=True, kinds=["new_site", "jobs"],
        jobs=400, investment_amount=None, investment_currency=None,
        companies=["Kestrel BPO Maroc SA"], cities=["Salé"],
    )
    base.update(values)
    return Story(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(("watch", "matching", "other"), [
    (Watch(name="w", companies=["Kestrel BPO"]), story(), story(companies=["Orvalis Contact"])),
    (Watch(name="w", companies=["كيسترل"]), story(), story(companies=["Orvalis Contact"])),
    (Watch(name="w", cities=["Rabat"]), story(), story(cities=["Agadir"])),
    (Watch(name="w", cities=["Salé", "Fès"]), story(cities=["Fès"]), story(cities=["Tanger"])),
    (Watch(name="w", kinds=["expansion", "jobs"]), story(), story(kinds=["mou"])),
    (Watch(name="w", min_jobs=400), story(), story(jobs=399)),
    (Watch(name="w", min_jobs=1), story(), story(jobs=None)),
    (Watch(name="w", min_investment_mad=100e6),
     story(investment_amount=150e6, investment_currency="MAD"),
     story(investment_amount=90e6, investment_currency="MAD")),
    (Watch(name="w", min_investment_mad=100e6, rates={"EUR": 10.8}),
     story(investment_amount=10e6, investment_currency="EUR"),  # 108 M MAD
     story(investment_amount=9e6, investment_currency="EUR")),  # 97.2 M MAD
    (Watch(name="w", min_investment_mad=100e6, rates={"EUR": 9.5}),
     story(investment_amount=11e6, investment_currency="EUR"),  # 104.5 M MAD
     story(investment_amount=10e6, investment_currency="EUR")),  # 95 M MAD at this rate
    (Watch(name="w", min_investment_mad=50e6, rates={"USD": 10.0}),
     story(investment_amount=5e6, investment_currency="USD"),
     story(investment_amount=4.9e6, investment_currency="USD")),
    (Watch(name="w", min_investment_mad=1e6),
     story(investment_amount=2e6, investment_currency="MAD"),
     story(investment_amount=2e6, investment_currency="GBP")),  # no rate: not counted
])
def test_each_filter_matches_and_refuses(watch: Watch, matching: Story, other: Story) -> None:
    assert story_matches(watch, matching)
    assert not story_matches(watch, other)


def test_filters_combine_with_and() -> None:
    watch = Watch(name="w", cities=["Rabat"], min_jobs=1000)
    assert not story_matches(watch, story(jobs=400))
    assert not story_matches(watch, story(jobs=1200, cities=["Oujda"]))
    assert story_matches(watch, story(jobs=1200))


def test_keywords_in_title_or_text_folded() -> None:
    watch = Watch(name="w", keywords=["centre de données", "recrut*"])
    assert story_matches(watch, story(), [("Un CENTRE DE DONNEES à Salé", "")])
    assert story_matches(watch, story(), [("Titre", "L'entreprise recrutera 300 techniciens.")])
    assert not story_matches(watch, story(), [("Titre", "Un centre de donnéesX, sans embauche.")])
    assert not story_matches(watch, story())  # no text given: nothing to find the word in


def test_languages_are_the_reports_languages() -> None:
    watch = Watch(name="w", languages=["ar"])
    assert story_matches(watch, story(), languages=["fr", "ar"])
    assert not story_matches(watch, story(), languages=["fr", None])


# -- the outbox -------------------------------------------------------------------------------

ANALYSIS = {
    "language": "fr", "kinds": ["new_site", "jobs"], "jobs": 450, "companies": ["Kestrel BPO"],
    "cities": ["Tanger"], "evidence": ["Kestrel BPO recrutera 450 conseillers à Tanger."],
}


def policy(*watches: Watch) -> AlertingConfig:
    return AlertingConfig().with_watches(list(watches))


def test_outbox_keys_per_story_watch_and_channel(engine) -> None:  # noqa: ANN001, F811
    north = Watch(name="north", cities=["Tanger"], email_to=["n@example.ma"],
                  slack_webhook_url=SecretStr("https://hooks.slack.com/services/N"))
    south = Watch(name="south", cities=["Agadir"], email_to=["s@example.ma"])
    channels = ("email", "email:north", "slack:north", "email:south")
    rules = policy(north, south)
    story_row, _article, alerts = add_story(engine, analysis=ANALYSIS, title="Kestrel à Tanger",
                                            url="https://example.test/k", channels=channels,
                                            policy=rules)
    assert sorted(a.key for a in alerts) == sorted(
        f"story:{story_row.id}:{c}:announcement" for c in ("email", "email:north", "slack:north"))
    # Another report of the same story adds nothing on any destination.
    add_story(engine, analysis=ANALYSIS, title="Tanger : Kestrel", url="https://example.test/k2",
              story_id=story_row.id, channels=channels, policy=rules)
    assert len(all_alerts(engine)) == 3


def test_a_watch_without_updates_gets_the_announcement_only(engine) -> None:  # noqa: ANN001, F811
    quiet = Watch(name="quiet", cities=["Tanger"], email_to=["q@example.ma"], updates=False)
    rules = policy(quiet)
    lacking = {**ANALYSIS, "jobs": None}
    story_row, _a, first = add_story(engine, analysis=lacking, url="https://example.test/q1",
                                     channels=("email", "email:quiet"), policy=rules)
    assert len(first) == 2
    with session_scope(engine) as session:  # the announcement went out
        for alert in session.exec(select(Alert)).all():
            alert.status = "sent"
            session.add(alert)
        row = session.get(Story, story_row.id)
        assert row is not None
        row.jobs = 450
        session.add(row)
    _s, _a, later = add_story(engine, analysis=ANALYSIS, url="https://example.test/q2",
                              story_id=story_row.id, channels=("email", "email:quiet"),
                              policy=rules)
    assert [a.channel for a in later] == ["email"] and later[0].kind == "update"


def test_a_story_that_gains_the_figure_a_watch_wants_is_announced_to_it(engine) -> None:  # noqa: ANN001, F811
    big = Watch(name="big", min_jobs=300, email_to=["b@example.ma"])
    rules = policy(big)
    story_row, _a, first = add_story(engine, analysis={**ANALYSIS, "jobs": None},
                                     url="https://example.test/b1", channels=("email:big",),
                                     policy=rules)
    assert first == []
    with session_scope(engine) as session:
        row = session.get(Story, story_row.id)
        assert row is not None
        row.jobs = 450
        session.add(row)
    _s, _a, later = add_story(engine, analysis=ANALYSIS, url="https://example.test/b2",
                              story_id=story_row.id, channels=("email:big",), policy=rules)
    assert [(a.channel, a.kind) for a in later] == [("email:big", "announcement")]


# -- the command line -------------------------------------------------------------------------


@pytest.fixture
def run(cli: CliRunner) -> Callable[[list[str], dict[str, str]], CliResult]:
    """`newswatch ARGS` in this process, through the console script's `main` (conftest)."""
    return lambda args, env: cli(args, env=env)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"NEWSWATCH_DATA_DIR": str(tmp_path / "data"),
            "NEWSWATCH_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
            "NEWSWATCH_SMTP_HOST": "127.0.0.1", "COLUMNS": "300"}


WATCHES = f"""
[rates]
EUR = 10.0

[[watch]]
name = "fes-it"
cities = ["Fès"]
kinds = ["jobs"]
email_to = ["it@example.ma"]

[[watch]]
name = "big-money"
min_investment_mad = 100e6
webhook_url = "https://crm.example.ma/hooks/newswatch?token=abc"
webhook_secret = "{SECRET}"
"""


def test_watches_list(run, env: dict[str, str], tmp_path: Path) -> None:  # noqa: ANN001
    env["NEWSWATCH_WATCHES"] = str(write(tmp_path, WATCHES))
    env["NEWSWATCH_ALERTING__ROUTING__SLACK__MIN_JOBS"] = "100"  # the default watch's rule
    result = run(["watches", "list", "--json"], env)
    assert result.returncode == 0, result.stderr
    rows = {row["name"]: row for row in json.loads(result.stdout)["items"]}
    assert list(rows) == [DEFAULT_WATCH, "fes-it", "big-money"]
    assert rows[DEFAULT_WATCH]["routing"] == {"slack": {"min_jobs": 100}}
    assert rows["fes-it"]["channels"] == ["email:fes-it"]
    assert rows["fes-it"]["filters"] == {"cities": ["Fès"], "kinds": ["jobs"]}
    assert rows["big-money"]["webhook_host"] == "crm.example.ma"
    assert SECRET not in result.stdout and "token=abc" not in result.stdout
    plain = run(["watches", "list"], env)
    assert "fes-it\tcities Fès; kinds jobs\temail:fes-it" in plain.stdout


def test_a_bad_file_is_one_line_and_exit_1(run, env: dict[str, str], tmp_path: Path) -> None:  # noqa: ANN001
    path = write(tmp_path, '[[watch]]\nname = "fes"\nlanguages = ["es"]\n')
    env["NEWSWATCH_WATCHES"] = str(path)
    result = run(["watches", "list"], env)
    assert result.returncode == 1
    [line] = result.stderr.strip().splitlines()
    assert str(path) in line and "watch 'fes'" in line and "key 'languages.0'" in line


def _stored_stories(env: dict[str, str]) -> dict[str, int]:
    settings = load_settings(database_url=env["NEWSWATCH_DATABASE_URL"],
                             data_dir=Path(env["NEWSWATCH_DATA_DIR"]))
    now = datetime.now(UTC)
    rows = {
        "fes-recent": story(title="Fès : Nexaro ouvre 300 postes", cities=["Fès"], jobs=300,
                            created_at=now - timedelta(days=2)),
        "fes-old": story(title="Fès : Nexaro, premier site", cities=["Fès"], jobs=100,
                         created_at=now - timedelta(days=40)),
        "rabat-euros": story(title="Rabat : 12 M€ chez Kestrel", investment_amount=12e6,
                             investment_currency="EUR", created_at=now - timedelta(days=5)),
        "fes-mou": story(title="Fès : un protocole", cities=["Fès"], kinds=["mou"],
                         created_at=now - timedelta(days=1)),
    }
    with session_scope(open_database(settings)) as session:
        for row in rows.values():
            session.add(row)
        session.flush()
        return {name: int(row.id or 0) for name, row in rows.items()}


def test_watches_test_shows_the_stored_stories_it_would_have_matched(
    run, env: dict[str, str], tmp_path: Path  # noqa: ANN001
) -> None:
    env["NEWSWATCH_WATCHES"] = str(write(tmp_path, WATCHES))
    ids = _stored_stories(env)
    recent = run(["watches", "test", "fes-it", "--days", "30", "--json"], env)
    assert recent.returncode == 0, recent.stderr
    assert [r["story"] for r in json.loads(recent.stdout)["items"]] == [ids["fes-recent"]]
    longer = run(["watches", "test", "fes-it", "--days", "60", "--json"], env)
    assert [r["story"] for r in json.loads(longer.stdout)["items"]] == [ids["fes-recent"], ids["fes-old"]]
    money = run(["watches", "test", "big-money", "--days", "30"], env)
    assert "Kestrel" in money.stdout and "Nexaro" not in money.stdout
    assert "1 of 3 announcement stories of the last 30 days match watch 'big-money'" in money.stderr
    every = run(["watches", "test", DEFAULT_WATCH, "--days", "30", "--json"], env)
    assert len(json.loads(every.stdout)["items"]) == 3
    capped = run(["watches", "test", DEFAULT_WATCH, "--days", "30", "--limit", "2"], env)
    assert "2 of 3 announcement stories" in capped.stderr and "--limit 2" in capped.stderr
    by_channel = run(["alerts", "list", "--channel", "webhook:big-money", "--json"], env)
    assert by_channel.returncode == 0 and json.loads(by_channel.stdout)["items"] == []
    assert run(["alerts", "list", "--channel", "fax:big-money"], env).returncode == 2
    unknown = run(["watches", "test", "nope"], env)
    assert unknown.returncode == 1 and "no watch named 'nope'" in unknown.stderr


@pytest.fixture
def any_engine(database_url: str):  # noqa: ANN201
    from storage.db import connect

    engine = connect(database_url)
    yield engine
    engine.dispose()


def test_try_watch_and_find_watch(any_engine) -> None:  # noqa: ANN001
    engine = any_engine
    add_story(engine, analysis=ANALYSIS, url="https://example.test/t")
    for n in range(3):  # more stories than one streamed batch would need, read with articles
        add_story(engine, analysis={**ANALYSIS, "cities": ["Fès"]}, url=f"https://example.test/f{n}",
                  title=f"Kestrel recrute à Fès ({n})")
    with Session(engine) as session:
        words = try_watch(session, Watch(name="kw", keywords=["recrute"], cities=["Fès"]),
                          since=T0 - timedelta(days=400), limit=2)
        assert [s.title for s in words.matched] == ["Kestrel recrute à Fès (2)",
                                                    "Kestrel recrute à Fès (1)"]
    watch = Watch(name="arabic", languages=["ar"])
    with Session(engine) as session:
        trial = try_watch(session, watch, since=T0 - timedelta(days=400))
        assert trial.matched == [] and trial.examined == 4
        assert len(try_watch(session, Watch(name="fr", languages=["fr"]),
                             since=T0 - timedelta(days=400)).matched) == 4
    with pytest.raises(WatchNotFound):
        find_watch([watch], "other")


# -- a crawl of the replica -------------------------------------------------------------------


def _mail(raw: bytes) -> tuple[str, str]:
    message = message_from_bytes(raw, policy=email_policy.default)
    return str(message["To"]), str(make_header(decode_header(message["Subject"])))


def test_crawl_routes_each_watch_to_its_own_destinations_once(
    make_settings, mail_server, replica: ReplicaWeb, tmp_path: Path, database_url: str
) -> None:
    sink, port = mail_server
    with SlackServer() as slack, SlackServer() as idle, WebhookServer(SECRET) as hook:
        path = write(tmp_path, f"""
[[watch]]
name = "oriental"
cities = ["Oujda"]
email_to = ["oriental@example.ma"]
slack_webhook_url = "{slack.url}"

[[watch]]
name = "it-nearshore"
companies = ["Nexora Digital"]
min_jobs = 500
email_to = ["it@example.ma"]
webhook_url = "{hook.url}"
webhook_secret = "{SECRET}"

[[watch]]
name = "billions"
min_investment_mad = 1e9
slack_webhook_url = "{idle.url}"
""")
        settings = make_settings(smtp_host="127.0.0.1", smtp_port=port, smtp_security="none",
                                 watches=path, database_url=database_url)
        sources = replica.write_sources(tmp_path / "sources.toml")
        summary = crawl_once(settings, sources_file=sources)
        assert summary.failed_sources == [], summary

        mails = sorted(_mail(raw) for raw in sink.messages)
        assert [to for to, _ in mails] == ["it@example.ma", "oriental@example.ma"], mails
        assert "Nexora" in mails[0][1] and "Tellaris" in mails[1][1]
        assert len(slack.delivered) == 1 and "Tellaris" in json.dumps(slack.delivered[0])
        assert idle.requests == []
        [delivery] = hook.received
        assert delivery.verified and delivery.status == 200
        body = delivery.json()
        assert body["watch"] == "it-nearshore" and body["story"]["companies"]
        assert "Nexora" in body["story"]["title"] and body["story"]["jobs"] == 800
        assert body["story"]["also_reported_by"], body  # the wire story's other outlet

        with Session(open_database(settings)) as session:
            sent = session.exec(select(Alert).where(Alert.status == "sent")).all()
            assert sorted(a.channel for a in sent) == [
                "email:it-nearshore", "email:oriental", "slack:oriental", "webhook:it-nearshore"]
            wire = session.exec(select(Article).where(Article.title.contains("Nexora"))).all()  # type: ignore[attr-defined]
            assert len(wire) == 2  # two outlets, one story, one message per destination

        crawl_once(settings, sources_file=sources)
        assert len(sink.messages) == 2 and len(slack.delivered) == 1 and len(hook.received) == 1


def test_quiet_hours_of_a_kind_cover_the_watches_channels_of_that_kind() -> None:
    from alerts.config import QuietHours

    hours = QuietHours(channels=["email"])
    assert hours.applies_to("email") and hours.applies_to("email:oriental")
    assert not hours.applies_to("slack:oriental") and not hours.applies_to("webhook:crm")


def test_backfill_queues_each_story_for_the_watches_it_matches(engine) -> None:  # noqa: ANN001, F811
    from alerts.backfill import backfill

    north = Watch(name="north", cities=["Tanger"], email_to=["n@example.ma"])
    south = Watch(name="south", cities=["Agadir"], email_to=["s@example.ma"])
    add_story(engine, analysis=ANALYSIS, url="https://example.test/n")  # stored, no channel
    add_story(engine, analysis={**ANALYSIS, "cities": ["Agadir"]}, url="https://example.test/s")
    channels = ["email:north", "email:south"]
    with session_scope(engine) as session:
        report = backfill(session, channels=channels, since=timedelta(days=30), now=T0,
                          policy=policy(north, south))
    assert report.stories == 2 and report.queued == 2
    by_story = {(a.story_id, a.channel) for a in all_alerts(engine)}
    assert len(by_story) == 2 and {c for _s, c in by_story} == set(channels)
    with session_scope(engine) as session:  # run twice, nothing more
        again = backfill(session, channels=channels, since=timedelta(days=30), now=T0,
                         policy=policy(north, south))
    assert again.queued == 0 and len(all_alerts(engine)) == 2
