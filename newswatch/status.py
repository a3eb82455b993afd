"""`newswatch status`: the health of every source, its next run, and the outbox; in worker
mode (``NEWSWATCH_REDIS_URL`` set) the workers and the shared queue too."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import TYPE_CHECKING, Any

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, col, select

from newswatch.settings import Settings
from storage.models import Alert, Article, SourceState
from storage.queries import source_states

if TYPE_CHECKING:
    from scheduler.workqueue import WorkerBeat

ADMIN_NOTICE_LIMIT = 20
# A worker beats every heartbeat_seconds; missing three in a row, it is called silent.
SILENT_AFTER_BEATS = 3


def _articles_today(session: Session) -> dict[str, int]:
    midnight = datetime.combine(datetime.now(UTC).date(), time(), tzinfo=UTC)
    query = (select(Article.source, func.count()).where(Article.fetched_at >= midnight)
             .where(Article.is_seed == False)  # noqa: E712
             .group_by(Article.source))
    return dict(session.exec(query).all())


def _source_row(state: SourceState, next_run: datetime | None, today: int) -> dict[str, Any]:
    return {
        "source": state.name, "health": state.health, "last_success": state.last_success_at,
        "last_error": state.last_error, "last_error_at": state.last_error_at,
        "consecutive_failures": state.consecutive_failures, "rung": state.last_rung,
        "coverage": _coverage(state.last_rung),
        "last_new_article": state.last_new_article_at, "next_run": next_run,
        "articles_today": today,
    }


def _coverage(rung: str | None) -> str | None:
    """"headlines only" when the last run read the aggregator's headlines, not the outlet's pages."""
    if rung is None:
        return None
    return "headlines only" if rung == "headlines" else "articles"


def _unrun_row(source: Any, next_run: datetime | None) -> dict[str, Any]:
    """A catalogue source with no run recorded yet: listed so that none is forgotten."""
    return {
        "source": source.name, "health": "never run" if source.enabled else "disabled",
        "last_success": None, "last_error": None, "last_error_at": None, "consecutive_failures": 0,
        "rung": None, "coverage": None, "last_new_article": None, "next_run": next_run, "articles_today": 0,
    }


def _admin_notices(session: Session) -> list[dict[str, Any]]:
    query = (select(Alert).where(Alert.kind == "notice")
             .order_by(col(Alert.id).desc()).limit(ADMIN_NOTICE_LIMIT))
    return [
        {"id": a.id, "channel": a.channel, "status": a.status, "created_at": a.created_at,
         "title": (a.payload.get("message") or {}).get("title", "")}
        for a in session.exec(query).all()
    ]


def collect_status(settings: Settings, engine: Engine) -> dict[str, Any]:
    """Per source, every catalogue source included: health, the rung that worked, last
    success/error, next run (from the daemon's job store)."""
    from crawler.sources import load_sources
    from scheduler.daemon import crawl_job_id
    from scheduler.jobstore import next_run_times
    from scheduler.stops import last_start

    next_runs = next_run_times(settings.effective_database_url)
    catalogue = load_sources(settings.sources_file)
    with Session(engine) as session:
        today = _articles_today(session)
        alert_counts = dict(session.exec(select(Alert.status, func.count()).group_by(Alert.status)).all())
        sources = [_source_row(s, next_runs.get(crawl_job_id(s.name)), today.get(s.name, 0))
                   for s in source_states(session)]
        seen = {row["source"] for row in sources}
        sources += [_unrun_row(s, next_runs.get(crawl_job_id(s.name))) for s in catalogue if s.name not in seen]
        notices = _admin_notices(session)
    report: dict[str, Any] = {
        "sources": sources, "alerts": alert_counts, "admin_notices": notices,
        "daemon_scheduled": bool(next_runs), "daemon": last_start(settings.effective_database_url),
    }
    if settings.redis_url:
        report["worker_mode"] = collect_workers(settings)
    return report


def collect_workers(settings: Settings) -> dict[str, Any]:
    """The workers' heartbeats, the runs waiting and the sources being crawled, from Redis.
    Redis unreachable is part of the answer, never an error: the rest of the status stands."""
    from redis.exceptions import RedisError

    from scheduler.worker import work_queue

    silent_after = SILENT_AFTER_BEATS * settings.worker.heartbeat_seconds
    queue = work_queue(settings.scheduler_config())
    try:
        beats, depth, running = queue.workers(), queue.depth(), queue.running()
    except (RedisError, OSError) as exc:
        return {"reachable": False, "error": _one_line(exc), "silent_after_seconds": silent_after}
    finally:
        queue.redis.close()
    now = datetime.now(UTC)
    return {
        "reachable": True, "error": None, "silent_after_seconds": silent_after,
        "queue_depth": depth,
        "running": [{"source": source, "worker": worker} for source, worker in sorted(running.items())],
        "workers": [_worker_row(beat, now, silent_after) for beat in beats],
    }


def _worker_row(beat: WorkerBeat, now: datetime, silent_after: float) -> dict[str, Any]:
    age = beat.age_seconds(now)
    return {"name": beat.name, "host": beat.host, "last_heartbeat": beat.last_beat,
            "age_seconds": round(age, 1), "source": beat.source, "runs_done": beat.runs_done,
            "silent": age > silent_after}


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
