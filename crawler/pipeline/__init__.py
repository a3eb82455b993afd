"""The item pipeline: one small stage per step, in `ITEM_PIPELINES` order.

extract (decoding, trafilatura, the topic/announcement analysis and the dedup fingerprint,
in worker processes) -> store (duplicates and stories, then page, article, story and alerts,
in batched transactions)
"""

STAGES = {
    "crawler.pipeline.extract.ExtractStage": 100,
    "crawler.pipeline.store.StoreStage": 400,
}
