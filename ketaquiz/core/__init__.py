"""The domain: articles, question sets, generation, scheduling, storage, statistics. Never imports Qt."""
