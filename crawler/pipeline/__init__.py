"""The item pipeline: one small stage per step, in `ITEM_PIPELINES` order.

extract (trafilatura, in worker processes) -> analyze (topic, announcement, figures)
-> resolve (duplicates, stories) -> store (one transaction: page, article, story, alerts)
"""

STAGES = {
    "crawler.pipeline.extract.ExtractStage": 100,
    "crawler.pipeline.analyze.AnalyzeStage": 200,
    "crawler.pipeline.resolve.ResolveStage": 300,
    "crawler.pipeline.store.StoreStage": 400,
}
