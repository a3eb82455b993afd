# newswatch daemon image. Build: docker build -t newswatch .
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

RUN useradd --create-home --uid 1000 newswatch \
    && mkdir -p /data && chown newswatch:newswatch /data

WORKDIR /app
COPY pyproject.toml README.md ./
COPY newswatch ./newswatch
COPY crawler ./crawler
COPY scheduler ./scheduler
COPY storage ./storage
COPY alerts ./alerts
COPY analysis ./analysis
COPY dedup ./dedup
COPY web ./web
RUN pip install .

USER newswatch
ENV NEWSWATCH_DATA_DIR=/data
VOLUME ["/data"]
EXPOSE 9108 9109
# Exec form, so SIGTERM reaches the daemon itself (compose adds an init to reap children).
CMD ["newswatch", "daemon"]
