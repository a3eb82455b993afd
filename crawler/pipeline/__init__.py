"""The item pipeline: one small stage per step, in `ITEM_PIPELINES` order.

extract (trafilatura, then the topic/announcement analysis, in worker processes)
-> resolve (duplicates, stories) -> store (one transaction: page, article, story, alerts)
"""

STAGES = {
    "crawler.pipeline.extract.ExtractStage": 100,
    "crawler.pipeline.resolve.ResolveStage": 300,
    "crawler.pipeline.store.StoreStage": 400,
}
