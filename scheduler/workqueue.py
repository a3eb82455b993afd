"""The shared queue of source runs, in Redis: what the scheduler role enqueues and workers take.

A source run is a small JSON payload (source, host, trigger). Its life in Redis:

- ``enqueue``: into ``<p>:runs:ready`` unless the source is already waiting or running
  (``<p>:runs:pending`` holds one payload per source), so a slow source never piles up.
- ``claim``: one Lua script takes the first ready run whose HOST is free, locks that host
  (``<p>:host:<host>``, with an expiry) and leases the run (``<p>:runs:leases``, a sorted set
  of deadlines): one site is never crawled by two workers at once, whatever its sources.
- ``renew``: the worker's heartbeat pushes both deadlines on while it crawls.
- ``ack``: the run is done; lease, host lock and pending entry go.
- ``reap``: any lease past its deadline (its worker was killed, or lost Redis) goes back to
  the head of the queue and is marked abandoned; the next worker to take it records the old
  run as killed and restarts the source from a clean frontier (see `scheduler.worker`).

Redis's clock decides every deadline (``TIME`` inside the scripts), so workers on machines
whose clocks disagree still agree on leases. The scripts name keys they build from the
prefix, so this needs one Redis server (or Sentinel), not Redis Cluster.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from redis import Redis

_NOW_MS = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
"""

_ENQUEUE = """
if redis.call('HSETNX', KEYS[2], ARGV[1], ARGV[2]) == 1 then
  redis.call('RPUSH', KEYS[1], ARGV[2])
  return 1
end
return 0
"""

# KEYS: ready, leases, owners. ARGV: worker, lease ms, host-key prefix, how many to look at.
_CLAIM = _NOW_MS + """
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[4]) - 1)
for _, raw in ipairs(items) do
  local run = cjson.decode(raw)
  local hostkey = ARGV[3] .. run['host']
  if redis.call('SET', hostkey, ARGV[1], 'NX', 'PX', ARGV[2]) then
    redis.call('LREM', KEYS[1], 1, raw)
    redis.call('ZADD', KEYS[2], now + tonumber(ARGV[2]), run['source'])
    redis.call('HSET', KEYS[3], run['source'], cjson.encode({worker = ARGV[1]}))
    return raw
  end
end
return false
"""

# KEYS: leases, owners. ARGV: worker, lease ms, host key, source. 1: still ours; 0: lost.
_RENEW = _NOW_MS + """
local owner = redis.call('HGET', KEYS[2], ARGV[4])
if not owner or cjson.decode(owner)['worker'] ~= ARGV[1] then return 0 end
redis.call('ZADD', KEYS[1], 'XX', now + tonumber(ARGV[2]), ARGV[4])
if redis.call('GET', ARGV[3]) == ARGV[1] then
  redis.call('PEXPIRE', ARGV[3], ARGV[2])
else
  redis.call('SET', ARGV[3], ARGV[1], 'NX', 'PX', ARGV[2])
end
return 1
"""

# KEYS: owners. ARGV: worker, source, run id.
_NOTE_RUN = """
local owner = redis.call('HGET', KEYS[1], ARGV[2])
if not owner or cjson.decode(owner)['worker'] ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], ARGV[2], cjson.encode({worker = ARGV[1], run_id = tonumber(ARGV[3])}))
return 1
"""

_ACK = """
local owner = redis.call('HGET', KEYS[2], ARGV[3])
if not owner or cjson.decode(owner)['worker'] ~= ARGV[1] then return 0 end
redis.call('ZREM', KEYS[1], ARGV[3])
redis.call('HDEL', KEYS[2], ARGV[3])
redis.call('HDEL', KEYS[3], ARGV[3])
if redis.call('GET', ARGV[2]) == ARGV[1] then redis.call('DEL', ARGV[2]) end
return 1
"""

# KEYS: leases, owners, pending, ready, abandoned. ARGV: host-key prefix.
_REAP = _NOW_MS + """
local expired = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', now)
for _, source in ipairs(expired) do
  redis.call('ZREM', KEYS[1], source)
  local owner = redis.call('HGET', KEYS[2], source)
  redis.call('HDEL', KEYS[2], source)
  local raw = redis.call('HGET', KEYS[3], source)
  if raw then
    local run = cjson.decode(raw)
    if owner then
      local worker = cjson.decode(owner)['worker']
      local hostkey = ARGV[1] .. run['host']
      if redis.call('GET', hostkey) == worker then redis.call('DEL', hostkey) end
      redis.call('HSET', KEYS[5], source, owner)
    end
    redis.call('LPUSH', KEYS[4], raw)
  end
end
return expired
"""


@dataclass(frozen=True)
class SourceRun:
    """One queued crawl of one source."""

    source: str
    host: str
    trigger: str = "scheduled"
    enqueued_at: str = ""

    def encode(self) -> str:
        return json.dumps({"source": self.source, "host": self.host, "trigger": self.trigger,
                           "enqueued_at": self.enqueued_at}, sort_keys=True)

    @classmethod
    def decode(cls, raw: str | bytes) -> SourceRun:
        data = json.loads(raw)
        return cls(source=data["source"], host=data["host"], trigger=data.get("trigger", ""),
                   enqueued_at=data.get("enqueued_at", ""))


@dataclass(frozen=True)
class Abandoned:
    """A run whose worker stopped renewing its lease: who had it, and its run row if known."""

    worker: str
    run_id: int | None


@dataclass(frozen=True)
class WorkerBeat:
    """What `newswatch status` shows of one worker."""

    name: str
    last_beat: datetime
    source: str | None
    runs_done: int
    host: str

    def age_seconds(self, now: datetime) -> float:
        return (now - self.last_beat).total_seconds()


class WorkQueue:
    """The queue, leases, host locks, worker heartbeats and the frontier's key names."""

    def __init__(self, client: Redis, prefix: str = "newswatch", lease_seconds: float = 120.0,
                 claim_scan: int = 64) -> None:
        self.redis = client
        self.prefix = prefix
        self.lease_ms = int(lease_seconds * 1000)
        self.claim_scan = claim_scan
        self._scripts = {name: client.register_script(body) for name, body in (
            ("enqueue", _ENQUEUE), ("claim", _CLAIM), ("renew", _RENEW), ("note", _NOTE_RUN),
            ("ack", _ACK), ("reap", _REAP))}

    # -- key names -----------------------------------------------------------------------
    def key(self, *parts: str) -> str:
        return ":".join((self.prefix, *parts))

    @property
    def _run_keys(self) -> dict[str, str]:
        return {name: self.key("runs", name)
                for name in ("ready", "pending", "leases", "owners", "abandoned")}

    def host_key(self, host: str) -> str:
        return self.key("host", host)

    def frontier_keys(self, worker: str) -> tuple[str, str]:
        """scrapy-redis's request queue and dupefilter for the crawl a worker runs now."""
        return self.key("frontier", worker, "requests"), self.key("frontier", worker, "seen")

    # -- the scheduler's side ------------------------------------------------------------
    def enqueue(self, run: SourceRun) -> bool:
        """Queue ``run``; False when the source is already waiting or running."""
        keys = self._run_keys
        stamped = run if run.enqueued_at else SourceRun(
            run.source, run.host, run.trigger, datetime.now(UTC).isoformat(timespec="seconds"))
        added = self._scripts["enqueue"](keys=[keys["ready"], keys["pending"]],
                                         args=[run.source, stamped.encode()])
        return bool(added)

    # -- the worker's side ---------------------------------------------------------------
    def claim(self, worker: str) -> SourceRun | None:
        """The first ready run whose host no other worker is crawling, leased to ``worker``."""
        keys = self._run_keys
        raw = self._scripts["claim"](
            keys=[keys["ready"], keys["leases"], keys["owners"]],
            args=[worker, self.lease_ms, self.host_key(""), self.claim_scan])
        return SourceRun.decode(raw) if raw else None

    def note_run(self, worker: str, run: SourceRun, run_id: int) -> bool:
        """Remember the run row, so a worker that takes the run over can close it."""
        keys = self._run_keys
        return bool(self._scripts["note"](keys=[keys["owners"]], args=[worker, run.source, run_id]))

    def renew(self, worker: str, run: SourceRun) -> bool:
        """Push the lease and host lock on; False when the run is no longer ours."""
        keys = self._run_keys
        return bool(self._scripts["renew"](
            keys=[keys["leases"], keys["owners"]],
            args=[worker, self.lease_ms, self.host_key(run.host), run.source]))

    def ack(self, worker: str, run: SourceRun) -> bool:
        keys = self._run_keys
        return bool(self._scripts["ack"](
            keys=[keys["leases"], keys["owners"], keys["pending"]],
            args=[worker, self.host_key(run.host), run.source]))

    def reap(self) -> list[str]:
        """Put runs whose lease ran out back at the head of the queue; their sources."""
        keys = self._run_keys
        expired = self._scripts["reap"](
            keys=[keys["leases"], keys["owners"], keys["pending"], keys["ready"], keys["abandoned"]],
            args=[self.host_key("")])
        return [_text(name) for name in expired]

    def abandoned(self, source: str) -> Abandoned | None:
        """Who left ``source``'s run unfinished (until `forget_abandoned`)."""
        raw = self.redis.hget(self._run_keys["abandoned"], source)
        if raw is None:
            return None
        owner = json.loads(cast(bytes, raw))
        return Abandoned(worker=owner.get("worker", "?"), run_id=owner.get("run_id"))

    def forget_abandoned(self, source: str) -> None:
        self.redis.hdel(self._run_keys["abandoned"], source)

    def clear_frontier(self, worker: str) -> None:
        self.redis.delete(*self.frontier_keys(worker))

    # -- heartbeats and the operator's view ----------------------------------------------
    def beat(self, beat: WorkerBeat) -> None:
        self.redis.hset(self.key("workers"), beat.name, json.dumps({
            "last_beat": beat.last_beat.isoformat(), "source": beat.source,
            "runs_done": beat.runs_done, "host": beat.host}))

    def forget_worker(self, name: str) -> None:
        self.redis.hdel(self.key("workers"), name)

    def workers(self) -> list[WorkerBeat]:
        raw = cast(dict[Any, Any], self.redis.hgetall(self.key("workers")))
        beats = []
        for name, value in raw.items():
            data = json.loads(value)
            beats.append(WorkerBeat(name=_text(name), last_beat=datetime.fromisoformat(data["last_beat"]),
                                    source=data.get("source"), runs_done=int(data.get("runs_done", 0)),
                                    host=data.get("host", "")))
        return sorted(beats, key=lambda beat: beat.name)

    def depth(self) -> int:
        """Runs waiting for a worker."""
        return int(self.redis.llen(self._run_keys["ready"]))

    def running(self) -> dict[str, str]:
        """Source -> the worker crawling it now."""
        raw = cast(dict[Any, Any], self.redis.hgetall(self._run_keys["owners"]))
        return {_text(source): json.loads(owner).get("worker", "?") for source, owner in raw.items()}

    # -- runs that failed while the database was down -------------------------------------
    def hold_failure(self, record: dict[str, Any]) -> None:
        self.redis.rpush(self.key("runs", "unrecorded"), json.dumps(record))

    def held_failures(self) -> list[dict[str, Any]]:
        raw = cast(list[Any], self.redis.lrange(self.key("runs", "unrecorded"), 0, -1))
        return [json.loads(item) for item in raw]

    def drop_failures(self, count: int) -> None:
        self.redis.ltrim(self.key("runs", "unrecorded"), count, -1)


def _text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value
